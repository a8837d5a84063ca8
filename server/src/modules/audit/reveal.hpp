#pragma once
// The one way to read a sensitive field in clear (a tipster's identity, a person under community
// education): a permission, the record inside the caller's area, and a stated reason, written to
// the audit log in the same transaction as the read. Modules call this; none decrypts on its own.
#include <string>
#include <string_view>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::audit {

struct RevealRequest {
  std::string permission;  // e.g. "tips.reveal"
  std::string entity;      // e.g. "tip"
  std::string entity_id;
  std::string unit_path;  // of the record
  std::string unit_code;
  std::string reason;  // what the caller typed: mandatory
  std::string request_id;
};

inline constexpr std::size_t kMinReasonChars = 10;

// The checks and the audit entry alone, for a record whose sealed fields its module opens in the
// same transaction right after (several fields of one person at once).
// Throws Forbidden (no permission), NotFound (outside the area), BadRequest (no or short reason).
void authorize_reveal(db::Connection& c, const AuditLog& log, const http::Principal& who, const RevealRequest& r);

// authorize_reveal, then the sealed value in clear.
std::string reveal(db::Connection& c, const AuditLog& log, const crypto::Keyring& keys, const http::Principal& who, const RevealRequest& r,
                   std::string_view sealed, std::string_view purpose);

}  // namespace antq::audit
