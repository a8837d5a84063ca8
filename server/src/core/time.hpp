#pragma once
// Time conventions: timestamps are stored in UTC as RFC 3339 text ("2026-11-22T07:49:30.123Z"),
// which sorts chronologically as text in both engines; days that matter to people (an event, a
// report period) are Vietnam local dates (UTC+7, no daylight saving) as "YYYY-MM-DD".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace antq::timeutil {

std::string now_utc();  // RFC 3339 UTC with milliseconds
std::string to_rfc3339(std::chrono::system_clock::time_point tp);
std::string today_vietnam();  // YYYY-MM-DD in Asia/Ho_Chi_Minh
std::string vietnam_date(std::chrono::system_clock::time_point tp);
// Parses a strict YYYY-MM-DD calendar date of the years 1900–2200; nullopt when malformed, not a
// real day, or out of that range.
std::optional<std::chrono::year_month_day> parse_date(std::string_view s);
// Parses an RFC 3339 timestamp ("2026-11-20T13:05:00Z", "…+07:00", optional fraction); nullopt
// when malformed or not a real instant.
std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view s);
std::chrono::system_clock::time_point from_date(const std::chrono::year_month_day& d);  // 00:00 UTC
// dd/mm/yyyy as Vietnamese users read dates.
std::string format_vn(const std::chrono::year_month_day& d);
// YYYY-MM-DD plus n days (n may be negative); the input must be a valid date.
std::string add_days(const std::string& day, int n);
// The Vietnam day of an RFC 3339 instant ("2026-11-21T18:30:00Z" → "2026-11-22"); "" if unparsable.
std::string vietnam_day_of(std::string_view rfc3339);

}  // namespace antq::timeutil
