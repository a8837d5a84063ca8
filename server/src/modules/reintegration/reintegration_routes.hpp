#pragma once
// What the reintegration register adds to the engine's routes:
//   POST /api/v1/reintegration/people/search          exact name / ID number (keyed hash), terms in the body
//   POST /api/v1/reintegration/people/{id}/reveal     the identity, with a reason (audited)
//   GET  /api/v1/reintegration/people/{id}/status-history
//   GET|POST /api/v1/reintegration/people/{id}/sessions, DELETE …/sessions/{sid}
#include "core/keyring.hpp"
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::reintegration {

void register_routes(http::Router& router, registers::RegisterService& people, db::Database& db, const crypto::Keyring& keys,
                     const audit::AuditLog& audit);

}  // namespace antq::reintegration
