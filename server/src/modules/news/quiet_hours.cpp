#include "modules/news/quiet_hours.hpp"

#include <charconv>

#include "core/errors.hpp"

namespace antq::news {

namespace {

constexpr auto kVietnam = std::chrono::hours(7);  // UTC+7 all year

std::optional<int> minute_of(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  if (std::from_chars(hhmm.data(), hhmm.data() + 2, h).ec != std::errc() ||
      std::from_chars(hhmm.data() + 3, hhmm.data() + 5, m).ec != std::errc()) {
    return std::nullopt;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

std::optional<QuietHours> parse_quiet_hours(const std::string& setting) {
  if (setting.empty() || setting == "off") return std::nullopt;
  const auto dash = setting.find('-');
  const auto from = dash == std::string::npos ? std::nullopt : minute_of(std::string_view(setting).substr(0, dash));
  const auto to = dash == std::string::npos ? std::nullopt : minute_of(std::string_view(setting).substr(dash + 1));
  if (!from || !to || *from == *to) {
    throw OperatorError("news_quiet_hours phải có dạng 21:00-06:00 (giờ Việt Nam) hoặc off; đang là '" + setting + "'.");
  }
  return QuietHours{*from, *to};
}

std::optional<std::chrono::system_clock::time_point> quiet_until(const std::optional<QuietHours>& q,
                                                                 std::chrono::system_clock::time_point now) {
  if (!q) return std::nullopt;
  using namespace std::chrono;
  const auto local = now + kVietnam;
  const auto midnight = floor<days>(local);
  const int minute = static_cast<int>(duration_cast<minutes>(local - midnight).count());
  const bool crosses = q->from_minute > q->to_minute;
  const bool inside = crosses ? (minute >= q->from_minute || minute < q->to_minute) : (minute >= q->from_minute && minute < q->to_minute);
  if (!inside) return std::nullopt;
  // The end is today's `to` unless that has passed (a window crossing midnight, evening side).
  auto end = midnight + minutes(q->to_minute);
  if (minute >= q->to_minute) end += days(1);
  return end - kVietnam;
}

}  // namespace antq::news
