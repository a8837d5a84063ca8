#include "modules/reintegration/reintegration_routes.hpp"

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "http/params.hpp"
#include "modules/audit/reveal.hpp"
#include "modules/registers/register_routes.hpp"
#include "modules/reintegration/reintegration_spec.hpp"
#include "modules/reintegration/sessions.hpp"

namespace antq::reintegration {

namespace bj = boost::json;

namespace {

constexpr const char* kHistory =
    "SELECT status, changed_on, changed_by FROM reintegration_status_changes WHERE person_id = $1 ORDER BY changed_on, id";

// The sealed fields of a person, in clear.
bj::object identity(const registers::RegisterService& people, const registers::Record& r) {
  bj::object o;
  for (const auto& f : people.spec().fields)
    if (f.sealed) o[f.name] = r.values.at(f.name);
  return o;
}

}  // namespace

void register_routes(http::Router& router, registers::RegisterService& people, db::Database& db, const crypto::Keyring& keys,
                     const audit::AuditLog& audit) {
  const std::string base = "/api/v1/" + people.spec().name;

  // Exact search. The terms travel in the body: an address (and so an access log or a browser
  // history) never holds a person's name.
  router.add({"POST", base + "/search", http::Access::staff}, [&people, &db, &audit](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"name", "id_number", "unit", "page", "per_page"});
    registers::ListQuery q;
    q.unit = in.optional_string("unit", 40);
    if (auto name = in.optional_string("name", 120); name && !name->empty()) q.hashed.emplace_back("name", *name);
    if (auto id = in.optional_string("id_number", 20); id && !id->empty()) {
      if (normalize_id_number(*id).empty()) throw BadRequest("Số định danh phải có chữ số.", "id_number");
      q.hashed.emplace_back("id_number", *id);
    }
    if (q.hashed.empty()) throw BadRequest("Hãy nhập họ tên hoặc số định danh cần tìm.", "name");
    q.page = static_cast<int>(in.optional_int("page", 1, 100000).value_or(1));
    q.per_page = static_cast<int>(in.optional_int("per_page", 1, 500).value_or(50));
    auto [rows, total] = people.list(*req.principal, q);
    // Who looked for someone is itself worth knowing; the terms are not written down.
    // `total` copied in: clang 14 cannot capture a structured binding (the fuzz build uses it).
    db.write([&, total = total](db::Connection& c) {
      audit.record(c, {req.principal->username, "reintegration_person.search", "reintegration_person", "",
                       req.principal->unit_path, req.principal->unit_code, "", req.request_id,
                       "{\"found\":" + std::to_string(total) + "}"});
    });
    bj::array items;
    for (const auto& r : rows) items.push_back(people.to_json(r, false));
    return http::page_json(std::move(items), total, {q.page, q.per_page});
  });

  router.add({"POST", base + "/{id}/reveal", http::Access::staff}, [&people, &db, &keys, &audit](http::Request& req) {
    const auto id = registers::id_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"reason"});
    const std::string reason = in.optional_string("reason", 2000).value_or("");
    auto out = db.write_value([&](db::Connection& c) {
      // Outside the area or without the right to read the register: the same 404 as a missing id.
      access::require(*req.principal, people.spec().read_permission);
      const auto r = people.get_in(c, *req.principal, id);
      audit::authorize_reveal(c, audit,
                              *req.principal,
                              {"reintegration.reveal", people.spec().entity, std::to_string(id), r.unit_path, r.unit_code, reason,
                               req.request_id});
      bj::object o = identity(people, r);
      o["sessions"] = sessions::list(c, keys, id, true);
      return o;
    });
    return http::Response::json(out);
  });

  router.add({"GET", base + "/{id}/status-history", http::Access::staff}, [&people, &db](http::Request& req) {
    const auto id = registers::id_param(req);
    access::require(*req.principal, people.spec().read_permission);
    return http::Response::json(db.read_value([&](db::Connection& c) {
      people.get_in(c, *req.principal, id);
      bj::array items;
      for (const auto& r : c.query(kHistory, id).rows) {
        items.push_back(bj::object{{"status", r.text(0)}, {"on", r.text(1)}, {"by", r.text(2)}});
      }
      return bj::object{{"items", std::move(items)}};
    }));
  });

  sessions::register_routes(router, people, db, keys, audit);
}

}  // namespace antq::reintegration
