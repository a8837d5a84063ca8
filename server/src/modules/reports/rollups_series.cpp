// Sums at the ends of consecutive windows (a time series of the reports dashboard), read from
// the rollup's buckets: Rollups::prefixes (rollups.hpp).
#include <cstdio>
#include <optional>

#include "core/time.hpp"
#include "modules/reports/bucket_data.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/reports/rollups.sql.hpp"

namespace antq::reports {

using namespace antq::sql::reports::rollups;  // the statements: rollups.sql

namespace {

// One grain's buckets from `lo` to `hi` (inclusive, the buckets' own names: "2024", "2024-03",
// "2024-03-15").
struct BucketRange {
  const char* grain;
  std::string lo, hi;
};

std::string last_day_of_month(const std::string& day) {
  const int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2));
  char first_of_next[16];
  std::snprintf(first_of_next, sizeof first_of_next, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
  return timeutil::add_days(first_of_next, -1);
}

// The buckets that hold exactly the days after `after` up to `upto`: a whole year where the span
// covers one, else a whole month, else single days; consecutive buckets of one grain as one range.
std::vector<BucketRange> cover(const std::string& after, const std::string& upto) {
  std::vector<BucketRange> out;
  const auto push = [&out](const char* grain, std::string bucket) {
    if (!out.empty() && out.back().grain == grain) out.back().hi = std::move(bucket);
    else out.push_back({grain, bucket, bucket});
  };
  for (std::string d = timeutil::add_days(after, 1); d <= upto;) {
    const std::string year_end = d.substr(0, 4) + "-12-31";
    const std::string month_end = last_day_of_month(d);
    if (d.compare(5, 5, "01-01") == 0 && year_end <= upto) {
      push("y", d.substr(0, 4));
      d = timeutil::add_days(year_end, 1);
    } else if (d.compare(8, 2, "01") == 0 && month_end <= upto) {
      push("m", d.substr(0, 7));
      d = timeutil::add_days(month_end, 1);
    } else {
      push("d", d);
      d = timeutil::add_days(d, 1);
    }
  }
  return out;
}

}  // namespace

std::vector<Figures> Rollups::prefixes(db::Connection& c, std::int64_t node, const std::vector<std::string>& ends,
                                       const std::function<bool(const std::string&)>& wanted) {
  std::vector<Figures> out;
  if (ends.empty()) return out;
  out.reserve(ends.size());
  // Sums by metric id in a flat array: a series of day windows adds thousands of buckets of
  // thousands of entries each, which a map by id (or by name) made the bulk of its time.
  std::vector<std::int64_t> sum;
  const auto add = [&](const std::string& data, std::int64_t sign = 1) {
    for_each_entry(data, [&](int k, std::int64_t x) {
      if (static_cast<std::size_t>(k) >= sum.size()) sum.resize(static_cast<std::size_t>(k) + 1, 0);
      sum[static_cast<std::size_t>(k)] += sign * x;
    });
  };
  // The wanted names, by id, looked up once.
  std::vector<std::optional<std::string>> names;
  std::vector<bool> known;
  const auto figures = [&] {
    Figures f;
    if (names.size() < sum.size()) names.resize(sum.size()), known.resize(sum.size(), false);
    for (std::size_t k = 0; k < sum.size(); ++k) {
      if (sum[k] == 0) continue;
      if (!known[k]) {
        const std::string& name = metric_name(c, static_cast<int>(k));
        if (!wanted || wanted(name)) names[k] = name;
        known[k] = true;
      }
      if (names[k]) f.emplace(*names[k], sum[k]);
    }
    return f;
  };
  // Each end's sum comes from the sum up to a month's edge, kept from end to end (a month bucket
  // per month): up to its month's start plus the days of its month up to it, or, past the middle
  // of the month, up to its month's end minus the days after it. At most ~16 day buckets a window
  // instead of the ~30 between two ends on the 14th.
  std::vector<std::int64_t> edge;  // Σ of the days up to `covered`, a month's last day
  std::string covered;
  for (const auto& end : ends) {
    const std::string first_day = end.substr(0, 8) + "01";
    const std::string last = last_day_of_month(end);
    const int day = std::stoi(end.substr(8, 2)), days_after = std::stoi(last.substr(8, 2)) - day;
    const bool from_end = days_after < day;
    const std::string target = from_end ? last : timeutil::add_days(first_day, -1);
    if (covered.empty()) {
      sum.clear();
      const std::string y = target.substr(0, 4), m = target.substr(0, 7);
      for (const auto& r : c.query(kPrefix, node, y, y + "-01", m, m + "-01", target).rows) add(r.text(0));
    } else {
      sum = edge;
      for (const auto& range : cover(covered, target)) {
        for (const auto& r : c.query(kRange, node, std::string(range.grain), range.lo, range.hi).rows) add(r.text(0));
      }
    }
    edge = sum;
    covered = target;
    if (from_end && days_after > 0) {
      for (const auto& r : c.query(kRange, node, std::string("d"), timeutil::add_days(end, 1), last).rows) add(r.text(0), -1);
    } else if (!from_end) {
      for (const auto& r : c.query(kRange, node, std::string("d"), first_day, end).rows) add(r.text(0));
    }
    out.push_back(figures());
  }
  return out;
}

}  // namespace antq::reports
