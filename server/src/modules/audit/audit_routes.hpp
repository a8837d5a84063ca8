#pragma once
#include "http/router.hpp"
#include "modules/audit/audit_reader.hpp"

namespace antq::audit {

// GET /api/v1/audit (filters, paged, the caller's area only), GET /api/v1/audit/verify.
void register_routes(http::Router& router, AuditReader& reader);

}  // namespace antq::audit
