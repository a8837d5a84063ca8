#pragma once
// Quiet hours (issue 15): non-urgent warnings and news sent at night wait until morning. The
// window is in Vietnam time (UTC+7, no daylight saving) and may cross midnight ("21:00-06:00").
#include <chrono>
#include <optional>
#include <string>

namespace antq::news {

struct QuietHours {
  int from_minute = 0, to_minute = 0;  // minutes after midnight; from > to crosses midnight
};

// "21:00-06:00" → the window; "off" or "" → nullopt. Throws OperatorError on anything else.
std::optional<QuietHours> parse_quiet_hours(const std::string& setting);
// When the window holding `now` ends, or nullopt when `now` is outside it.
std::optional<std::chrono::system_clock::time_point> quiet_until(const std::optional<QuietHours>& q,
                                                                 std::chrono::system_clock::time_point now);

}  // namespace antq::news
