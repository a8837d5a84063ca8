// API tokens for integrations, made and revoked on the command line (`antq token`).
#include "modules/accounts/authentication.hpp"

#include <chrono>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/time.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/credentials.hpp"

namespace antq::accounts {

using detail::json_str;
using detail::kTokenPrefix;
using detail::record_audit;

std::pair<std::string, std::string> Authentication::create_token(const std::string& username, std::optional<int> expires_days) {
  if (expires_days && (*expires_days < 1 || *expires_days > 3650)) {
    throw BadRequest("Số ngày hiệu lực phải từ 1 đến 3650.", "expires_days");
  }
  const std::string id = crypto::random_hex(6);
  const std::string token = std::string(kTokenPrefix) + detail::b64url(crypto::random_bytes(32));
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, username);
    if (!u) throw NotFound("Không tìm thấy tài khoản '" + username + "'.");
    if (u->disabled) throw RuleViolation("Tài khoản '" + username + "' đang bị khóa.");
    std::optional<std::string> expires;
    if (expires_days) expires = timeutil::to_rfc3339(std::chrono::system_clock::now() + std::chrono::days(*expires_days));
    repo::insert_token(c, id, detail::token_hash(token), username, expires);
    record_audit(audit_, c, "cli", "token.create", "api_token", id, u->unit_path, u->unit_code, "",
                 R"({"user":)" + json_str(username) + "}");
  });
  return {id, token};
}

void Authentication::revoke_token(const std::string& id_or_token) {
  db_.write([&](db::Connection& c) {
    auto t = id_or_token.starts_with(kTokenPrefix) ? repo::find_token_by_hash(c, detail::token_hash(id_or_token))
                                                   : repo::find_token_by_id(c, id_or_token);
    if (!t) throw NotFound("Không tìm thấy token.");
    repo::revoke_token(c, t->id);
    record_audit(audit_, c, "cli", "token.revoke", "api_token", t->id, "", "", "");
  });
}

// "Last used" is bookkeeping on a read: a full disk or a locked database must not turn an

}  // namespace antq::accounts
