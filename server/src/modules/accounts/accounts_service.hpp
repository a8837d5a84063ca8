#pragma once
// Staff accounts. For now: the administrator created by `antq init`, with an Argon2id hash.
// Roles, sessions, tokens and the audit trail come with the accounts capability (C2).
#include <optional>
#include <string>

#include "db/database.hpp"

namespace antq::accounts {

constexpr std::size_t kMinPasswordLength = 10;

// libsodium Argon2id with its "interactive" limits (64 MiB, 2 passes): above OWASP's minimum.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

class AccountsService {
 public:
  explicit AccountsService(db::Database& db) : db_(db) {}
  bool user_exists(const std::string& username);
  // Creates the `admin` account with the whole country as its scope. Throws BadRequest for a
  // password that is too short.
  void create_admin(const std::string& password);

 private:
  db::Database& db_;
};

}  // namespace antq::accounts
