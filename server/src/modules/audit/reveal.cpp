#include "modules/audit/reveal.hpp"

#include "core/errors.hpp"
#include "core/text.hpp"
#include "http/access.hpp"

namespace antq::audit {

void authorize_reveal(db::Connection& c, const AuditLog& log, const http::Principal& who, const RevealRequest& r) {
  access::require(who, r.permission);
  access::require_in_scope(who, r.unit_path, "Không tìm thấy dữ liệu yêu cầu.");
  const std::string reason = text::trim(r.reason);
  if (text::length(reason) < kMinReasonChars) {
    throw BadRequest("Hãy ghi rõ lý do xem thông tin (ít nhất " + std::to_string(kMinReasonChars) + " ký tự).", "reason");
  }
  if (text::length(reason) > 500) throw BadRequest("Lý do dài quá 500 ký tự.", "reason");
  log.record(c, Entry{who.username, r.entity + ".reveal", r.entity, r.entity_id, r.unit_path, r.unit_code, reason, r.request_id, ""});
}

std::string reveal(db::Connection& c, const AuditLog& log, const crypto::Keyring& keys, const http::Principal& who, const RevealRequest& r,
                   std::string_view sealed, std::string_view purpose) {
  authorize_reveal(c, log, who, r);
  auto plain = keys.open(sealed, purpose);
  // A value that does not open is an operator's problem (wrong or lost key), never the caller's.
  if (!plain) throw std::runtime_error("sealed value of " + r.entity + " " + r.entity_id + " does not open with the keyring");
  return *plain;
}

}  // namespace antq::audit
