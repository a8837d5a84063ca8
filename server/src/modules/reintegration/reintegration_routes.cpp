#include "modules/reintegration/reintegration_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"
#include "modules/registers/register_routes.hpp"
#include "modules/reintegration/reintegration_spec.hpp"

namespace antq::reintegration {

namespace bj = boost::json;

void register_routes(http::Router& router, ReintegrationService& service) {
  const std::string base = "/api/v1/" + service.people().spec().name;

  // Exact search. The terms travel in the body: an address (and so an access log or a browser
  // history) never holds a person's name.
  router.add({"POST", base + "/search", http::Access::staff}, [&service](http::Request& req) {
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
    const auto found = service.search(*req.principal, q, req.request_id);
    bj::array items;
    for (const auto& r : found.first) items.push_back(service.people().to_json(r, false));
    return http::page_json(std::move(items), found.second, {q.page, q.per_page});
  });

  router.add({"POST", base + "/{id}/reveal", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"reason"});
    const std::string reason = in.optional_string("reason", 2000).value_or("");
    return http::Response::json(service.reveal(*req.principal, id, reason, req.request_id));
  });

  router.add({"GET", base + "/{id}/status-history", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    return http::Response::json(bj::object{{"items", service.status_history(*req.principal, id)}});
  });

  register_session_routes(router, service);
}

}  // namespace antq::reintegration
