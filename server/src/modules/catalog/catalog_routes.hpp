#pragma once
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::catalog {

// GET /api/v1/catalog (public: labels only); POST /api/v1/catalog/{kind} and
// PATCH /api/v1/catalog/{kind}/{code} for admins, audited.
void register_routes(http::Router& router, db::Database& db, const audit::AuditLog& audit);

}  // namespace antq::catalog
