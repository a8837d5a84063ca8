#pragma once
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::audit {

// GET /api/v1/audit (filters, paged, the caller's area only), GET /api/v1/audit/verify.
void register_routes(http::Router& router, db::Database& db, const AuditLog& log);

}  // namespace antq::audit
