// EvaluationsService: reading evaluations (one, the list, the units still to evaluate, the
// certificate) and their evidence files. Writing is in evaluation_workflow.cpp, registrations in
// evaluation_registrations.cpp, SQL in evaluations_repository.cpp.
#include "modules/evaluations/evaluations_service.hpp"

#include <map>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "http/access.hpp"
#include "modules/evaluations/certificate.hpp"
#include "modules/evaluations/criteria_sets.hpp"
#include "modules/evaluations/evaluation_parts.hpp"
#include "modules/evaluations/evaluation_rules.hpp"
#include "modules/units/area.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::evaluations {

namespace bj = boost::json;

namespace {

bj::value opt_json(const std::optional<std::string>& s) { return s ? bj::value(*s) : bj::value(nullptr); }

bj::object unit_json(const units::Unit& u) {
  return bj::object{{"code", u.code}, {"name", u.name}, {"full_name", u.full_name}, {"kind", u.kind}, {"subkind", u.subkind}};
}

// The attachments' functions below read an evaluation under this name.
using Row = repo::Evaluation;

bj::object attachment_json(const attachments::Attachment& a) {
  bj::object o = attachments::to_json(a);
  o["criterion"] = a.part;
  return o;
}

}  // namespace

bj::object to_json(db::Connection& c, const repo::Evaluation& e) {
  const Outcome o = outcome_of(c, e);
  std::map<std::string, bj::array> files;
  for (const auto& a : attachments::list(c, "evaluations", e.id)) files[a.part].push_back(attachment_json(a));
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
  for (const auto& r : repo::events(c, e.id)) {
    history.push_back(bj::object{{"at", r.at}, {"by", r.by}, {"action", r.action}, {"comment", r.comment}});
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
                    {"criteria_set", bj::object{{"id", std::to_string(e.set.id)},
                                                {"code", e.set.code},
                                                {"version", e.set.version},
                                                {"title", e.set.title},
                                                {"optional", e.set.optional}}},
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

bj::object EvaluationsService::get(const http::Principal& who, std::int64_t id) {
  return db_.read_value([&](db::Connection& c) { return to_json(c, load_in_scope(c, who, id)); });
}

void EvaluationsService::remove(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  db_.write([&](db::Connection& c) {
    repo::Evaluation e = load_for_writer(c, who, id);
    if (e.status != "draft") throw RuleViolation("Chỉ xóa được bản đánh giá nháp.", "status");
    files_.remove_all(c, id);
    repo::remove(c, id);
    audit_.record(c, {who.username, "evaluation.delete", "evaluation", std::to_string(id), e.unit.path, e.unit.code, "", request_id, ""});
  });
}

std::pair<bj::array, std::int64_t> EvaluationsService::list(const http::Principal& who, const ListFilter& f) {
  access::require(who, "movement.read");
  return db_.read_value([&](db::Connection& c) {
    const auto [rows, total] = repo::list(c, {units::area_range(c, who, f.unit), f.status, f.target_kind, f.year, f.page, f.per_page});
    bj::array items;
    for (const auto& r : rows) {
      items.push_back(
          bj::object{{"id", std::to_string(r.id)},
                     {"unit", bj::object{{"code", r.unit_code}, {"name", r.unit_name}, {"kind", r.unit_kind}}},
                     {"year", r.year},
                     {"target_kind", r.target_kind},
                     {"criteria_set",
                      bj::object{{"code", r.set_code}, {"version", r.set_version}, {"title", r.set_title}, {"optional", r.set_optional}}},
                     {"status", r.status},
                     {"result", opt_json(r.result)},
                     {"evaluated_on", opt_json(r.evaluated_on)},
                     {"updated_at", r.updated_at},
                     {"certificate_number", opt_json(r.certificate_number)}});
    }
    return std::make_pair(std::move(items), total);
  });
}

bj::array EvaluationsService::pending(const http::Principal& who, const std::optional<std::string>& unit, int year) {
  access::require(who, "movement.read");
  return db_.read_value([&](db::Connection& c) {
    bj::array items;
    for (const auto& r : repo::pending(c, units::area_range(c, who, unit), year)) {
      bj::value ev = nullptr;
      if (r.evaluation_id) ev = bj::object{{"id", std::to_string(*r.evaluation_id)}, {"status", r.status}, {"result", opt_json(r.result)}};
      items.push_back(
          bj::object{{"unit", bj::object{{"code", r.unit_code}, {"name", r.unit_name}, {"kind", r.unit_kind}, {"subkind", r.unit_subkind}}},
                     {"target_kind", *target_kind(r.unit_kind, r.unit_subkind)},
                     {"registered", r.registered},
                     {"evaluation", std::move(ev)}});
    }
    return items;
  });
}

namespace {
void require_criterion(const Row& e, const std::string& criterion) {
  for (const auto& x : e.set.criteria)
    if (x.code == criterion && x.auto_rule.empty()) return;
  throw BadRequest("Bộ tiêu chí không có tiêu chí '" + criterion + "'.", "criterion");
}
}  // namespace

void EvaluationsService::admit_attachment(const http::Principal& who, std::int64_t id, const std::string& criterion) {
  files_.admit([&](db::Connection& c) {
    require_criterion(load_for_writer(c, who, id), criterion);
    return id;
  });
}

bj::object EvaluationsService::add_attachment(const http::Principal& who, std::int64_t id, const std::string& criterion,
                                              const std::string& upload_path, bool keep_location, const std::string& request_id) {
  Row e;
  const auto a = files_.add(
      {upload_path, keep_location, who.username, criterion, ""},
      [&](db::Connection& c) {
        e = load_for_writer(c, who, id);
        require_criterion(e, criterion);
        return id;
      },
      [&](db::Connection& c, const attachments::Attachment& file) {
        audit_.record(c, {who.username, "evaluation.attach", "evaluation", std::to_string(id), e.unit.path, e.unit.code, "", request_id,
                          "{\"attachment\":" + std::to_string(file.id) + "}"});
      });
  return attachment_json(a);
}

attachments::StoredFile EvaluationsService::attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id) {
  return db_.read_value([&](db::Connection& c) {
    load_in_scope(c, who, id);
    return files_.file(c, id, attachment_id, "danh-gia-" + std::to_string(id));
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
