#include "modules/tips/tip_workflow.hpp"

#include "core/errors.hpp"
#include "core/text.hpp"
#include "modules/tips/tip.hpp"

namespace antq::tips::workflow {

namespace {
bool is_final(std::string_view s) { return s == "closed" || s == "rejected" || s == "duplicate"; }
// Reaching one of these records the decision (the date the review figures count it on).
bool decides(std::string_view s) { return s == "resolved" || s == "closed" || s == "rejected" || s == "duplicate"; }
}  // namespace

void require_editable(std::string_view status) {
  if (is_final(status)) {
    throw RuleViolation("Tin báo đã kết thúc (" + std::string(status_label(status)) + "), không sửa được nữa.", "status");
  }
}

Next next(const Move& m) {
  // An assignment moves a tip that nobody handled yet to "assigned" on its own.
  std::string target = m.to.value_or(m.from);
  if (!m.to && m.assignee_given && status_rank(m.from) < status_rank("assigned")) target = "assigned";
  if (m.duplicate_given && target != "duplicate") {
    throw RuleViolation("Đánh dấu trùng cần gửi kèm \"status\": \"duplicate\".", "status");
  }
  if (target == m.from) return {m.from, false};
  if (is_final(m.from)) {
    throw RuleViolation("Tin báo đã kết thúc (" + std::string(status_label(m.from)) + "), không đổi trạng thái được nữa.", "status");
  }
  if (status_rank(target) < status_rank(m.from)) throw RuleViolation("Không thể chuyển ngược trạng thái tin báo.", "status");
  if ((target == "rejected" || target == "duplicate") && !is_open(m.from)) {
    throw RuleViolation("Tin báo đã giải quyết không thể chuyển thành không thụ lý hoặc trùng.", "status");
  }
  if (target == "assigned" && !m.has_assignee) throw RuleViolation("Hãy chọn cán bộ được phân công ('assignee').", "assignee");
  // "Tin báo có cơ sở" has no default: the officer says yes or no (a missing answer must not
  // count as either in the review figures).
  if ((target == "resolved" || target == "closed") && !m.has_outcome) {
    throw BadRequest("Hãy ghi rõ tin báo có cơ sở hay không (outcome.valid: true hoặc false) trước khi giải quyết tin báo.",
                     "outcome.valid");
  }
  if (target == "rejected" && text::trim(m.reason).empty()) throw RuleViolation("Hãy ghi lý do không thụ lý ('reason').", "reason");
  if (target == "duplicate" && !m.has_duplicate_of) throw RuleViolation("Hãy chọn tin báo gốc ('duplicate_of').", "duplicate_of");
  return {target, decides(target) && !m.decided};
}

}  // namespace antq::tips::workflow
