#include "core/time.hpp"

#include <cstdio>

namespace antq::timeutil {

using namespace std::chrono;

std::string to_rfc3339(system_clock::time_point tp) {
  const auto ms = time_point_cast<milliseconds>(tp);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss hms{ms - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                int(hms.seconds().count()), int(hms.subseconds().count()));
  return buf;
}

std::string now_utc() { return to_rfc3339(system_clock::now()); }

std::string vietnam_date(system_clock::time_point tp) {
  const year_month_day ymd{floor<days>(tp + hours(7))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

std::string today_vietnam() { return vietnam_date(system_clock::now()); }

std::optional<year_month_day> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const unsigned m = unsigned((s[5] - '0') * 10 + (s[6] - '0'));
  const unsigned d = unsigned((s[8] - '0') * 10 + (s[9] - '0'));
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok() || y < 1900) return std::nullopt;
  return ymd;
}

std::string format_vn(const year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.day()), unsigned(d.month()), int(d.year()));
  return buf;
}

}  // namespace antq::timeutil
