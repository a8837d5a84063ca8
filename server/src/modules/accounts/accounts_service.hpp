#pragma once
// Accounts (C2): login with lockout and rate limits, sessions, TOTP, API tokens, and user
// administration within the administrator's own subtree. Every change is audited in the same
// transaction.
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "core/keyring.hpp"
#include "core/rate_limiter.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/user.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::accounts {

struct AccountsConfig {
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  bool require_totp_for_admins = false;
  int login_attempts_per_minute = 20;  // per client address; 0 = off
  int lockout_failures = 5;
  int lockout_minutes = 15;
};

struct Caller {
  std::string ip;
  std::string request_id;
};

struct LoginResult {
  User user;
  std::string session_token;  // the cookie value; only its hash is stored
  std::string csrf_token;
};

struct NewUser {
  std::string username, password, role;
  std::optional<std::string> unit_code;  // nullopt: the whole country (with `nationwide`)
  std::string display_name;
  // No unit means the whole country only when asked for explicitly (a national admin's choice);
  // otherwise a forgotten unit field would silently give nationwide scope.
  bool nationwide = false;
  bool temporary_password = false;  // an administrator chose it: to be changed at first login
};

struct UserUpdate {
  std::optional<std::string> display_name, role, unit_code, password;
  std::optional<bool> disabled;
  bool clear_unit = false;  // "unit": null or "nationwide": true → the whole country
  bool nationwide = false;  // asked for explicitly (a national admin's choice, as in NewUser)
  bool totp_reset = false;  // the person lost their authenticator
  bool unlock = false;      // lift every address's login lock of this account
};

class AccountsService {
 public:
  AccountsService(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, AccountsConfig config);

  LoginResult login(const std::string& username, const std::string& password, const std::optional<std::string>& totp,
                    const Caller& caller);
  void logout(const std::string& session_token, const http::Principal& who, const Caller& caller);
  User me(const http::Principal& who);
  void change_password(const http::Principal& who, const std::string& current, const std::string& next,
                       const Caller& caller);

  std::pair<std::string, std::string> totp_setup(const http::Principal& who);  // secret, otpauth URI
  void totp_enable(const http::Principal& who, const std::string& code, const Caller& caller);
  void totp_disable(const http::Principal& who, const std::string& password, const Caller& caller);

  std::vector<repo::Role> roles();
  repo::UserPage list_users(const http::Principal& who, const std::optional<std::string>& q, int page, int per_page);
  User get_user(const http::Principal& who, const std::string& username);
  User create_user(const http::Principal& who, const NewUser& in, const Caller& caller);
  User update_user(const http::Principal& who, const std::string& username, const UserUpdate& in, const Caller& caller);

  // Command line (acts as "cli", no scope limits).
  bool user_exists(const std::string& username);
  void create_admin(const std::string& password);
  void add_user(const NewUser& in);
  void disable_user(const std::string& username);
  std::pair<std::string, std::string> create_token(const std::string& username, std::optional<int> expires_days);
  void revoke_token(const std::string& id_or_token);

  // For the authenticator: nullopt = not authenticated.
  struct SessionAuth {
    http::Principal principal;
    bool totp_setup_required = false;
    bool password_change_required = false;
  };
  std::optional<SessionAuth> authenticate_session(const std::string& session_token);
  std::optional<SessionAuth> authenticate_token(const std::string& bearer);

 private:
  void best_effort_touch(const std::function<void(db::Connection&)>& write);

 public:

  const AccountsConfig& config() const { return config_; }

 private:
  http::Principal principal_of(db::Connection& c, const User& u);
  User create_user_in(db::Connection& c, const NewUser& in, const std::string& password_hash, const std::string& actor,
                      const std::string& scope_path, const Caller& caller);
  void audit(db::Connection& c, const std::string& actor, const std::string& action, const std::string& entity,
             const std::string& entity_id, const std::string& unit_path, const std::string& unit_code,
             const std::string& request_id, const std::string& details = {});

  db::Database& db_;
  const crypto::Keyring& keys_;
  const audit::AuditLog& audit_;
  AccountsConfig config_;
  RateLimiter login_limiter_;
};

}  // namespace antq::accounts

namespace antq::accounts {
// After `antq keys rotate`: seals every TOTP secret again with the current key. Returns how many.
int reseal_secrets(db::Database& db, const crypto::Keyring& keys);
}  // namespace antq::accounts
