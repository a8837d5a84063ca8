#include "modules/evaluations/evaluations_service.hpp"

#include <filesystem>
#include <map>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "http/access.hpp"
#include "modules/evaluations/certificate.hpp"
#include "modules/evaluations/criteria_sets.hpp"
#include "modules/evaluations/evaluation_rules.hpp"
#include "modules/media/media.hpp"
#include "modules/units/area.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::evaluations {

namespace bj = boost::json;

namespace {

constexpr const char* kSelect =
    "SELECT e.id, e.unit_id, e.year, e.target_kind, e.criteria_set_id, e.status, e.results, e.result, e.evaluated_on, e.notes, "
    "e.approver_unit_id, e.submitted_by, e.submitted_at, e.decided_by, e.decided_at, e.certificate_number, e.certificate_date, "
    "e.created_by, e.created_at, e.updated_at FROM evaluations e ";
constexpr const char* kInsert =
    "INSERT INTO evaluations (unit_id, year, target_kind, criteria_set_id, set_code, status, results, evaluated_on, notes, "
    "approver_unit_id, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'draft', '{}', $6, $7, $8, $9, $10, $10) "
    "RETURNING id";
constexpr const char* kSave =
    "UPDATE evaluations SET results = $2, result = $3, evaluated_on = $4, notes = $5, updated_at = $6 WHERE id = $1";
constexpr const char* kEvent = "INSERT INTO evaluation_events (evaluation_id, at, by_user, action, comment) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kEvents = "SELECT at, by_user, action, comment FROM evaluation_events WHERE evaluation_id = $1 ORDER BY id";
constexpr const char* kRegistration =
    "SELECT id, registered_on, households_total, households_registered FROM evaluation_registrations WHERE unit_id = $1 AND year = $2";
// Residential areas, agencies, enterprises and schools under a commune: registered that year, and
// recognised (an approved, passed evaluation against an official set).
constexpr const char* kSubunits =
    "SELECT COUNT(*), "
    "COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluation_registrations g WHERE g.unit_id = u.id AND g.year = $3) THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations x JOIN evaluation_criteria_sets s ON s.id = x.criteria_set_id "
    "WHERE x.unit_id = u.id AND x.year = $3 AND x.status = 'approved' AND x.result = 'passed' AND s.optional = 0) THEN 1 ELSE 0 END), 0) "
    "FROM units u WHERE u.path >= $1 AND u.path < $2 AND u.active = 1 AND u.kind IN ('village', 'establishment')";
constexpr const char* kAttachments =
    "SELECT id, at, uploaded_by, kind, media_type, size, location_removed, stored_name, part FROM register_attachments "
    "WHERE register = 'evaluations' AND record_id = $1 ";

struct Row {
  std::int64_t id = 0;
  units::Unit unit, approver;
  int year = 0;
  std::string target_kind;
  CriteriaSet set;
  std::string status;
  std::map<std::string, Answer> answers;
  std::optional<std::string> result, evaluated_on;
  std::string notes;
  std::optional<std::string> submitted_by, submitted_at, decided_by, decided_at, certificate_number, certificate_date;
  std::string created_by, created_at, updated_at;
};

std::optional<std::string> opt_text(const db::Row& r, std::size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<std::string>(r.text(i));
}
bj::value opt_json(const std::optional<std::string>& s) { return s ? bj::value(*s) : bj::value(nullptr); }

std::map<std::string, Answer> parse_answers(const std::string& json) {
  std::map<std::string, Answer> out;
  const bj::value parsed = bj::parse(json);  // kept alive: the loop runs over its object
  for (const auto& kv : parsed.as_object()) {
    const auto& o = kv.value().as_object();
    Answer a;
    if (auto it = o.find("met"); it != o.end() && it->value().is_bool()) a.met = it->value().as_bool();
    if (auto it = o.find("evidence"); it != o.end() && it->value().is_string()) a.evidence = it->value().as_string();
    out[std::string(kv.key())] = std::move(a);
  }
  return out;
}

std::string answers_json(const std::map<std::string, Answer>& answers) {
  bj::object o;
  for (const auto& [code, a] : answers) {
    o[code] = bj::object{{"met", a.met ? bj::value(*a.met) : bj::value(nullptr)}, {"evidence", a.evidence}};
  }
  return bj::serialize(o);
}

std::optional<Row> load(db::Connection& c, std::int64_t id) {
  auto q = c.query(std::string(kSelect) + "WHERE e.id = $1", id);
  if (q.rows.empty()) return std::nullopt;
  const auto& r = q.rows[0];
  Row e;
  e.id = r.integer(0);
  e.unit = *units::repo::find_by_id(c, r.integer(1));
  e.year = static_cast<int>(r.integer(2));
  e.target_kind = r.text(3);
  e.set = *criteria_sets::find(c, r.integer(4));
  e.status = r.text(5);
  e.answers = parse_answers(r.text(6));
  e.result = opt_text(r, 7);
  e.evaluated_on = opt_text(r, 8);
  e.notes = r.text(9);
  e.approver = *units::repo::find_by_id(c, r.integer(10));
  e.submitted_by = opt_text(r, 11);
  e.submitted_at = opt_text(r, 12);
  e.decided_by = opt_text(r, 13);
  e.decided_at = opt_text(r, 14);
  e.certificate_number = opt_text(r, 15);
  e.certificate_date = opt_text(r, 16);
  e.created_by = r.text(17);
  e.created_at = r.text(18);
  e.updated_at = r.text(19);
  return e;
}

// Read access: the evaluated unit inside the caller's area (an approver above it sees it too).
Row load_in_scope(db::Connection& c, const http::Principal& who, std::int64_t id) {
  access::require(who, "movement.read");
  auto e = load(c, id);
  if (!e || !access::in_scope(who, e->unit.path)) throw NotFound("Không tìm thấy bản đánh giá.");
  return std::move(*e);
}

std::optional<Registration> registration_of(db::Connection& c, std::int64_t unit_id, int year) {
  auto r = c.query(kRegistration, unit_id, std::int64_t{year});
  if (r.rows.empty()) return std::nullopt;
  const auto& x = r.rows[0];
  return Registration{x.text(1), x.is_null(2) ? std::nullopt : std::optional<std::int64_t>(x.integer(2)),
                      x.is_null(3) ? std::nullopt : std::optional<std::int64_t>(x.integer(3))};
}

Subunits subunits_of(db::Connection& c, const units::Unit& commune, int year) {
  const auto range = subtree_range(commune.path);
  const auto q = c.query(kSubunits, range.lo, range.hi, std::int64_t{year});
  const auto& r = q.rows[0];
  return {r.integer(0), r.integer(1), r.integer(2)};
}

Outcome outcome_of(db::Connection& c, const Row& e) {
  const Subunits subs = e.target_kind == "commune" ? subunits_of(c, e.unit, e.year) : Subunits{};
  return decide(e.target_kind, e.set.criteria, e.answers, registration_of(c, e.unit.id, e.year), subs);
}

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

bj::object unit_json(const units::Unit& u) {
  return bj::object{{"code", u.code}, {"name", u.name}, {"full_name", u.full_name}, {"kind", u.kind}, {"subkind", u.subkind}};
}

bj::object attachment_json(const db::Row& r) {
  return bj::object{{"id", std::to_string(r.integer(0))}, {"at", r.text(1)},         {"uploaded_by", r.text(2)},
                    {"kind", r.text(3)},                  {"media_type", r.text(4)}, {"size", r.integer(5)},
                    {"location_removed", r.integer(6) != 0}, {"criterion", r.text(8)}};
}

bj::object to_json(db::Connection& c, const Row& e) {
  const Outcome o = outcome_of(c, e);
  std::map<std::string, bj::array> files;
  for (const auto& r : c.query(std::string(kAttachments) + "ORDER BY id", e.id).rows) files[r.text(8)].push_back(attachment_json(r));
  bj::array criteria;
  for (const auto& cr : e.set.criteria) {
    bj::object x{{"code", cr.code}, {"text", cr.text}, {"confirmed", cr.confirmed}, {"auto", cr.auto_rule}};
    if (!cr.auto_rule.empty()) {
      x["met"] = o.auto_met.at(cr.code);
      x["evidence"] = "";
    } else {
      auto it = e.answers.find(cr.code);
      x["met"] = it != e.answers.end() && it->second.met ? bj::value(*it->second.met) : bj::value(nullptr);
      x["evidence"] = it != e.answers.end() ? it->second.evidence : "";
    }
    x["attachments"] = files.count(cr.code) ? files[cr.code] : bj::array{};
    criteria.push_back(std::move(x));
  }
  bj::array rules;
  for (const auto& r : o.rules) rules.push_back(bj::object{{"code", r.code}, {"label", r.label}, {"met", r.met}, {"detail", r.detail}});
  bj::array history;
  for (const auto& r : c.query(kEvents, e.id).rows) {
    history.push_back(bj::object{{"at", r.text(0)}, {"by", r.text(1)}, {"action", r.text(2)}, {"comment", r.text(3)}});
  }
  const Window w = window(e.target_kind, e.year);
  // While it can still change, the result is the computed one; once decided, the stored one.
  const std::optional<std::string> result = e.status == "approved" ? e.result : o.result;
  bj::value certificate = nullptr;
  if (e.certificate_number) certificate = bj::object{{"number", *e.certificate_number}, {"date", opt_json(e.certificate_date)}};
  return bj::object{{"id", std::to_string(e.id)},
                    {"unit", unit_json(e.unit)},
                    {"target_kind", e.target_kind},
                    {"year", e.year},
                    {"window", bj::object{{"from", w.from}, {"to", w.to}}},
                    {"criteria_set", bj::object{{"id", std::to_string(e.set.id)}, {"code", e.set.code}, {"version", e.set.version},
                                                {"title", e.set.title}, {"optional", e.set.optional}}},
                    {"criteria", std::move(criteria)},
                    {"rules", std::move(rules)},
                    {"progress", bj::object{{"answered", o.answered}, {"total", o.total}}},
                    {"result", opt_json(result)},
                    {"status", e.status},
                    {"evaluated_on", opt_json(e.evaluated_on)},
                    {"notes", e.notes},
                    {"approver_unit", unit_json(e.approver)},
                    {"submitted_by", opt_json(e.submitted_by)},
                    {"submitted_at", opt_json(e.submitted_at)},
                    {"decided_by", opt_json(e.decided_by)},
                    {"decided_at", opt_json(e.decided_at)},
                    {"history", std::move(history)},
                    {"certificate", std::move(certificate)},
                    {"created_by", e.created_by},
                    {"created_at", e.created_at},
                    {"updated_at", e.updated_at}};
}

void event(db::Connection& c, const audit::AuditLog& audit, const http::Principal& who, const Row& e, const std::string& action,
           const std::string& comment, const std::string& request_id) {
  c.query(kEvent, e.id, timeutil::now_utc(), who.username, action, comment);
  audit.record(c, {who.username, "evaluation." + action, "evaluation", std::to_string(e.id), e.unit.path, e.unit.code, "",
                   request_id, ""});
}

// Drafting: the right to write evaluations and the unit inside the caller's area.
Row load_for_writer(db::Connection& c, const http::Principal& who, std::int64_t id) {
  access::require(who, "evaluations.write");
  Row e = load_in_scope(c, who, id);
  if (e.status != "draft" && e.status != "returned") {
    throw RuleViolation(e.status == "approved" ? "Bản đánh giá đã được phê duyệt, không sửa được."
                                               : "Bản đánh giá đang chờ phê duyệt, không sửa được.",
                        "status");
  }
  return e;
}

// Deciding: the right to approve, the approving unit inside the caller's area, not the submitter.
Row load_for_decider(db::Connection& c, const http::Principal& who, std::int64_t id) {
  access::require(who, "evaluations.approve");
  Row e = load_in_scope(c, who, id);
  if (!access::in_scope(who, e.approver.path)) {
    throw Forbidden("Chỉ " + e.approver.full_name + " hoặc cấp trên mới xét duyệt bản đánh giá này.");
  }
  if (e.submitted_by && *e.submitted_by == who.username) throw Forbidden("Người gửi hồ sơ không tự xét duyệt hồ sơ của mình.");
  if (e.status != "submitted") throw RuleViolation("Chỉ xét duyệt bản đánh giá đã gửi.", "status");
  return e;
}

std::string checked_date(const json::ObjectReader& in, const char* key) {
  auto s = in.optional_string(key, 10);
  if (!s || !timeutil::parse_date(*s)) throw BadRequest(std::string("Trường '") + key + "' phải là ngày dạng YYYY-MM-DD.", key);
  if (*s > timeutil::today_vietnam()) throw BadRequest(std::string("Trường '") + key + "' không thể là ngày trong tương lai.", key);
  return *s;
}

int checked_year(const json::ObjectReader& in) {
  const int this_year = std::stoi(timeutil::today_vietnam().substr(0, 4));
  auto y = in.optional_int("year", 2020, this_year + 1);
  if (!y) throw BadRequest("Thiếu trường bắt buộc 'year'.", "year");
  return static_cast<int>(*y);
}

units::Unit unit_in_scope(db::Connection& c, const http::Principal& who, const std::string& code) {
  auto u = units::repo::find_active(c, code);
  if (!u || !access::in_scope(who, u->path)) throw BadRequest("Không tìm thấy đơn vị '" + code + "'.", "unit");
  return *u;
}

bj::object registration_json(const db::Row& r) {
  return bj::object{{"id", std::to_string(r.integer(0))},
                    {"unit", bj::object{{"code", r.text(1)}, {"name", r.text(2)}}},
                    {"year", r.integer(3)},
                    {"registered_on", r.text(4)},
                    {"households_total", r.is_null(5) ? bj::value(nullptr) : bj::value(r.integer(5))},
                    {"households_registered", r.is_null(6) ? bj::value(nullptr) : bj::value(r.integer(6))}};
}
constexpr const char* kRegistrationColumns =
    "SELECT g.id, u.code, u.name, g.year, g.registered_on, g.households_total, g.households_registered, u.path "
    "FROM evaluation_registrations g JOIN units u ON u.id = g.unit_id ";

void check_households(const std::optional<std::int64_t>& total, const std::optional<std::int64_t>& registered) {
  if (total && registered && *registered > *total) {
    throw BadRequest("Số hộ đăng ký không thể lớn hơn tổng số hộ.", "households_registered");
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
    const std::string now = timeutil::now_utc();
    std::int64_t id = 0;
    try {
      id = c.query(kInsert, u.id, std::int64_t{year}, *kind, set->id, set->code,
                   evaluated_on ? db::Value(*evaluated_on) : db::Value(nullptr), notes, approver.id, who.username, now)
               .rows[0]
               .integer(0);
    } catch (const db::UniqueViolation&) {
      throw Conflict(u.full_name + " đã có bản đánh giá năm " + std::to_string(year) + " theo bộ tiêu chí này.", "unit");
    }
    const Row e = *load(c, id);
    event(c, audit_, who, e, "create", "", request_id);
    return to_json(c, *load(c, id));
  });
}

bj::object EvaluationsService::get(const http::Principal& who, std::int64_t id) {
  return db_.read_value([&](db::Connection& c) { return to_json(c, load_in_scope(c, who, id)); });
}

bj::object EvaluationsService::update(const http::Principal& who, std::int64_t id, const bj::object& body,
                                      const std::string& request_id) {
  const json::ObjectReader in(body);
  in.allow_only({"results", "evaluated_on", "notes"});
  if (body.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  return db_.write_value([&](db::Connection& c) {
    Row e = load_for_writer(c, who, id);
    if (auto it = body.find("results"); it != body.end()) {
      if (!it->value().is_object()) throw BadRequest("Trường 'results' phải là một đối tượng theo mã tiêu chí.", "results");
      for (const auto& kv : it->value().as_object()) {
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
    if (body.contains("evaluated_on")) {
      e.evaluated_on = body.at("evaluated_on").is_null() ? std::nullopt : std::optional<std::string>(checked_date(in, "evaluated_on"));
    }
    if (auto n = in.optional_string("notes", 5000)) e.notes = *n;
    const Outcome o = outcome_of(c, e);
    c.query(kSave, id, answers_json(e.answers), o.result ? db::Value(*o.result) : db::Value(nullptr),
            e.evaluated_on ? db::Value(*e.evaluated_on) : db::Value(nullptr), e.notes, timeutil::now_utc());
    audit_.record(c, {who.username, "evaluation.update", "evaluation", std::to_string(id), e.unit.path, e.unit.code, "", request_id, ""});
    return to_json(c, *load(c, id));
  });
}

bj::object EvaluationsService::submit(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  return db_.write_value([&](db::Connection& c) {
    Row e = load_for_writer(c, who, id);
    const Outcome o = outcome_of(c, e);
    if (o.answered < o.total) {
      throw RuleViolation("Còn " + std::to_string(o.total - o.answered) + " tiêu chí chưa đánh giá.", "results");
    }
    if (!e.evaluated_on) throw RuleViolation("Hãy ghi ngày họp đánh giá trước khi gửi.", "evaluated_on");
    const Window w = window(e.target_kind, e.year);
    const auto end = timeutil::from_date(*timeutil::parse_date(w.to)) + std::chrono::hours(24 * kGraceDays);
    if (*e.evaluated_on < w.from || *e.evaluated_on > timeutil::vietnam_date(end + std::chrono::hours(7))) {
      throw RuleViolation("Ngày họp đánh giá phải trong kỳ đánh giá năm " + std::to_string(e.year) + " (" +
                              timeutil::format_vn(*timeutil::parse_date(w.from)) + " – " +
                              timeutil::format_vn(*timeutil::parse_date(w.to)) + ", hoặc tối đa " + std::to_string(kGraceDays) +
                              " ngày sau).",
                          "evaluated_on");
    }
    const std::string now = timeutil::now_utc();
    c.query("UPDATE evaluations SET status = 'submitted', result = $2, submitted_by = $3, submitted_at = $4, updated_at = $4 WHERE id = $1",
            id, *o.result, who.username, now);
    event(c, audit_, who, e, "submit", "", request_id);
    return to_json(c, *load(c, id));
  });
}

bj::object EvaluationsService::send_back(const http::Principal& who, std::int64_t id, const std::string& comment,
                                         const std::string& request_id) {
  const std::string text = text::trim(comment);
  if (text::length(text) < 5) throw BadRequest("Hãy ghi rõ lý do trả lại để đơn vị bổ sung (ít nhất 5 ký tự).", "comment");
  if (text::length(text) > 2000) throw BadRequest("Nội dung trả lại dài quá 2.000 ký tự.", "comment");
  return db_.write_value([&](db::Connection& c) {
    Row e = load_for_decider(c, who, id);
    c.query("UPDATE evaluations SET status = 'returned', updated_at = $2 WHERE id = $1", id, timeutil::now_utc());
    event(c, audit_, who, e, "return", text, request_id);
    return to_json(c, *load(c, id));
  });
}

bj::object EvaluationsService::approve(const http::Principal& who, std::int64_t id, const std::string& comment,
                                       const std::string& request_id) {
  const std::string text = text::trim(comment);
  if (text::length(text) > 2000) throw BadRequest("Ý kiến dài quá 2.000 ký tự.", "comment");
  return db_.write_value([&](db::Connection& c) {
    Row e = load_for_decider(c, who, id);
    // Decided on the facts of the day of the decision (a commune's sub-units may have changed).
    const Outcome o = outcome_of(c, e);
    const std::string now = timeutil::now_utc();
    const std::string today = timeutil::today_vietnam();
    db::Value number = nullptr, date = nullptr;
    if (o.result == "passed") {
      const auto n = c.query("SELECT COUNT(*) FROM evaluations WHERE approver_unit_id = $1 AND year = $2 AND certificate_number IS NOT NULL",
                             e.approver.id, std::int64_t{e.year})
                         .rows[0]
                         .integer(0);
      number = std::to_string(n + 1) + "/GCN-UBND";
      date = today;
    }
    c.query("UPDATE evaluations SET status = 'approved', result = $2, decided_by = $3, decided_at = $4, certificate_number = $5, "
            "certificate_date = $6, updated_at = $4 WHERE id = $1",
            id, *o.result, who.username, now, number, date);
    event(c, audit_, who, e, "approve", text, request_id);
    return to_json(c, *load(c, id));
  });
}

void EvaluationsService::remove(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  db_.write([&](db::Connection& c) {
    Row e = load_for_writer(c, who, id);
    if (e.status != "draft") throw RuleViolation("Chỉ xóa được bản đánh giá nháp.", "status");
    c.query("DELETE FROM register_attachments WHERE register = 'evaluations' AND record_id = $1", id);
    c.query("DELETE FROM evaluation_events WHERE evaluation_id = $1", id);
    c.query("DELETE FROM evaluations WHERE id = $1", id);
    audit_.record(c, {who.username, "evaluation.delete", "evaluation", std::to_string(id), e.unit.path, e.unit.code, "", request_id, ""});
  });
}

std::pair<bj::array, std::int64_t> EvaluationsService::list(const http::Principal& who, const ListFilter& f) {
  access::require(who, "movement.read");
  return db_.read_value([&](db::Connection& c) {
    const PathRange scope = units::area_range(c, who, f.unit);
    std::vector<db::Value> p{scope.lo, scope.hi};
    std::string where = "WHERE u.path >= $1 AND u.path < $2";
    auto param = [&](db::Value v) {
      p.push_back(std::move(v));
      return "$" + std::to_string(p.size());
    };
    if (f.year) where += " AND e.year = " + param(std::int64_t{*f.year});
    if (f.status) where += " AND e.status = " + param(*f.status);
    if (f.target_kind) where += " AND e.target_kind = " + param(*f.target_kind);
    const std::string from = "FROM evaluations e JOIN units u ON u.id = e.unit_id JOIN evaluation_criteria_sets s ON s.id = e.criteria_set_id ";
    const auto total = c.execute("SELECT COUNT(*) " + from + where, p).rows[0].integer(0);
    const std::string sql = "SELECT e.id, u.code, u.name, u.kind, e.year, e.target_kind, s.code, s.version, s.title, s.optional, "
                            "e.status, e.result, e.evaluated_on, e.updated_at, e.certificate_number " +
                            from + where + " ORDER BY e.year DESC, u.path, e.id LIMIT " + param(std::int64_t{f.per_page}) +
                            " OFFSET " + param(std::int64_t{(f.page - 1) * f.per_page});
    bj::array items;
    for (const auto& r : c.execute(sql, p).rows) {
      items.push_back(bj::object{{"id", std::to_string(r.integer(0))},
                                 {"unit", bj::object{{"code", r.text(1)}, {"name", r.text(2)}, {"kind", r.text(3)}}},
                                 {"year", r.integer(4)},
                                 {"target_kind", r.text(5)},
                                 {"criteria_set", bj::object{{"code", r.text(6)}, {"version", r.integer(7)}, {"title", r.text(8)},
                                                             {"optional", r.integer(9) != 0}}},
                                 {"status", r.text(10)},
                                 {"result", opt_json(opt_text(r, 11))},
                                 {"evaluated_on", opt_json(opt_text(r, 12))},
                                 {"updated_at", r.text(13)},
                                 {"certificate_number", opt_json(opt_text(r, 14))}});
    }
    return std::make_pair(std::move(items), total);
  });
}

bj::array EvaluationsService::pending(const http::Principal& who, const std::optional<std::string>& unit, int year) {
  access::require(who, "movement.read");
  return db_.read_value([&](db::Connection& c) {
    const PathRange scope = units::area_range(c, who, unit);
    // The official evaluation of each unit this year (at most one: one per set, one official set per kind).
    const std::string sql =
        "SELECT u.code, u.name, u.kind, u.subkind, "
        "(SELECT 1 FROM evaluation_registrations g WHERE g.unit_id = u.id AND g.year = $3), "
        "e.id, e.status, e.result "
        "FROM units u LEFT JOIN (SELECT x.* FROM evaluations x JOIN evaluation_criteria_sets s ON s.id = x.criteria_set_id "
        "WHERE x.year = $3 AND s.optional = 0) e ON e.unit_id = u.id "
        "WHERE u.path >= $1 AND u.path < $2 AND u.active = 1 AND u.kind IN ('village', 'commune', 'establishment') "
        "AND (e.id IS NULL OR e.status <> 'approved') ORDER BY u.path LIMIT 2000";
    bj::array items;
    for (const auto& r : c.query(sql, scope.lo, scope.hi, std::int64_t{year}).rows) {
      bj::value ev = nullptr;
      if (!r.is_null(5)) ev = bj::object{{"id", std::to_string(r.integer(5))}, {"status", r.text(6)}, {"result", opt_json(opt_text(r, 7))}};
      items.push_back(bj::object{{"unit", bj::object{{"code", r.text(0)}, {"name", r.text(1)}, {"kind", r.text(2)}, {"subkind", r.text(3)}}},
                                 {"target_kind", *target_kind(r.text(2), r.text(3))},
                                 {"registered", !r.is_null(4)},
                                 {"evaluation", std::move(ev)}});
    }
    return items;
  });
}

bj::array EvaluationsService::registrations(const http::Principal& who, const std::optional<std::string>& unit,
                                            std::optional<int> year) {
  access::require(who, "movement.read");
  return db_.read_value([&](db::Connection& c) {
    const PathRange scope = units::area_range(c, who, unit);
    std::vector<db::Value> p{scope.lo, scope.hi};
    std::string sql = std::string(kRegistrationColumns) + "WHERE u.path >= $1 AND u.path < $2";
    if (year) {
      p.emplace_back(std::int64_t{*year});
      sql += " AND g.year = $3";
    }
    bj::array items;
    for (const auto& r : c.execute(sql + " ORDER BY g.year DESC, u.path LIMIT 5000", p).rows) items.push_back(registration_json(r));
    return items;
  });
}

bj::object EvaluationsService::add_registration(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, "evaluations.write");
  const json::ObjectReader in(body);
  in.allow_only({"unit", "year", "registered_on", "households_total", "households_registered"});
  const std::string code = in.required_string("unit", 40);
  const int year = checked_year(in);
  const std::string on = checked_date(in, "registered_on");
  const auto total = in.optional_int("households_total", 0, 1'000'000);
  const auto registered = in.optional_int("households_registered", 0, 1'000'000);
  check_households(total, registered);
  return db_.write_value([&](db::Connection& c) {
    const units::Unit u = unit_in_scope(c, who, code);
    if (!target_kind(u.kind, u.subkind)) throw BadRequest("Đơn vị này không đăng ký đánh giá.", "unit");
    std::int64_t id = 0;
    try {
      id = c.query("INSERT INTO evaluation_registrations (unit_id, year, registered_on, households_total, households_registered, "
                   "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                   u.id, std::int64_t{year}, on, total ? db::Value(*total) : db::Value(nullptr),
                   registered ? db::Value(*registered) : db::Value(nullptr), who.username, timeutil::now_utc())
               .rows[0]
               .integer(0);
    } catch (const db::UniqueViolation&) {
      throw Conflict(u.full_name + " đã đăng ký năm " + std::to_string(year) + ".", "unit");
    }
    audit_.record(c, {who.username, "evaluation_registration.create", "evaluation_registration", std::to_string(id), u.path, u.code,
                      "", request_id, ""});
    return registration_json(c.query(std::string(kRegistrationColumns) + "WHERE g.id = $1", id).rows[0]);
  });
}

bj::object EvaluationsService::update_registration(const http::Principal& who, std::int64_t id, const bj::object& body,
                                                   const std::string& request_id) {
  access::require(who, "evaluations.write");
  const json::ObjectReader in(body);
  in.allow_only({"registered_on", "households_total", "households_registered"});
  if (body.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  return db_.write_value([&](db::Connection& c) {
    auto cur = c.query(std::string(kRegistrationColumns) + "WHERE g.id = $1", id);
    if (cur.rows.empty() || !access::in_scope(who, cur.rows[0].text(7))) throw NotFound("Không tìm thấy bản đăng ký.");
    const auto& r = cur.rows[0];
    const std::string on = body.contains("registered_on") ? checked_date(in, "registered_on") : r.text(4);
    auto pick = [&](const char* key, std::size_t col) -> std::optional<std::int64_t> {
      if (body.contains(key)) return in.optional_int(key, 0, 1'000'000);
      return r.is_null(col) ? std::nullopt : std::optional<std::int64_t>(r.integer(col));
    };
    const auto total = pick("households_total", 5);
    const auto registered = pick("households_registered", 6);
    check_households(total, registered);
    c.query("UPDATE evaluation_registrations SET registered_on = $2, households_total = $3, households_registered = $4, "
            "updated_at = $5 WHERE id = $1",
            id, on, total ? db::Value(*total) : db::Value(nullptr), registered ? db::Value(*registered) : db::Value(nullptr),
            timeutil::now_utc());
    audit_.record(c, {who.username, "evaluation_registration.update", "evaluation_registration", std::to_string(id), r.text(7),
                      r.text(1), "", request_id, ""});
    return registration_json(c.query(std::string(kRegistrationColumns) + "WHERE g.id = $1", id).rows[0]);
  });
}

namespace {
void require_criterion(const Row& e, const std::string& criterion) {
  for (const auto& x : e.set.criteria)
    if (x.code == criterion && x.auto_rule.empty()) return;
  throw BadRequest("Bộ tiêu chí không có tiêu chí '" + criterion + "'.", "criterion");
}
std::int64_t count_files(db::Connection& c, std::int64_t id) {
  return c.query("SELECT COUNT(*) FROM register_attachments WHERE register = 'evaluations' AND record_id = $1", id).rows[0].integer(0);
}
// An evaluation's evidence: up to 10 files per criterion.
constexpr std::int64_t kMaxFilesPerEvaluation = 50;
}  // namespace

void EvaluationsService::admit_attachment(const http::Principal& who, std::int64_t id, const std::string& criterion) {
  db_.read([&](db::Connection& c) {
    Row e = load_for_writer(c, who, id);
    require_criterion(e, criterion);
    if (count_files(c, id) >= kMaxFilesPerEvaluation) {
      throw RuleViolation("Mỗi bản đánh giá chỉ kèm được tối đa " + std::to_string(kMaxFilesPerEvaluation) + " tệp.");
    }
  });
}

bj::object EvaluationsService::add_attachment(const http::Principal& who, std::int64_t id, const std::string& criterion,
                                              const std::string& upload_path, bool keep_location, const std::string& request_id) {
  const media::StoredMedia m = media::store_upload(upload_path, attachments_dir_, keep_location);
  try {
    return db_.write_value([&](db::Connection& c) {
      Row e = load_for_writer(c, who, id);
      require_criterion(e, criterion);
      if (count_files(c, id) >= kMaxFilesPerEvaluation) {
        throw RuleViolation("Mỗi bản đánh giá chỉ kèm được tối đa " + std::to_string(kMaxFilesPerEvaluation) + " tệp.");
      }
      const auto aid = c.query("INSERT INTO register_attachments (register, record_id, at, uploaded_by, kind, media_type, size, "
                               "sha256, stored_name, location_removed, part) VALUES ('evaluations', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                               "RETURNING id",
                               id, timeutil::now_utc(), who.username, m.kind, m.media_type, m.size, m.sha256, m.stored_name,
                               m.location_removed ? 1 : 0, criterion)
                           .rows[0]
                           .integer(0);
      audit_.record(c, {who.username, "evaluation.attach", "evaluation", std::to_string(id), e.unit.path, e.unit.code, "", request_id,
                        "{\"attachment\":" + std::to_string(aid) + "}"});
      return attachment_json(c.query(std::string(kAttachments) + "AND id = $2", id, aid).rows[0]);
    });
  } catch (...) {
    media::remove_stored(attachments_dir_, m.stored_name);
    throw;
  }
}

std::tuple<std::string, std::string, std::string> EvaluationsService::attachment_file(const http::Principal& who, std::int64_t id,
                                                                                      std::int64_t attachment_id) {
  return db_.read_value([&](db::Connection& c) {
    load_in_scope(c, who, id);
    auto r = c.query(std::string(kAttachments) + "AND id = $2", id, attachment_id);
    if (r.rows.empty()) throw NotFound("Không tìm thấy tệp đính kèm.");
    const std::string media_type = r.rows[0].text(4);
    return std::make_tuple((std::filesystem::path(attachments_dir_) / r.rows[0].text(7)).string(), media_type,
                           "danh-gia-" + std::to_string(id) + "-" + std::to_string(attachment_id) + "." + media::extension(media_type));
  });
}

std::string EvaluationsService::certificate(const http::Principal& who, std::int64_t id) {
  return db_.read_value([&](db::Connection& c) {
    const Row e = load_in_scope(c, who, id);
    if (e.status != "approved" || e.result != "passed" || !e.certificate_number) {
      throw RuleViolation("Chỉ in Giấy công nhận cho đơn vị đã được công nhận đạt tiêu chuẩn.", "status");
    }
    return certificate_html({e.unit.full_name, e.approver.full_name, e.approver.name, e.year, *e.certificate_number,
                             e.certificate_date.value_or(""), target_kind_label(e.target_kind), e.set.basis});
  });
}

}  // namespace antq::evaluations
