#pragma once
// What the reintegration register adds to the engine's routes:
//   POST /api/v1/reintegration/people/search          exact name / ID number (keyed hash), terms in the body
//   POST /api/v1/reintegration/people/{id}/reveal     the identity, with a reason (audited)
//   GET  /api/v1/reintegration/people/{id}/status-history
//   GET|POST /api/v1/reintegration/people/{id}/sessions, DELETE …/sessions/{sid} (sessions_routes.cpp)
#include "http/router.hpp"
#include "modules/reintegration/reintegration_service.hpp"

namespace antq::reintegration {

void register_routes(http::Router& router, ReintegrationService& service);
void register_session_routes(http::Router& router, ReintegrationService& service);

}  // namespace antq::reintegration
