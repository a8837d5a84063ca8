#pragma once
// HTTP of the evaluation workflow (docs/api/evaluations.md): criteria sets, registrations,
// evaluations with their checklist, transitions, evidence files and certificate.
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/evaluations/evaluations_service.hpp"

namespace antq::evaluations {

void register_routes(http::Router& router, EvaluationsService& service, db::Database& db, const audit::AuditLog& audit);

}  // namespace antq::evaluations
