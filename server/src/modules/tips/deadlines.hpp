#pragma once
// Time limits for settling a tip (DOMAIN-LAW.md §2, BLTTHS Arts 145–149, TTLT 01/2017): settled
// within 20 days of receipt; a complex case up to 2 months, and the procuracy may extend once
// more by up to 2 months (4 in all); when the commune cannot settle it, passed on to the
// investigating body within 24 hours (48 in remote areas). The figures are settings
// ("tips.settle_days", …) so a province can follow a change in the rules without a release.
#include <chrono>
#include <set>
#include <string>

#include "db/database.hpp"

namespace antq::tips {

struct DeadlineRules {
  int settle_days = 20;
  int first_extension_months = 2;  // total time from receipt after the first extension
  int final_extension_months = 4;  // total time from receipt after the second
  int pass_on_hours = 24;
  int pass_on_hours_remote = 48;
  std::set<std::string> remote_units;  // unit codes (communes) counted as remote areas

  static DeadlineRules load(db::Connection& c);
};

using TimePoint = std::chrono::system_clock::time_point;

TimePoint settle_due(const DeadlineRules& r, TimePoint received);
TimePoint pass_on_due(const DeadlineRules& r, TimePoint received, bool remote);
// The new settle deadline for an extension to `until` (a Vietnam date, up to its end), or throws
// RuleViolation: past the limit for this extension, not later than the current deadline, or more
// extensions than the rules allow.
TimePoint extended_due(const DeadlineRules& r, TimePoint received, TimePoint current_due, int extensions_so_far, const std::string& until);

}  // namespace antq::tips
