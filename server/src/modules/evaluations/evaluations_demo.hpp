#pragma once
// Demo evaluations for the two demo communes: registrations, last year's recognised village with
// its certificate, one evaluation awaiting approval and one draft. Written through the service,
// so they pass the same rules as real ones.
#include "db/database.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::evaluations {
int seed_demo(db::Database& db, const audit::AuditLog& audit);
}
