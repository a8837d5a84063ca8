#include "modules/models/replications_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/past_date.hpp"
#include "http/access.hpp"
#include "http/file_response.hpp"
#include "modules/registers/register_routes.hpp"

namespace antq::models {

namespace bj = boost::json;

// The permission is checked before the body is read (the service checks it again).
void register_replication_routes(http::Router& router, ReplicationsService& replications) {
  router.add({"GET", "/api/v1/models/{id}/replications", http::Access::staff}, [&replications](http::Request& req) {
    access::require(*req.principal, replications.spec().read_permission);
    return http::Response::json(bj::object{{"items", replications.list(*req.principal, http::id_param(req))}});
  });

  router.add({"POST", "/api/v1/models/{id}/replications", http::Access::staff}, [&replications](http::Request& req) {
    access::require(*req.principal, replications.spec().write_permission);
    const auto id = http::id_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"unit", "started_on"});
    const std::string unit_code = in.required_string("unit", 40);
    const std::string started = json::past_date(in, "started_on", true);
    return http::Response::json(bj::object{{"items", replications.add(*req.principal, id, unit_code, started, req.request_id)}}, 201);
  });

  router.add({"PATCH", "/api/v1/models/{id}/replications/{rid}", http::Access::staff}, [&replications](http::Request& req) {
    access::require(*req.principal, replications.spec().write_permission);
    const auto id = http::id_param(req);
    const auto rid = http::id_param(req, "rid");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"ended_on"});
    const std::string ended = json::past_date(in, "ended_on", true);
    return http::Response::json(bj::object{{"items", replications.end(*req.principal, id, rid, ended, req.request_id)}});
  });
}

}  // namespace antq::models
