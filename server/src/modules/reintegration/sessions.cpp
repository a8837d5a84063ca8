#include "modules/reintegration/sessions.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/registers/register_routes.hpp"

namespace antq::reintegration::sessions {

namespace bj = boost::json;

namespace {

constexpr const char* kList =
    "SELECT id, date, kind, helpers, notes, created_by FROM reintegration_sessions WHERE person_id = $1 ORDER BY date DESC, id DESC";
constexpr const char* kInsert =
    "INSERT INTO reintegration_sessions (person_id, date, kind, helpers, notes, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kDelete = "DELETE FROM reintegration_sessions WHERE id = $1 AND person_id = $2 RETURNING id";

constexpr const char* kKinds[] = {"visit", "education", "support"};
constexpr const char* kHelpersPurpose = "reintegration_session.helpers";
constexpr const char* kNotesPurpose = "reintegration_session.notes";

bj::value opened(const crypto::Keyring& keys, const db::Row& r, std::size_t i, const char* purpose) {
  if (r.is_null(i)) return nullptr;
  auto plain = keys.open(r.text(i), purpose);
  if (!plain) throw std::runtime_error("reintegration session " + std::to_string(r.integer(0)) + ": sealed field does not open");
  return bj::string(*plain);
}

db::Value sealed_or_null(const crypto::Keyring& keys, const std::optional<std::string>& v, const char* purpose) {
  if (!v || v->empty()) return nullptr;
  return keys.seal(*v, purpose);
}

}  // namespace

bj::array list(db::Connection& c, const crypto::Keyring& keys, std::int64_t person_id, bool with_identity) {
  bj::array out;
  for (const auto& r : c.query(kList, person_id).rows) {
    bj::object o{{"id", std::to_string(r.integer(0))}, {"date", r.text(1)}, {"kind", r.text(2)}, {"created_by", r.text(5)}};
    if (with_identity) {
      o["helpers"] = opened(keys, r, 3, kHelpersPurpose);
      o["notes"] = opened(keys, r, 4, kNotesPurpose);
    } else {
      o["has_notes"] = !r.is_null(3) || !r.is_null(4);
    }
    out.push_back(std::move(o));
  }
  return out;
}

void register_routes(http::Router& router, registers::RegisterService& people, db::Database& db, const crypto::Keyring& keys,
                     const audit::AuditLog& audit) {
  const std::string base = "/api/v1/" + people.spec().name + "/{id}/sessions";

  router.add({"GET", base, http::Access::staff}, [&people, &db, &keys](http::Request& req) {
    access::require(*req.principal, people.spec().read_permission);
    const auto id = registers::id_param(req);
    const auto person = people.get(*req.principal, id);
    const bool with_identity = people.sees_sealed(*req.principal, person);
    return http::Response::json(
        db.read_value([&](db::Connection& c) { return bj::object{{"items", list(c, keys, id, with_identity)}}; }));
  });

  router.add({"POST", base, http::Access::staff}, [&people, &db, &keys, &audit](http::Request& req) {
    access::require(*req.principal, people.spec().write_permission);
    const auto id = registers::id_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"date", "kind", "helpers", "notes"});
    const std::string date = in.required_string("date", 10);
    if (!timeutil::parse_date(date)) throw BadRequest("Trường 'date' phải là ngày dạng YYYY-MM-DD.", "date");
    if (date > timeutil::today_vietnam()) throw BadRequest("Trường 'date' không thể là ngày trong tương lai.", "date");
    const std::string kind = in.required_string("kind", 20);
    if (std::none_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return kind == k; })) {
      throw BadRequest("Trường 'kind' phải là một trong: visit, education, support.", "kind");
    }
    const auto helpers = in.optional_string("helpers", 300);
    const auto notes = in.optional_string("notes", 5000);
    const auto person = people.get(*req.principal, id);
    const bool with_identity = people.sees_sealed(*req.principal, person);
    auto out = db.write_value([&](db::Connection& c) {
      const auto p = people.get_in(c, *req.principal, id);  // still there, still in scope
      if (date < std::string(p.values.at("start_date").as_string())) {
        throw BadRequest("Ngày gặp gỡ trước ngày bắt đầu giúp đỡ.", "date");
      }
      const auto sid = c.query(kInsert, id, date, kind, sealed_or_null(keys, helpers, kHelpersPurpose),
                               sealed_or_null(keys, notes, kNotesPurpose), req.principal->username, timeutil::now_utc())
                           .rows[0]
                           .integer(0);
      audit.record(c, {req.principal->username, "reintegration_person.session", people.spec().entity, std::to_string(id),
                       p.unit_path, p.unit_code, "", req.request_id, "{\"session\":" + std::to_string(sid) + "}"});
      return bj::object{{"items", list(c, keys, id, with_identity)}};
    });
    return http::Response::json(out, 201);
  });

  router.add({"DELETE", base + "/{sid}", http::Access::staff}, [&people, &db, &audit](http::Request& req) {
    access::require(*req.principal, people.spec().write_permission);
    const auto id = registers::id_param(req);
    const auto sid = registers::id_param(req, "sid");
    db.write([&](db::Connection& c) {
      const auto p = people.get_in(c, *req.principal, id);
      if (c.query(kDelete, sid, id).rows.empty()) throw NotFound("Không tìm thấy lượt gặp gỡ này.");
      audit.record(c, {req.principal->username, "reintegration_person.session_delete", people.spec().entity, std::to_string(id),
                       p.unit_path, p.unit_code, "", req.request_id, "{\"session\":" + std::to_string(sid) + "}"});
    });
    http::Response r;
    r.status = 204;
    return r;
  });
}

}  // namespace antq::reintegration::sessions
