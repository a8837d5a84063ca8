#include "modules/audit/audit_reader.hpp"

#include "core/errors.hpp"
#include "http/access.hpp"

namespace antq::audit {

std::pair<std::vector<StoredEntry>, std::int64_t> AuditReader::list(const http::Principal& who, Filter f) {
  access::require(who, "audit.read");
  f.scope_path = who.unit_path;
  return log_.list(db_, f);
}

VerifyResult AuditReader::verify(const http::Principal& who) {
  access::require(who, "audit.read");
  // It reads the whole chain, every area's entries: national administrators only.
  if (!who.unit_path.empty()) throw Forbidden("Chỉ quản trị viên cấp toàn quốc mới kiểm tra toàn bộ chuỗi nhật ký.");
  return log_.verify(db_);
}

}  // namespace antq::audit
