#pragma once
// Authentication (C2): who is calling. Login with lockout and rate limits, sessions, the second
// factor (TOTP), API tokens, and the checks the request pipeline makes on every staff request.
// Every change is audited in the same transaction. Who may do what to which account is
// user_admin.hpp.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/keyring.hpp"
#include "core/rate_limiter.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/accounts/accounts_config.hpp"
#include "modules/accounts/user.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::accounts {

struct LoginResult {
  User user;
  std::string session_token;  // the cookie value; only its hash is stored
  std::string csrf_token;
};

// For the authenticator: nullopt = not authenticated.
struct SessionAuth {
  http::Principal principal;
  bool totp_setup_required = false;
  bool password_change_required = false;
};

class Authentication {
 public:
  // `windows`: where the per-address login limit counts (null: this process's memory).
  Authentication(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, AccountsConfig config,
                 std::shared_ptr<WindowCounts> windows = nullptr);

  // login.cpp
  LoginResult login(const std::string& username, const std::string& password, const std::optional<std::string>& totp, const Caller& caller);
  void logout(const std::string& session_token, const http::Principal& who, const Caller& caller);
  User me(const http::Principal& who);
  void change_password(const http::Principal& who, const std::string& current, const std::string& next, const Caller& caller);

  // totp_enrolment.cpp
  std::pair<std::string, std::string> totp_setup(const http::Principal& who);  // secret, otpauth URI
  void totp_enable(const http::Principal& who, const std::string& code, const Caller& caller);
  void totp_disable(const http::Principal& who, const std::string& password, const Caller& caller);

  // api_tokens.cpp: command line (acts as "cli"). Returns the token's id and the token itself.
  std::pair<std::string, std::string> create_token(const std::string& username, std::optional<int> expires_days);
  void revoke_token(const std::string& id_or_token);

  // session_check.cpp: a session cookie or a bearer token to the principal behind it.
  std::optional<SessionAuth> authenticate_session(const std::string& session_token);
  std::optional<SessionAuth> authenticate_token(const std::string& bearer);

  const AccountsConfig& config() const { return config_; }

 private:
  void best_effort_touch(const std::function<void(db::Connection&)>& write);

  db::Database& db_;
  const crypto::Keyring& keys_;
  const audit::AuditLog& audit_;
  AccountsConfig config_;
  RateLimiter login_limiter_;
};

}  // namespace antq::accounts
