#pragma once
// The status machine of a tip, as a pure function: which moves an officer may make and what each
// one needs first. No database and no clock, so every allowed and refused move is unit-tested
// (tests/unit/modules/tips/tip_workflow_test.cpp); TipsService::update applies the answer.
//
//   received → verifying → assigned → resolved → closed   (never backwards)
//   rejected, duplicate: end an open tip early
//   closed, rejected, duplicate: final, nothing changes any more
#include <optional>
#include <string>
#include <string_view>

namespace antq::tips::workflow {

// What an update asks for, and the tip as it will be once the update's other fields are applied.
struct Move {
  std::string from;               // the stored status
  std::optional<std::string> to;  // the status the update names, if it names one
  bool assignee_given = false;    // the update names an assignee
  bool duplicate_given = false;   // the update names the tip this one repeats
  bool has_assignee = false;      // after the update
  bool has_outcome = false;       // "có cơ sở" answered (yes or no) after the update
  std::string reason;             // status_reason after the update
  bool has_duplicate_of = false;  // after the update
  bool decided = false;           // a decision was already recorded (decided_at)
};

struct Next {
  std::string status;    // == Move::from when the status stays
  bool decides = false;  // this move records the decision (the first final or resolved status)
};

// A final tip (closed, rejected, duplicate) refuses every change: RuleViolation on "status".
void require_editable(std::string_view status);

// The status after the move. Throws RuleViolation (422) or BadRequest (400) naming the field the
// officer must fix; the messages are the ones the staff screens show.
Next next(const Move& m);

}  // namespace antq::tips::workflow
