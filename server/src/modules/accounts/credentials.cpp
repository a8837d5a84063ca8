#include "modules/accounts/credentials.hpp"

#include <sodium.h>

#include <chrono>
#include <cstring>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "modules/accounts/accounts_repository.hpp"

namespace antq::accounts::detail {

std::string session_hash(const std::string& token) { return crypto::blake2b_hex("session:" + token); }
std::string token_hash(const std::string& token) { return crypto::blake2b_hex("api-token:" + token); }

std::string b64url(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string json_str(const std::string& s) {
  std::string out = "\"";
  log::append_json_escaped(out, s);
  return out + "\"";
}

void record_audit(const audit::AuditLog& log, db::Connection& c, const std::string& actor, const std::string& action,
                  const std::string& entity, const std::string& entity_id, const std::string& unit_path, const std::string& unit_code,
                  const std::string& request_id, const std::string& details) {
  log.record(c, audit::Entry{actor, action, entity, entity_id, unit_path, unit_code, "", request_id, details});
}

http::Principal principal_of(db::Connection& c, const User& u) {
  http::Principal p;
  p.user_id = u.username;
  p.username = u.username;
  p.role = u.role;
  p.unit_code = u.unit_code;
  p.unit_path = u.unit_path;
  p.permissions = repo::permissions(c, u.role);
  return p;
}

}  // namespace antq::accounts::detail
