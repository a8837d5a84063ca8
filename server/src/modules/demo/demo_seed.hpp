#pragma once
// `antq seed demo`: the demo data of every module in ONE transaction, once per database.
//
// Idempotent: the first run claims the marker 'demo.seeded' in the settings table inside that
// transaction, so a second run (or one racing it on PostgreSQL) writes nothing and says so; a
// failure half-way leaves nothing behind. Works on both shipped unit lists (units_demo.hpp). The
// rollup of the reports is derived again inside the same transaction, so figures and records
// never disagree.
#include <string>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/demo/history_demo.hpp"
#include "modules/units/units_demo.hpp"

namespace antq::demo {

struct SeedReport {
  bool already = false;  // an earlier run seeded this database: nothing was written
  units::DemoReport units;
  int tips = 0, records = 0, evaluations = 0, news = 0;  // the showcase records of each module
  HistoryReport history;
  double seconds = 0;
};

// Throws OperatorError when neither shipped unit list is loaded (nothing to attach the demo to).
SeedReport seed_demo(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit);

// The report as the command prints it (Vietnamese, numbers as 16.000).
std::string describe(const SeedReport& r);

}  // namespace antq::demo
