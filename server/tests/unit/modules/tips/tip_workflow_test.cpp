#include "modules/tips/tip_workflow.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "core/errors.hpp"

using namespace antq;
using namespace antq::tips;

namespace {

const std::array<const char*, 7> kStatuses{"received", "verifying", "assigned", "resolved", "closed", "rejected", "duplicate"};

// A move whose every prerequisite is met: only the order of statuses can refuse it.
workflow::Move ready(const std::string& from, const std::string& to) {
  workflow::Move m;
  m.from = from;
  m.to = to;
  m.has_assignee = true;
  m.has_outcome = true;
  m.reason = "Không thuộc thẩm quyền";
  m.has_duplicate_of = true;
  m.duplicate_given = to == "duplicate";
  return m;
}

// The error a refused move throws (fails the test when the move is allowed).
ApiError refusal(const workflow::Move& m) {
  try {
    workflow::next(m);
  } catch (const ApiError& e) {
    return e;
  }
  ADD_FAILURE() << "allowed: " << m.from << " -> " << m.to.value_or("(none)");
  return ApiError(0, "", "");
}

}  // namespace

// Every pair of statuses: '=' no move, '+' allowed, 'x' refused.
TEST(TipWorkflow, EveryMoveBetweenTwoStatuses) {
  const std::array<const char*, 7> table{
      // to: rcv ver asg res clo rej dup
      "=++++++",  // from received
      "x=+++++",  // from verifying
      "xx=++++",  // from assigned
      "xxx=+xx",  // from resolved: forward only, and no longer rejected or a duplicate
      "xxxx=xx",  // from closed: final
      "xxxxx=x",  // from rejected: final
      "xxxxxx=",  // from duplicate: final
  };
  for (std::size_t f = 0; f < kStatuses.size(); ++f) {
    for (std::size_t t = 0; t < kStatuses.size(); ++t) {
      const auto m = ready(kStatuses[f], kStatuses[t]);
      SCOPED_TRACE(std::string(kStatuses[f]) + " -> " + kStatuses[t]);
      switch (table[f][t]) {
        case '=':
          EXPECT_EQ(workflow::next(m).status, kStatuses[f]);
          EXPECT_FALSE(workflow::next(m).decides);
          break;
        case '+': EXPECT_EQ(workflow::next(m).status, kStatuses[t]); break;
        default: {
          const ApiError e = refusal(m);
          EXPECT_EQ(e.status(), 422);
          EXPECT_EQ(e.field(), "status");
        }
      }
    }
  }
}

TEST(TipWorkflow, RefusalsSayWhy) {
  EXPECT_STREQ(refusal(ready("assigned", "verifying")).what(), "Không thể chuyển ngược trạng thái tin báo.");
  EXPECT_STREQ(refusal(ready("resolved", "rejected")).what(), "Tin báo đã giải quyết không thể chuyển thành không thụ lý hoặc trùng.");
  EXPECT_STREQ(refusal(ready("closed", "resolved")).what(), "Tin báo đã kết thúc (Đã kết thúc), không đổi trạng thái được nữa.");
  EXPECT_STREQ(refusal(ready("rejected", "duplicate")).what(), "Tin báo đã kết thúc (Không thụ lý), không đổi trạng thái được nữa.");
}

TEST(TipWorkflow, AssignedNeedsAnAssignee) {
  auto m = ready("verifying", "assigned");
  m.has_assignee = false;
  const ApiError e = refusal(m);
  EXPECT_EQ(e.status(), 422);
  EXPECT_EQ(e.field(), "assignee");
}

TEST(TipWorkflow, ResolvedAndClosedNeedTheOfficersAnswerOnValidity) {
  for (const char* to : {"resolved", "closed"}) {
    auto m = ready("assigned", to);
    m.has_outcome = false;
    const ApiError e = refusal(m);
    EXPECT_EQ(e.status(), 400) << to;
    EXPECT_EQ(e.field(), "outcome.valid") << to;
  }
  // Other moves do not ask for it.
  auto m = ready("received", "verifying");
  m.has_outcome = false;
  EXPECT_EQ(workflow::next(m).status, "verifying");
}

TEST(TipWorkflow, RejectedNeedsAReasonThatIsNotBlank) {
  for (const char* reason : {"", "   "}) {
    auto m = ready("received", "rejected");
    m.reason = reason;
    const ApiError e = refusal(m);
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.field(), "reason");
  }
}

TEST(TipWorkflow, DuplicateNeedsTheOriginalAndTheOriginalNeedsTheStatus) {
  auto m = ready("received", "duplicate");
  m.has_duplicate_of = false;
  m.duplicate_given = false;
  EXPECT_EQ(refusal(m).field(), "duplicate_of");

  // Naming an original without "status": "duplicate" (or with another status) is refused.
  for (const std::optional<std::string> to : {std::optional<std::string>(), std::optional<std::string>("verifying")}) {
    auto n = ready("received", "verifying");
    n.to = to;
    n.duplicate_given = true;
    const ApiError e = refusal(n);
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.field(), "status");
  }
}

TEST(TipWorkflow, AnAssignmentAloneMovesAnUnhandledTipToAssigned) {
  for (const char* from : {"received", "verifying"}) {
    auto m = ready(from, "");
    m.to.reset();
    m.assignee_given = true;
    EXPECT_EQ(workflow::next(m).status, "assigned") << from;
  }
  for (const char* from : {"assigned", "resolved"}) {
    auto m = ready(from, "");
    m.to.reset();
    m.assignee_given = true;
    EXPECT_EQ(workflow::next(m).status, from);
  }
  // Without an assignee to give it to, nothing moves on its own.
  auto m = ready("received", "");
  m.to.reset();
  EXPECT_EQ(workflow::next(m).status, "received");
}

TEST(TipWorkflow, TheFirstDecisionIsRecordedOnce) {
  for (const char* to : {"resolved", "closed", "rejected", "duplicate"}) EXPECT_TRUE(workflow::next(ready("assigned", to)).decides) << to;
  for (const char* to : {"verifying", "assigned"}) EXPECT_FALSE(workflow::next(ready("received", to)).decides) << to;
  auto m = ready("resolved", "closed");
  m.decided = true;
  EXPECT_FALSE(workflow::next(m).decides);
}

TEST(TipWorkflow, AFinalTipRefusesEveryChange) {
  for (const char* s : {"closed", "rejected", "duplicate"}) {
    try {
      workflow::require_editable(s);
      ADD_FAILURE() << s;
    } catch (const RuleViolation& e) {
      EXPECT_EQ(e.field(), "status");
    }
  }
  for (const char* s : {"received", "verifying", "assigned", "resolved"}) EXPECT_NO_THROW(workflow::require_editable(s));
}
