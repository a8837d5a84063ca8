#pragma once
// `antq import units --reform DATE`: the units module applies the reform; the accounts of the
// retired units move to their successors here (the app wires the two modules), each move audited.
#include <string>

#include "db/database.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/units_reform.hpp"

namespace antq::app {

units::ReformReport run_reform(db::Database& db, const audit::AuditLog& audit, const std::string& date, const std::string& actor = "cli");

}  // namespace antq::app
