#include "core/time.hpp"

#include <cstdio>
#include <stdexcept>

namespace antq::timeutil {

using namespace std::chrono;

std::string to_rfc3339(system_clock::time_point tp) {
  const auto ms = time_point_cast<milliseconds>(tp);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss hms{ms - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()),
                int(hms.hours().count()), int(hms.minutes().count()), int(hms.seconds().count()), int(hms.subseconds().count()));
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
  // Up to 2200: every date becomes a system_clock time point somewhere (filters, deadlines), and
  // its nanosecond count overflows in 2262 (found by fuzzing: /api/v1/audit?from=4052-01-01).
  if (!ymd.ok() || y < 1900 || y > 2200) return std::nullopt;
  return ymd;
}

std::chrono::system_clock::time_point from_date(const year_month_day& d) { return std::chrono::sys_days(d); }

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view s) {
  // YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)
  if (s.size() < 17) return std::nullopt;
  const auto date = parse_date(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  auto two = [&](std::size_t at) -> int {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return -1;
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
  };
  const int hh = two(11), mm = (s.size() > 13 && s[13] == ':') ? two(14) : -1;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return std::nullopt;
  std::size_t i = 16;
  int ss = 0;
  std::int64_t millis = 0;
  if (i < s.size() && s[i] == ':') {
    ss = two(i + 1);
    if (ss < 0 || ss > 59) return std::nullopt;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      int digits = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (digits < 3) millis = millis * 10 + (s[i] - '0');
        ++digits;
        ++i;
      }
      if (digits == 0) return std::nullopt;
      for (int d = digits; d < 3; ++d) millis *= 10;
    }
  }
  int offset_minutes = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
    const int oh = two(i + 1), om = two(i + 4);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return std::nullopt;
    offset_minutes = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  using namespace std::chrono;
  return sys_days(*date) + hours(hh) + minutes(mm) + seconds(ss) + milliseconds(millis) - minutes(offset_minutes);
}

std::string format_vn(const year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.day()), unsigned(d.month()), int(d.year()));
  return buf;
}

std::string add_days(const std::string& day, int n) {
  const auto d = parse_date(day);
  if (!d) throw std::invalid_argument("add_days: not a date: " + day);
  return vietnam_date(sys_days(*d) + std::chrono::days(n) - hours(7));
}

std::string vietnam_day_of(std::string_view rfc3339) {
  const auto tp = parse_rfc3339(rfc3339);
  return tp ? vietnam_date(*tp) : std::string();
}

}  // namespace antq::timeutil
