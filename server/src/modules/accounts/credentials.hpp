#pragma once
// Pieces shared by authentication and user administration (not part of the module's interface):
// how session and API tokens are made and hashed, the audit helper, and a principal from a user.
#include <cstdint>
#include <string>
#include <string_view>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/accounts/user.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::accounts::detail {

inline constexpr std::string_view kTokenPrefix = "antq_";

// Only hashes are stored: a leaked table opens no session and no token.
std::string session_hash(const std::string& token);
std::string token_hash(const std::string& token);
// Random bytes as URL-safe base64 without padding (cookie and header safe).
std::string b64url(const std::string& bytes);
std::int64_t unix_now();
std::string json_str(const std::string& s);

// Records one audit entry in the caller's transaction.
void record_audit(const audit::AuditLog& log, db::Connection& c, const std::string& actor, const std::string& action,
                  const std::string& entity, const std::string& entity_id, const std::string& unit_path, const std::string& unit_code,
                  const std::string& request_id, const std::string& details = {});

http::Principal principal_of(db::Connection& c, const User& u);

}  // namespace antq::accounts::detail
