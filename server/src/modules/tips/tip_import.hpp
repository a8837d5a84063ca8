#pragma once
// Tips of past years, entered by staff from the paper books (the importer's "tips"): received on a
// day of the past, perhaps already handled, and then counted in the reports of their period like
// any other. No reporter identity is imported, nobody is notified, and the duplicate finder leaves
// them alone (they were dealt with at the time).
#include <cstdint>
#include <optional>
#include <string>

#include "modules/tips/tips_service.hpp"
#include "modules/units/unit.hpp"

namespace antq::tips {

struct PastTip {
  units::Unit unit;  // resolved and scope-checked by the importer
  std::string category, channel, description, place;
  std::string received_on;  // YYYY-MM-DD, Vietnam calendar
  std::string status;       // received, verifying, resolved, closed or rejected (no account to assign to)
  std::string reason;       // why it was rejected
  std::optional<std::string> decided_on;
  std::optional<Outcome> outcome;
};

}  // namespace antq::tips
