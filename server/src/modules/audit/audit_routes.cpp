#include "modules/audit/audit_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "http/access.hpp"
#include "http/params.hpp"

namespace antq::audit {

namespace bj = boost::json;

void register_routes(http::Router& router, db::Database& db, const AuditLog& log) {
  router.add({"GET", "/api/v1/audit", http::Access::staff}, [&db, &log](http::Request& req) {
    const auto& who = *req.principal;
    access::require(who, "audit.read");
    const auto p = http::paging(req);
    Filter f;
    f.actor = http::text_param(req, "actor", 64);
    f.action = http::text_param(req, "action", 64);
    f.entity = http::text_param(req, "entity", 64);
    f.entity_id = http::text_param(req, "entity_id", 64);
    f.from = http::date_param(req, "from");
    f.to = http::date_param(req, "to");
    f.scope_path = who.unit_path;
    f.page = p.page;
    f.per_page = p.per_page;
    auto [entries, total] = log.list(db, f);
    bj::array items;
    for (const auto& e : entries) {
      bj::value details = nullptr;
      if (!e.entry.details.empty()) {
        boost::system::error_code ec;
        details = bj::parse(e.entry.details, ec);
        if (ec) details = bj::value(e.entry.details);
      }
      items.push_back(bj::object{{"id", std::to_string(e.id)},
                                 {"at", e.at},
                                 {"actor", e.entry.actor},
                                 {"action", e.entry.action},
                                 {"entity", e.entry.entity},
                                 {"entity_id", e.entry.entity_id},
                                 {"unit_code", e.entry.unit_code},
                                 {"reason", e.entry.reason},
                                 {"request_id", e.entry.request_id},
                                 {"details", details}});
    }
    return http::page_json(std::move(items), total, p);
  });

  router.add({"GET", "/api/v1/audit/verify", http::Access::staff}, [&db, &log](http::Request& req) {
    access::require(*req.principal, "audit.read");
    // It reads the whole chain, every area's entries: national administrators only.
    if (!req.principal->unit_path.empty()) {
      throw Forbidden("Chỉ quản trị viên cấp toàn quốc mới kiểm tra toàn bộ chuỗi nhật ký.");
    }
    const auto r = log.verify(db);
    return http::Response::json(bj::object{
        {"ok", r.ok},
        {"checked", r.checked},
        {"first_bad_id", r.first_bad_id ? bj::value(std::to_string(*r.first_bad_id)) : bj::value(nullptr)},
        {"problem", r.ok ? bj::value(nullptr) : bj::value(r.problem)}});
  });
}

}  // namespace antq::audit
