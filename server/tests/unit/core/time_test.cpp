#include "core/time.hpp"

#include <gtest/gtest.h>

using namespace antq::timeutil;
using namespace std::chrono;

TEST(Time, VietnamDateIsUtcPlusSeven) {
  // 2026-11-21 17:30 UTC is already 22/11 in Việt Nam.
  const auto tp = sys_days{2026y / November / 21} + hours(17) + minutes(30);
  EXPECT_EQ(vietnam_date(tp), "2026-11-22");
  EXPECT_EQ(to_rfc3339(tp), "2026-11-21T17:30:00.000Z");
}

TEST(Time, ParsesOnlyRealCalendarDates) {
  EXPECT_TRUE(parse_date("2024-02-29").has_value());
  EXPECT_FALSE(parse_date("2023-02-29").has_value());
  EXPECT_FALSE(parse_date("2024-13-01").has_value());
  EXPECT_FALSE(parse_date("24-01-01").has_value());
  EXPECT_FALSE(parse_date("2024/01/01").has_value());
  // Years a nanosecond time point cannot hold are refused (fuzzing found the overflow through
  // /api/v1/audit?from=4052-01-01).
  EXPECT_TRUE(parse_date("2200-12-31").has_value());
  EXPECT_FALSE(parse_date("4052-01-01").has_value());
  EXPECT_FALSE(parse_date("9999-12-31").has_value());
  EXPECT_EQ(format_vn(*parse_date("2020-08-19")), "19/08/2020");
}

TEST(Rfc3339, ParsesZoneOffsetsAndFractions) {
  using antq::timeutil::parse_rfc3339;
  using antq::timeutil::to_rfc3339;
  EXPECT_EQ(to_rfc3339(*parse_rfc3339("2026-11-20T13:05:00Z")), "2026-11-20T13:05:00.000Z");
  // Vietnam time as phones send it.
  EXPECT_EQ(to_rfc3339(*parse_rfc3339("2026-11-20T07:05:09.5+07:00")), "2026-11-20T00:05:09.500Z");
  EXPECT_EQ(to_rfc3339(*parse_rfc3339("2026-01-01T00:30-01:00")), "2026-01-01T01:30:00.000Z");
  for (const char* bad : {"", "2026-11-20", "2026-11-20T25:00:00Z", "2026-02-30T10:00:00Z", "2026-11-20T10:00:00",
                          "2026-11-20T10:00:00Zjunk", "2026-11-20T10:00:00.Z", "2026-11-20T10:0:00Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
  }
}

TEST(Time, AddDaysCrossesMonthsYearsAndLeapDays) {
  using antq::timeutil::add_days;
  EXPECT_EQ(add_days("2026-11-22", 0), "2026-11-22");
  EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(add_days("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(add_days("2023-03-01", -1), "2023-02-28");
  EXPECT_EQ(add_days("2026-11-22", -3650), "2016-11-24");
  EXPECT_THROW(add_days("22/11/2026", 1), std::invalid_argument);
}

TEST(Time, VietnamDayOfAnInstant) {
  using antq::timeutil::vietnam_day_of;
  EXPECT_EQ(vietnam_day_of("2026-11-21T16:59:59Z"), "2026-11-21");
  EXPECT_EQ(vietnam_day_of("2026-11-21T17:00:00.000Z"), "2026-11-22");
  EXPECT_EQ(vietnam_day_of("2026-11-22T00:30:00+07:00"), "2026-11-22");
  EXPECT_EQ(vietnam_day_of("not a time"), "");
}
