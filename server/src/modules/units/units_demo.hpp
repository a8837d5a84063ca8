#pragma once
#include "db/database.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::units {

struct DemoReport {
  int created = 0;
  int skipped_communes = 0;  // demo communes absent from the live unit list
};

// Villages and establishments under a few communes (Xã Sơn Tịnh, 21220, in Quảng Ngãi; Phường
// Sơn Tây, 09574, in Hà Nội). Idempotent: units that already exist are left alone.
DemoReport seed_demo(db::Database& db, const audit::AuditLog& audit);

}  // namespace antq::units
