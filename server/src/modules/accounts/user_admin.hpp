#pragma once
// User administration (C2): roles, and the accounts an administrator may see and change, within
// their own subtree; the command line's account commands. Every change is audited in the same
// transaction. Logging in and sessions are authentication.hpp.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/accounts/accounts_config.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/user.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::accounts {

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

class UserAdmin {
 public:
  UserAdmin(db::Database& db, const audit::AuditLog& audit) : db_(db), audit_(audit) {}

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

 private:
  User create_user_in(db::Connection& c, const NewUser& in, const std::string& password_hash, const std::string& actor,
                      const std::string& scope_path, const Caller& caller);

  db::Database& db_;
  const audit::AuditLog& audit_;
};

}  // namespace antq::accounts
