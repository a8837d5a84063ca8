#pragma once
// Reading the audit log: entries of the caller's area, and checking the whole chain (national
// administrators only). Both need the `audit.read` permission.
#include <cstdint>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::audit {

class AuditReader {
 public:
  AuditReader(db::Database& db, const AuditLog& log) : db_(db), log_(log) {}
  // `f.scope_path` is set to the caller's area.
  std::pair<std::vector<StoredEntry>, std::int64_t> list(const http::Principal& who, Filter f);
  VerifyResult verify(const http::Principal& who);

 private:
  db::Database& db_;
  const AuditLog& log_;
};

}  // namespace antq::audit
