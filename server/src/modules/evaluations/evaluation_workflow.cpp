// EvaluationsService, the workflow: a draft is written by the unit (create, update), submitted,
// then returned or approved by the body TT 124/2021 names (the commune for what lies under it;
// for a commune, the level above). Approving a passed evaluation numbers its certificate.
#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/evaluations/evaluation_parts.hpp"
#include "modules/evaluations/evaluations_service.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::evaluations {

namespace bj = boost::json;

namespace {

// Who decides (TT 124/2021 Art 10): the commune for what lies under it; for a commune, the level
// above (the district, or the province where districts no longer exist).
units::Unit approver_of(db::Connection& c, const units::Unit& u) {
  if (u.kind == "commune") {
    if (!u.parent_id) throw RuleViolation("Xã, phường này không có cấp trên trong danh mục để công nhận.", "unit");
    return *units::repo::find_by_id(c, *u.parent_id);
  }
  const auto chain = units::repo::ancestors(c, u);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    if (it->kind == "commune") return *it;
  throw RuleViolation("Đơn vị chưa thuộc xã, phường nào nên chưa có cơ quan công nhận.", "unit");
}

void event(db::Connection& c, const audit::AuditLog& audit, const http::Principal& who, const repo::Evaluation& e,
           const std::string& action, const std::string& comment, const std::string& request_id) {
  repo::add_event(c, e.id, {timeutil::now_utc(), who.username, action, comment});
  audit.record(c, {who.username, "evaluation." + action, "evaluation", std::to_string(e.id), e.unit.path, e.unit.code, "", request_id, ""});
}

// Deciding: the right to approve, the approving unit inside the caller's area, not the submitter.
repo::Evaluation load_for_decider(db::Connection& c, const http::Principal& who, std::int64_t id) {
  access::require(who, "evaluations.approve");
  repo::Evaluation e = load_in_scope(c, who, id);
  if (!access::in_scope(who, e.approver.path)) {
    throw Forbidden("Chỉ " + e.approver.full_name + " hoặc cấp trên mới xét duyệt bản đánh giá này.");
  }
  if (e.submitted_by && *e.submitted_by == who.username) throw Forbidden("Người gửi hồ sơ không tự xét duyệt hồ sơ của mình.");
  if (e.status != "submitted") throw RuleViolation("Chỉ xét duyệt bản đánh giá đã gửi.", "status");
  return e;
}

// The answers of `results` ({code: {met, evidence}}) written into the draft.
void apply_results(repo::Evaluation& e, const bj::object& results) {
  for (const auto& kv : results) {
    const std::string code(kv.key());
    const Criterion* cr = nullptr;
    for (const auto& x : e.set.criteria)
      if (x.code == code) cr = &x;
    if (!cr) throw BadRequest("Bộ tiêu chí không có tiêu chí '" + code + "'.", "results");
    if (!cr->auto_rule.empty()) throw BadRequest("Tiêu chí '" + code + "' được tính tự động, không nhập.", "results");
    if (!kv.value().is_object()) throw BadRequest("Kết quả tiêu chí '" + code + "' phải có dạng {\"met\",\"evidence\"}.", "results");
    const json::ObjectReader a(kv.value().as_object());
    a.allow_only({"met", "evidence"});
    Answer& ans = e.answers[code];
    if (kv.value().as_object().contains("met")) {
      const auto& m = kv.value().as_object().at("met");
      if (!m.is_bool() && !m.is_null()) throw BadRequest("Kết quả tiêu chí '" + code + "' phải là true, false hoặc null.", "results");
      ans.met = m.is_bool() ? std::optional<bool>(m.as_bool()) : std::nullopt;
    }
    if (auto ev = a.optional_string("evidence", 2000)) ans.evidence = *ev;
  }
}

// The review meeting falls in the year's window, or at most kGraceDays after it.
void require_meeting_in_window(const repo::Evaluation& e) {
  const Window w = window(e.target_kind, e.year);
  const auto end = timeutil::from_date(*timeutil::parse_date(w.to)) + std::chrono::hours(24 * kGraceDays);
  if (*e.evaluated_on < w.from || *e.evaluated_on > timeutil::vietnam_date(end + std::chrono::hours(7))) {
    throw RuleViolation("Ngày họp đánh giá phải trong kỳ đánh giá năm " + std::to_string(e.year) + " (" +
                            timeutil::format_vn(*timeutil::parse_date(w.from)) + " – " + timeutil::format_vn(*timeutil::parse_date(w.to)) +
                            ", hoặc tối đa " + std::to_string(kGraceDays) + " ngày sau).",
                        "evaluated_on");
  }
}

}  // namespace

bj::object EvaluationsService::create(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, "evaluations.write");
  const json::ObjectReader in(body);
  in.allow_only({"unit", "year", "criteria_set", "evaluated_on", "notes"});
  const std::string code = in.required_string("unit", 40);
  const int year = checked_year(in);
  const auto set_id = in.optional_id("criteria_set");
  std::optional<std::string> evaluated_on;
  if (body.contains("evaluated_on") && !body.at("evaluated_on").is_null()) evaluated_on = checked_date(in, "evaluated_on");
  const std::string notes = in.optional_string("notes", 5000).value_or("");
  return db_.write_value([&](db::Connection& c) {
    const units::Unit u = unit_in_scope(c, who, code);
    const auto kind = target_kind(u.kind, u.subkind);
    if (!kind) throw BadRequest("Chỉ đánh giá khu dân cư, xã, phường, cơ quan, doanh nghiệp, cơ sở giáo dục.", "unit");
    std::optional<CriteriaSet> set = set_id ? criteria_sets::find(c, *set_id) : criteria_sets::default_for(c, *kind);
    if (!set || !criteria_sets::applies_to(*set, u.path)) throw BadRequest("Không tìm thấy bộ tiêu chí.", "criteria_set");
    if (set->target_kind != *kind) {
      throw BadRequest("Bộ tiêu chí '" + set->title + "' không dùng cho " + target_kind_label(*kind) + ".", "criteria_set");
    }
    const units::Unit approver = approver_of(c, u);
    std::int64_t id = 0;
    try {
      id = repo::insert(c, {u.id, year, *kind, set->id, set->code, evaluated_on, notes, approver.id, who.username, timeutil::now_utc()});
    } catch (const db::UniqueViolation&) {
      throw Conflict(u.full_name + " đã có bản đánh giá năm " + std::to_string(year) + " theo bộ tiêu chí này.", "unit");
    }
    event(c, audit_, who, *repo::find(c, id), "create", "", request_id);
    return to_json(c, *repo::find(c, id));
  });
}

bj::object EvaluationsService::update(const http::Principal& who, std::int64_t id, const bj::object& body, const std::string& request_id) {
  const json::ObjectReader in(body);
  in.allow_only({"results", "evaluated_on", "notes"});
  if (body.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  return db_.write_value([&](db::Connection& c) {
    repo::Evaluation e = load_for_writer(c, who, id);
    if (auto it = body.find("results"); it != body.end()) {
      if (!it->value().is_object()) throw BadRequest("Trường 'results' phải là một đối tượng theo mã tiêu chí.", "results");
      apply_results(e, it->value().as_object());
    }
    if (body.contains("evaluated_on")) {
      e.evaluated_on = body.at("evaluated_on").is_null() ? std::nullopt : std::optional<std::string>(checked_date(in, "evaluated_on"));
    }
    if (auto n = in.optional_string("notes", 5000)) e.notes = *n;
    repo::save(c, e, outcome_of(c, e).result, timeutil::now_utc());
    audit_.record(c, {who.username, "evaluation.update", "evaluation", std::to_string(id), e.unit.path, e.unit.code, "", request_id, ""});
    return to_json(c, *repo::find(c, id));
  });
}

bj::object EvaluationsService::submit(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  return db_.write_value([&](db::Connection& c) {
    repo::Evaluation e = load_for_writer(c, who, id);
    const Outcome o = outcome_of(c, e);
    if (o.answered < o.total) {
      throw RuleViolation("Còn " + std::to_string(o.total - o.answered) + " tiêu chí chưa đánh giá.", "results");
    }
    if (!e.evaluated_on) throw RuleViolation("Hãy ghi ngày họp đánh giá trước khi gửi.", "evaluated_on");
    require_meeting_in_window(e);
    repo::mark_submitted(c, id, *o.result, who.username, timeutil::now_utc());
    event(c, audit_, who, e, "submit", "", request_id);
    return to_json(c, *repo::find(c, id));
  });
}

bj::object EvaluationsService::send_back(const http::Principal& who, std::int64_t id, const std::string& comment,
                                         const std::string& request_id) {
  const std::string text = text::trim(comment);
  if (text::length(text) < 5) throw BadRequest("Hãy ghi rõ lý do trả lại để đơn vị bổ sung (ít nhất 5 ký tự).", "comment");
  if (text::length(text) > 2000) throw BadRequest("Nội dung trả lại dài quá 2.000 ký tự.", "comment");
  return db_.write_value([&](db::Connection& c) {
    repo::Evaluation e = load_for_decider(c, who, id);
    repo::mark_returned(c, id, timeutil::now_utc());
    event(c, audit_, who, e, "return", text, request_id);
    return to_json(c, *repo::find(c, id));
  });
}

bj::object EvaluationsService::approve(const http::Principal& who, std::int64_t id, const std::string& comment,
                                       const std::string& request_id) {
  const std::string text = text::trim(comment);
  if (text::length(text) > 2000) throw BadRequest("Ý kiến dài quá 2.000 ký tự.", "comment");
  return db_.write_value([&](db::Connection& c) {
    repo::Evaluation e = load_for_decider(c, who, id);
    // Decided on the facts of the day of the decision (a commune's sub-units may have changed).
    const Outcome o = outcome_of(c, e);
    std::optional<std::string> number, date;
    if (o.result == "passed") {
      number = std::to_string(repo::certificates_issued(c, e.approver.id, e.year) + 1) + "/GCN-UBND";
      date = timeutil::today_vietnam();
    }
    repo::mark_approved(c, id, *o.result, who.username, timeutil::now_utc(), number, date);
    event(c, audit_, who, e, "approve", text, request_id);
    return to_json(c, *repo::find(c, id));
  });
}

}  // namespace antq::evaluations
