#include "modules/tips/deadlines.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "core/time.hpp"

using namespace antq;
using namespace antq::tips;

namespace {
TimePoint at(const char* s) { return *timeutil::parse_rfc3339(s); }
std::string text(TimePoint t) { return timeutil::to_rfc3339(t); }
}  // namespace

TEST(TipDeadlines, TwentyDaysToSettleAndADayToPassOn) {
  DeadlineRules r;
  r.remote_units = {"21220"};
  const auto received = at("2026-11-22T03:00:00Z");
  EXPECT_EQ(text(settle_due(r, received)), "2026-12-12T03:00:00.000Z");
  EXPECT_EQ(text(pass_on_due(r, received, false)), "2026-11-23T03:00:00.000Z");
  EXPECT_EQ(text(pass_on_due(r, received, true)), "2026-11-24T03:00:00.000Z");
}

TEST(TipDeadlines, ExtensionsUpToTwoThenFourMonths) {
  DeadlineRules r;
  // Received 10:00 on 31/12 in Việt Nam: two months later is the end of February (clamped).
  const auto received = at("2026-12-31T03:00:00Z");
  const auto due = settle_due(r, received);
  const auto first = extended_due(r, received, due, 0, "2027-02-28");
  EXPECT_EQ(text(first), "2027-02-28T16:59:59.999Z");  // end of the Vietnamese day
  EXPECT_THROW(extended_due(r, received, due, 0, "2027-03-01"), RuleViolation);
  EXPECT_THROW(extended_due(r, received, first, 1, "2027-05-01"), RuleViolation);
  const auto second = extended_due(r, received, first, 1, "2027-04-30");
  EXPECT_THROW(extended_due(r, received, second, 2, "2027-04-30"), RuleViolation);  // no third
  EXPECT_THROW(extended_due(r, received, first, 1, "2027-02-01"), RuleViolation);   // earlier than now due
  EXPECT_THROW(extended_due(r, received, due, 0, "28/02/2027"), BadRequest);
}
