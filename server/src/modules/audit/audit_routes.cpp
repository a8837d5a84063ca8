#include "modules/audit/audit_routes.hpp"

#include <boost/json.hpp>

#include "http/access.hpp"
#include "http/params.hpp"

namespace antq::audit {

namespace bj = boost::json;

void register_routes(http::Router& router, AuditReader& reader) {
  router.add({"GET", "/api/v1/audit", http::Access::staff}, [&reader](http::Request& req) {
    access::require(*req.principal, "audit.read");  // before the parameters are read
    const auto p = http::paging(req);
    Filter f;
    f.actor = http::text_param(req, "actor", 64);
    f.action = http::text_param(req, "action", 64);
    f.entity = http::text_param(req, "entity", 64);
    f.entity_id = http::text_param(req, "entity_id", 64);
    f.from = http::date_param(req, "from");
    f.to = http::date_param(req, "to");
    f.page = p.page;
    f.per_page = p.per_page;
    auto [entries, total] = reader.list(*req.principal, f);
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

  router.add({"GET", "/api/v1/audit/verify", http::Access::staff}, [&reader](http::Request& req) {
    const auto r = reader.verify(*req.principal);
    return http::Response::json(
        bj::object{{"ok", r.ok},
                   {"checked", r.checked},
                   {"first_bad_id", r.first_bad_id ? bj::value(std::to_string(*r.first_bad_id)) : bj::value(nullptr)},
                   {"problem", r.ok ? bj::value(nullptr) : bj::value(r.problem)}});
  });
}

}  // namespace antq::audit
