#include <boost/json.hpp>

#include <algorithm>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/past_date.hpp"
#include "http/access.hpp"
#include "http/file_response.hpp"
#include "modules/registers/register_routes.hpp"
#include "modules/reintegration/reintegration_routes.hpp"

// GET|POST /api/v1/reintegration/people/{id}/sessions, DELETE …/sessions/{sid}.
namespace antq::reintegration {

namespace bj = boost::json;

namespace {

constexpr const char* kKinds[] = {"visit", "education", "support"};

}  // namespace

// The permission is checked before the body is read (the service checks it again).
void register_session_routes(http::Router& router, ReintegrationService& service) {
  const std::string base = "/api/v1/" + service.people().spec().name + "/{id}/sessions";

  router.add({"GET", base, http::Access::staff}, [&service](http::Request& req) {
    access::require(*req.principal, service.people().spec().read_permission);
    return http::Response::json(bj::object{{"items", service.sessions(*req.principal, http::id_param(req))}});
  });

  router.add({"POST", base, http::Access::staff}, [&service](http::Request& req) {
    access::require(*req.principal, service.people().spec().write_permission);
    const auto id = http::id_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"date", "kind", "helpers", "notes"});
    NewSession s;
    s.date = json::past_date(in, "date", true);
    s.kind = in.required_string("kind", 20);
    if (std::none_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return s.kind == k; })) {
      throw BadRequest("Trường 'kind' phải là một trong: visit, education, support.", "kind");
    }
    s.helpers = in.optional_string("helpers", 300);
    s.notes = in.optional_string("notes", 5000);
    return http::Response::json(bj::object{{"items", service.add_session(*req.principal, id, s, req.request_id)}}, 201);
  });

  router.add({"DELETE", base + "/{sid}", http::Access::staff}, [&service](http::Request& req) {
    access::require(*req.principal, service.people().spec().write_permission);
    const auto id = http::id_param(req);
    const auto sid = http::id_param(req, "sid");
    service.delete_session(*req.principal, id, sid, req.request_id);
    http::Response r;
    r.status = 204;
    return r;
  });
}

}  // namespace antq::reintegration
