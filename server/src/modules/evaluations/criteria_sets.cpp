#include "modules/evaluations/criteria_sets.hpp"

#include <set>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"
#include "modules/evaluations/criteria_sets.sql.hpp"

namespace antq::evaluations::criteria_sets {

namespace bj = boost::json;

namespace {

constexpr const char* kColumns =
    "SELECT id, code, version, target_kind, title, basis, optional, criteria, created_by, created_at, owner_path FROM evaluation_criteria_sets ";
constexpr const char* kLatest =
    "WHERE version = (SELECT MAX(version) FROM evaluation_criteria_sets x WHERE x.code = evaluation_criteria_sets.code) ";
using namespace antq::sql::evaluations::criteria_sets;  // the statements: criteria_sets.sql
constexpr const char* kTargetKinds[] = {"residential_area", "commune", "agency", "enterprise", "school"};

CriteriaSet from_row(const db::Row& r) {
  CriteriaSet s{r.integer(0),
                r.text(1),
                static_cast<int>(r.integer(2)),
                r.text(3),
                r.text(4),
                r.text(5),
                r.integer(6) != 0,
                {},
                r.text(8),
                r.text(9),
                r.is_null(10) ? std::nullopt : std::optional<std::string>(r.text(10))};
  const bj::value parsed = bj::parse(r.text(7));  // kept alive: the loop runs over its array
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    s.criteria.push_back({std::string(o.at("code").as_string()), std::string(o.at("text").as_string()), o.at("confirmed").as_bool(),
                          std::string(o.at("auto").as_string())});
  }
  return s;
}

bj::array criteria_json(const std::vector<Criterion>& cs) {
  bj::array a;
  for (const auto& c : cs) a.push_back(bj::object{{"code", c.code}, {"text", c.text}, {"confirmed", c.confirmed}, {"auto", c.auto_rule}});
  return a;
}

std::vector<Criterion> parse_criteria(const bj::value* v, const std::string& target_kind) {
  if (!v || !v->is_array() || v->as_array().empty() || v->as_array().size() > 30) {
    throw BadRequest("Trường 'criteria' phải là danh sách từ 1 đến 30 tiêu chí.", "criteria");
  }
  std::vector<Criterion> out;
  std::set<std::string> codes;
  for (const auto& x : v->as_array()) {
    if (!x.is_object()) throw BadRequest("Mỗi tiêu chí phải là một đối tượng.", "criteria");
    const json::ObjectReader in(x.as_object());
    in.allow_only({"code", "text", "confirmed", "auto"});
    Criterion c{in.required_string("code", 20), in.required_string("text", 1000), in.optional_bool("confirmed").value_or(true),
                in.optional_string("auto", 20).value_or("")};
    if (c.code.empty() || c.code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos) {
      throw BadRequest("Mã tiêu chí chỉ gồm chữ thường không dấu, chữ số, '-' và '_'.", "criteria");
    }
    if (!codes.insert(c.code).second) throw BadRequest("Mã tiêu chí '" + c.code + "' bị trùng.", "criteria");
    if (!c.auto_rule.empty() && !(c.auto_rule == "subunits" && target_kind == "commune")) {
      throw BadRequest("Tiêu chí tự tính chỉ có 'subunits' (của xã, phường).", "criteria");
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::optional<CriteriaSet> find(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string(kColumns) + "WHERE id = $1", id);
  if (r.rows.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

std::optional<CriteriaSet> default_for(db::Connection& c, const std::string& target_kind) {
  // The official set is the national one first published for this kind (the circular's).
  auto r = c.query(std::string(kColumns) + kLatest +
                       "AND target_kind = $1 AND optional = 0 AND owner_path IS NULL ORDER BY "
                       "(SELECT MIN(x.id) FROM evaluation_criteria_sets x WHERE x.code = evaluation_criteria_sets.code) LIMIT 1",
                   target_kind);
  if (r.rows.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

bool applies_to(const CriteriaSet& s, const std::string& unit_path) { return access::list_entry_applies(s.owner_path, unit_path); }

bj::object to_json(const CriteriaSet& s) {
  return bj::object{{"id", std::to_string(s.id)}, {"code", s.code},
                    {"version", s.version},       {"target_kind", s.target_kind},
                    {"title", s.title},           {"basis", s.basis},
                    {"optional", s.optional},     {"criteria", criteria_json(s.criteria)},
                    {"created_by", s.created_by}, {"created_at", s.created_at},
                    {"national", !s.owner_path}};
}

void register_routes(http::Router& router, db::Database& db, const audit::AuditLog& audit) {
  router.add({"GET", "/api/v1/evaluation-criteria", http::Access::staff}, [&db](http::Request& req) {
    access::require(*req.principal, "movement.read");
    const auto kind = http::text_param(req, "target_kind", 30);
    const bool all = http::bool_param(req, "all");
    return http::Response::json(db.read_value([&](db::Connection& c) {
      std::string sql = std::string(kColumns) + (all ? "WHERE 1 = 1 " : kLatest);
      std::vector<db::Value> p;
      if (kind) {
        p.emplace_back(*kind);
        sql += "AND target_kind = $1 ";
      }
      bj::array items;
      const auto& who = *req.principal;
      for (const auto& r : c.execute(sql + "ORDER BY optional, id", p).rows) {
        const CriteriaSet s = from_row(r);
        // Another province's own sets are its business; national ones and one's own are shown.
        if (s.owner_path && !path_within(who.unit_path, *s.owner_path) && !path_within(*s.owner_path, who.unit_path)) continue;
        items.push_back(to_json(s));
      }
      return bj::object{{"items", std::move(items)}};
    }));
  });

  router.add({"GET", "/api/v1/evaluation-criteria/{id}", http::Access::staff}, [&db](http::Request& req) {
    access::require(*req.principal, "movement.read");
    const auto id = http::id_param(req);
    return http::Response::json(db.read_value([&](db::Connection& c) {
      auto s = find(c, id);
      const auto& who = *req.principal;
      if (!s || (s->owner_path && !path_within(who.unit_path, *s->owner_path) && !path_within(*s->owner_path, who.unit_path))) {
        throw NotFound("Không tìm thấy bộ tiêu chí.");
      }
      return to_json(*s);
    }));
  });

  router.add({"POST", "/api/v1/evaluation-criteria", http::Access::staff}, [&db, &audit](http::Request& req) {
    access::require(*req.principal, "evaluations.criteria");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"code", "target_kind", "title", "basis", "optional", "criteria"});
    const std::string code = in.required_string("code", 40);
    if (code.empty() || code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      throw BadRequest("Mã bộ tiêu chí chỉ gồm chữ thường không dấu, chữ số và '-'.", "code");
    }
    const std::string kind = in.required_string("target_kind", 30);
    if (std::none_of(std::begin(kTargetKinds), std::end(kTargetKinds), [&](const char* k) { return kind == k; })) {
      throw BadRequest("Trường 'target_kind' phải là một trong: residential_area, commune, agency, enterprise, school.", "target_kind");
    }
    const std::string title = in.required_string("title", 300);
    if (title.empty()) throw BadRequest("Trường 'title' không được để trống.", "title");
    const std::string basis = in.optional_string("basis", 500).value_or("");
    const bool optional = in.optional_bool("optional").value_or(false);
    auto it = obj.find("criteria");
    const auto criteria = parse_criteria(it == obj.end() ? nullptr : &it->value(), kind);
    auto out = db.write_value([&](db::Connection& c) {
      auto prev = c.query(
          "SELECT MAX(version), MIN(target_kind), MIN(owner_path), COUNT(owner_path) FROM evaluation_criteria_sets WHERE code = $1", code);
      int version = 1;
      std::optional<std::string> owner;
      if (!prev.rows.empty() && !prev.rows[0].is_null(0)) {
        // A new version of an existing set: only whoever owns it (the official sets: a national
        // admin) may publish it, and it keeps its owner.
        if (prev.rows[0].integer(3) > 0) owner = prev.rows[0].text(2);
        access::require_list_owner(*req.principal, owner);
        if (prev.rows[0].text(1) != kind) throw Conflict("Bộ tiêu chí '" + code + "' dùng cho loại đối tượng khác.", "target_kind");
        version = static_cast<int>(prev.rows[0].integer(0)) + 1;
      } else {
        owner = access::list_owner_for(*req.principal);
      }
      const auto id = c.query(kInsert, code, std::int64_t{version}, kind, title, basis, std::int64_t{optional ? 1 : 0},
                              bj::serialize(criteria_json(criteria)), req.principal->username, timeutil::now_utc(),
                              owner ? db::Value(*owner) : db::Value(nullptr))
                          .rows[0]
                          .integer(0);
      audit.record(
          c, {req.principal->username, "evaluation_criteria.create", "evaluation_criteria", std::to_string(id), req.principal->unit_path,
              req.principal->unit_code, "", req.request_id, "{\"version\":" + std::to_string(version) + "}"});
      return to_json(*find(c, id));
    });
    return http::Response::json(out, 201);
  });
}

}  // namespace antq::evaluations::criteria_sets
