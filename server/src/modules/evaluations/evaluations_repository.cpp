#include "modules/evaluations/evaluations_repository.hpp"

#include <boost/json.hpp>

#include "modules/evaluations/evaluations_repository.sql.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::evaluations::repo {

namespace bj = boost::json;

namespace {

using namespace antq::sql::evaluations::evaluations_repository;  // the statements: evaluations_repository.sql
// The list: FROM … WHERE the scope; filters are appended as bound parameters.
constexpr const char* kListFrom =
    "FROM evaluations e JOIN units u ON u.id = e.unit_id JOIN evaluation_criteria_sets s ON s.id = e.criteria_set_id "
    "WHERE u.path >= $1 AND u.path < $2";
constexpr const char* kListColumns =
    "SELECT e.id, u.code, u.name, u.kind, e.year, e.target_kind, s.code, s.version, s.title, s.optional, "
    "e.status, e.result, e.evaluated_on, e.updated_at, e.certificate_number ";
constexpr const char* kListOrder = " ORDER BY e.year DESC, u.path, e.id LIMIT ";
constexpr const char* kRegistrationColumns =
    "SELECT g.id, u.code, u.name, g.year, g.registered_on, g.households_total, g.households_registered, u.path "
    "FROM evaluation_registrations g JOIN units u ON u.id = g.unit_id ";
constexpr const char* kRegistrationsOrder = " ORDER BY g.year DESC, u.path LIMIT 5000";

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

RegistrationRow to_registration(const db::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), static_cast<int>(r.integer(3)), r.text(4), r.opt_integer(5), r.opt_integer(6), r.text(7)};
}

}  // namespace

std::optional<Evaluation> find(db::Connection& c, std::int64_t id) {
  auto q = c.query(kFind, id);
  if (q.rows.empty()) return std::nullopt;
  const auto& r = q.rows[0];
  Evaluation e;
  e.id = r.integer(0);
  e.unit = *units::repo::find_by_id(c, r.integer(1));
  e.year = static_cast<int>(r.integer(2));
  e.target_kind = r.text(3);
  e.set = *criteria_sets::find(c, r.integer(4));
  e.status = r.text(5);
  e.answers = parse_answers(r.text(6));
  e.result = r.opt_text(7);
  e.evaluated_on = r.opt_text(8);
  e.notes = r.text(9);
  e.approver = *units::repo::find_by_id(c, r.integer(10));
  e.submitted_by = r.opt_text(11);
  e.submitted_at = r.opt_text(12);
  e.decided_by = r.opt_text(13);
  e.decided_at = r.opt_text(14);
  e.certificate_number = r.opt_text(15);
  e.certificate_date = r.opt_text(16);
  e.created_by = r.text(17);
  e.created_at = r.text(18);
  e.updated_at = r.text(19);
  return e;
}

std::int64_t insert(db::Connection& c, const NewEvaluation& e) {
  return c
      .query(kInsert, e.unit_id, std::int64_t{e.year}, e.target_kind, e.set_id, e.set_code, e.evaluated_on, e.notes, e.approver_unit_id,
             e.created_by, e.now)
      .rows[0]
      .integer(0);
}

void save(db::Connection& c, const Evaluation& e, const std::optional<std::string>& result, const std::string& now) {
  c.query(kSave, e.id, answers_json(e.answers), result, e.evaluated_on, e.notes, now);
}

void mark_submitted(db::Connection& c, std::int64_t id, const std::string& result, const std::string& by, const std::string& now) {
  c.query(kSubmitted, id, result, by, now);
}

void mark_returned(db::Connection& c, std::int64_t id, const std::string& now) { c.query(kReturned, id, now); }

void mark_approved(db::Connection& c, std::int64_t id, const std::string& result, const std::string& by, const std::string& now,
                   const std::optional<std::string>& certificate_number, const std::optional<std::string>& certificate_date) {
  c.query(kApproved, id, result, by, now, certificate_number, certificate_date);
}

std::int64_t certificates_issued(db::Connection& c, std::int64_t approver_unit_id, int year) {
  return c.query(kCertificatesIssued, approver_unit_id, std::int64_t{year}).rows[0].integer(0);
}

void remove(db::Connection& c, std::int64_t id) {
  c.query(kDeleteEvents, id);
  c.query(kDelete, id);
}

void add_event(db::Connection& c, std::int64_t id, const Event& e) { c.query(kAddEvent, id, e.at, e.by, e.action, e.comment); }

std::vector<Event> events(db::Connection& c, std::int64_t id) {
  std::vector<Event> out;
  for (const auto& r : c.query(kEvents, id).rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

std::optional<Registration> registration_of(db::Connection& c, std::int64_t unit_id, int year) {
  auto r = c.query(kRegistrationOf, unit_id, std::int64_t{year});
  if (r.rows.empty()) return std::nullopt;
  const auto& x = r.rows[0];
  return Registration{x.text(1), x.opt_integer(2), x.opt_integer(3)};
}

Subunits subunits_of(db::Connection& c, const std::string& commune_path, int year) {
  const auto range = subtree_range(commune_path);
  const auto q = c.query(kSubunits, range.lo, range.hi, std::int64_t{year});
  const auto& r = q.rows[0];
  return {r.integer(0), r.integer(1), r.integer(2)};
}

std::pair<std::vector<ListItem>, std::int64_t> list(db::Connection& c, const ListFilter& f) {
  std::vector<db::Value> p{f.scope.lo, f.scope.hi};
  std::string where = kListFrom;
  auto param = [&](db::Value v) {
    p.push_back(std::move(v));
    return "$" + std::to_string(p.size());
  };
  if (f.year) where += " AND e.year = " + param(std::int64_t{*f.year});
  if (f.status) where += " AND e.status = " + param(*f.status);
  if (f.target_kind) where += " AND e.target_kind = " + param(*f.target_kind);
  const auto total = c.execute("SELECT COUNT(*) " + where, p).rows[0].integer(0);
  const std::string sql =
      kListColumns + where + kListOrder + param(std::int64_t{f.per_page}) + " OFFSET " + param(std::int64_t{(f.page - 1) * f.per_page});
  std::vector<ListItem> items;
  for (const auto& r : c.execute(sql, p).rows) {
    items.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4)), r.text(5), r.text(6),
                     static_cast<int>(r.integer(7)), r.text(8), r.integer(9) != 0, r.text(10), r.opt_text(11), r.opt_text(12), r.text(13),
                     r.opt_text(14)});
  }
  return {std::move(items), total};
}

std::vector<Pending> pending(db::Connection& c, const PathRange& scope, int year) {
  std::vector<Pending> out;
  for (const auto& r : c.query(kPending, scope.lo, scope.hi, std::int64_t{year}).rows) {
    out.push_back(
        {r.text(0), r.text(1), r.text(2), r.text(3), !r.is_null(4), r.opt_integer(5), r.is_null(5) ? "" : r.text(6), r.opt_text(7)});
  }
  return out;
}

std::vector<RegistrationRow> registrations(db::Connection& c, const PathRange& scope, std::optional<int> year) {
  std::vector<db::Value> p{scope.lo, scope.hi};
  std::string sql = std::string(kRegistrationColumns) + "WHERE u.path >= $1 AND u.path < $2";
  if (year) {
    p.emplace_back(std::int64_t{*year});
    sql += " AND g.year = $3";
  }
  std::vector<RegistrationRow> out;
  for (const auto& r : c.execute(sql + kRegistrationsOrder, p).rows) out.push_back(to_registration(r));
  return out;
}

std::optional<RegistrationRow> find_registration(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string(kRegistrationColumns) + "WHERE g.id = $1", id);
  if (r.rows.empty()) return std::nullopt;
  return to_registration(r.rows[0]);
}

std::int64_t insert_registration(db::Connection& c, std::int64_t unit_id, int year, const RegistrationValues& v, const std::string& by,
                                 const std::string& now) {
  return c.query(kInsertRegistration, unit_id, std::int64_t{year}, v.registered_on, v.households_total, v.households_registered, by, now)
      .rows[0]
      .integer(0);
}

void update_registration(db::Connection& c, std::int64_t id, const RegistrationValues& v, const std::string& now) {
  c.query(kUpdateRegistration, id, v.registered_on, v.households_total, v.households_registered, now);
}

}  // namespace antq::evaluations::repo
