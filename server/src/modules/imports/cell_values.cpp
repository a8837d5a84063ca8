#include "modules/imports/cell_values.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/text.hpp"
#include "core/time.hpp"

namespace antq::imports::cells {

namespace {

bool all_digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

std::string iso(int y, unsigned m, unsigned d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

// Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was: from serial 61 on,
// day n is 1899-12-30 + n. Serials below 61 are not dates anyone imports.
std::optional<std::string> from_serial(double serial) {
  if (serial < 61 || serial > 2958465) return std::nullopt;
  using namespace std::chrono;
  const sys_days day = sys_days(year{1899} / December / 30) + days(static_cast<int>(serial));
  const year_month_day ymd(day);
  return iso(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<double> plain_number(std::string_view s) {
  if (s.empty() || s.size() > 24 || s.find_first_not_of("0123456789.") != std::string_view::npos) return std::nullopt;
  if (s.find('.') != s.rfind('.')) return std::nullopt;
  return std::strtod(std::string(s).c_str(), nullptr);
}

}  // namespace

std::optional<std::string> date(std::string_view cell) {
  const std::string s = text::trim(cell);
  if (timeutil::parse_date(s)) return s;
  // dd/mm/yyyy with /, - or . between the parts.
  int d = 0, m = 0, y = 0;
  char sep1 = 0, sep2 = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%2d%c%2d%c%4d%c", &d, &sep1, &m, &sep2, &y, &extra) == 5 && sep1 == sep2 &&
      (sep1 == '/' || sep1 == '-' || sep1 == '.') && y >= 1000) {
    const std::string out = iso(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    if (timeutil::parse_date(out)) return out;
    return std::nullopt;
  }
  if (auto n = plain_number(s); n && all_digits(s.substr(0, s.find('.')))) return from_serial(*n);
  return std::nullopt;
}

std::optional<std::string> datetime(std::string_view cell) {
  const std::string s = text::trim(cell);
  if (timeutil::parse_rfc3339(s)) return s;
  if (auto n = plain_number(s)) {
    auto day = from_serial(*n);
    if (!day) return std::nullopt;
    const auto minutes = static_cast<int>(std::lround((*n - static_cast<double>(static_cast<std::int64_t>(*n))) * 24 * 60));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00+07:00", day->c_str(), minutes / 60 % 24, minutes % 60);
    return std::string(buf);
  }
  const auto space = s.find_first_of(" T");
  if (space == std::string::npos) {
    auto d = date(s);
    return d ? std::optional<std::string>(*d + "T00:00:00+07:00") : std::nullopt;
  }
  auto d = date(s.substr(0, space));
  int hh = 0, mm = 0, ss = 0;
  char extra = 0;
  const std::string t = text::trim(s.substr(space + 1));
  const int got = std::sscanf(t.c_str(), "%2d:%2d:%2d%c", &hh, &mm, &ss, &extra);
  if (!d || got < 2 || got > 3 || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+07:00", d->c_str(), hh, mm, ss);
  return std::string(buf);
}

std::optional<std::int64_t> whole_number(std::string_view cell) {
  std::string s = text::trim(cell);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  if (all_digits(s)) return s.size() > 15 ? std::nullopt : std::optional<std::int64_t>(std::stoll(s));
  // 16.000 or 16 000: groups of three after the first.
  const char sep = s.find('.') != std::string::npos ? '.' : ' ';
  std::string digits;
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const auto next = s.find(sep, start);
    const std::string group = s.substr(start, next == std::string::npos ? std::string::npos : next - start);
    if (!all_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
    digits += group;
    first = false;
    if (next == std::string::npos) break;
    start = next + 1;
  }
  if (digits.size() > 15 || s.find(sep) == std::string::npos) return std::nullopt;
  return std::stoll(digits);
}

std::optional<bool> yes_no(std::string_view cell) {
  const std::string f = text::fold(text::trim(cell));
  if (f == "co" || f == "x" || f == "1" || f == "true" || f == "yes" || f == "dung") return true;
  if (f == "khong" || f == "0" || f == "false" || f == "no" || f == "sai") return false;
  return std::nullopt;
}

std::vector<std::string> list(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const auto next = cell.find_first_of(";\n", start);
    std::string item = text::trim(cell.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start));
    if (!item.empty()) out.push_back(std::move(item));
    if (next == std::string_view::npos) break;
    start = next + 1;
  }
  return out;
}

}  // namespace antq::imports::cells
