#pragma once
// The text a rollup bucket keeps its sums in ("id:value,id:value…", rollup_buckets.data), read
// by the folder (rollups.cpp, rollups_running.cpp) and by the time series (rollups_series.cpp),
// and the sums themselves added up.
#include <charconv>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string_view>

namespace antq::reports {

// Calls f(metric id, value) for each "id:value" of a bucket's data.
template <class F>
inline void for_each_entry(std::string_view s, F f) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    int k = 0;
    std::int64_t x = 0;
    auto r1 = std::from_chars(p, end, k);
    if (r1.ec != std::errc() || r1.ptr >= end || *r1.ptr != ':' || k < 0) throw std::runtime_error("rollup: corrupt bucket data");
    auto r2 = std::from_chars(r1.ptr + 1, end, x);
    if (r2.ec != std::errc()) throw std::runtime_error("rollup: corrupt bucket data");
    f(k, x);
    p = r2.ptr < end ? r2.ptr + 1 : end;
  }
}

// into += sign × v, metric by metric; a sum that comes to zero is dropped (a bucket keeps no zeros).
inline void add(std::map<int, std::int64_t>& into, const std::map<int, std::int64_t>& v, int sign = 1) {
  for (const auto& [k, x] : v) {
    auto& slot = into[k];
    slot += sign * x;
    if (slot == 0) into.erase(k);
  }
}

}  // namespace antq::reports
