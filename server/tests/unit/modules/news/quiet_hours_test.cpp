// Quiet hours (modules/news/quiet_hours.hpp): a window in Vietnam time that may cross midnight.
#include "modules/news/quiet_hours.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "core/time.hpp"

using namespace antq;
using namespace antq::news;

namespace {
std::chrono::system_clock::time_point at(const char* rfc3339) { return *timeutil::parse_rfc3339(rfc3339); }
std::string until(const std::optional<QuietHours>& q, const char* now) {
  const auto u = quiet_until(q, at(now));
  return u ? timeutil::to_rfc3339(*u) : "";
}
}  // namespace

TEST(NewsQuietHoursTest, HoldsUntilTheWindowEndsInVietnamTime) {
  const auto q = parse_quiet_hours("21:00-06:00");
  // 22:30 in Vietnam (15:30 UTC): until 06:00 the next morning (23:00 UTC).
  EXPECT_EQ(until(q, "2026-12-05T15:30:00Z"), "2026-12-05T23:00:00.000Z");
  // 02:00 in Vietnam (19:00 UTC the day before): until 06:00 the same morning.
  EXPECT_EQ(until(q, "2026-12-04T19:00:00Z"), "2026-12-04T23:00:00.000Z");
  // 06:00 and 20:59 are outside.
  EXPECT_EQ(until(q, "2026-12-04T23:00:00Z"), "");
  EXPECT_EQ(until(q, "2026-12-05T13:59:00Z"), "");
  // A window within one day.
  EXPECT_EQ(until(parse_quiet_hours("12:00-13:30"), "2026-12-05T05:15:00Z"), "2026-12-05T06:30:00.000Z");
}

TEST(NewsQuietHoursTest, OffOrRefused) {
  EXPECT_FALSE(parse_quiet_hours("off"));
  EXPECT_FALSE(parse_quiet_hours(""));
  EXPECT_EQ(until(std::nullopt, "2026-12-05T15:30:00Z"), "");
  for (const char* bad : {"21-6", "25:00-06:00", "21:00", "21:00-21:00", "9:00-10:00"})
    EXPECT_THROW(parse_quiet_hours(bad), OperatorError) << bad;
}
