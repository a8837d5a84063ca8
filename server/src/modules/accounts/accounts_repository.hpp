#pragma once
// SQL of the accounts module: users, roles, sessions, API tokens, login failures.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/accounts/user.hpp"

namespace antq::accounts::repo {

std::optional<User> find_user(db::Connection& c, const std::string& username);
std::vector<std::string> permissions(db::Connection& c, const std::string& role);
bool role_exists(db::Connection& c, const std::string& role);
struct Role {
  std::string code, label;
  std::vector<std::string> permissions;
};
std::vector<Role> roles(db::Connection& c);

struct UserPage {
  std::vector<User> items;
  std::int64_t total = 0;
};
// Users whose home unit lies in `scope` ("" scope: all, national accounts included).
UserPage list_users(db::Connection& c, const std::string& scope_path, const std::optional<std::string>& q, int page, int per_page);

void insert_user(db::Connection& c, const User& u);
void update_profile(db::Connection& c, const std::string& username, const std::string& display_name, const std::string& role,
                    std::optional<std::int64_t> unit_id, bool disabled);
// `temporary`: set by an administrator; its owner must change it at first login.
void set_password(db::Connection& c, const std::string& username, const std::string& hash, bool temporary);
void set_rehash(db::Connection& c, const std::string& username, const std::string& hash);
void set_totp(db::Connection& c, const std::string& username, const std::optional<std::string>& secret,
              const std::optional<std::string>& pending, bool enabled);
void set_totp_step(db::Connection& c, const std::string& username, std::int64_t step);
void set_last_login(db::Connection& c, const std::string& username);

// The TOTP secrets as stored (sealed with the keyring), for `antq keys rotate`.
struct SealedTotp {
  std::string username;
  std::optional<std::string> secret, pending;
};
std::vector<SealedTotp> sealed_totp_secrets(db::Connection& c);
void reseal_totp(db::Connection& c, const SealedTotp& s);

struct Failures {
  int failures = 0;
  std::optional<std::string> locked_until;
};
Failures failures(db::Connection& c, const std::string& username);
// Adds one failure and returns the count.
int count_failure(db::Connection& c, const std::string& username);
void lock(db::Connection& c, const std::string& username, const std::string& until);
void reset_expired_lock(db::Connection& c, const std::string& username, const std::string& now);
bool claim_totp_step(db::Connection& c, const std::string& username, std::int64_t step);
void clear_failures(db::Connection& c, const std::string& username);
// Every address's failures and lock of one account (an administrator unlocks it).
void clear_all_failures(db::Connection& c, const std::string& username);
// Names of the accounts locked out from at least one address at `now` (a lock lasts minutes, so
// these are few).
std::set<std::string> locked_accounts(db::Connection& c, const std::string& now);

struct Session {
  std::string username, csrf_token, created_at, last_seen_at, expires_at;
};
void insert_session(db::Connection& c, const std::string& token_hash, const std::string& username, const std::string& csrf,
                    const std::string& expires_at);
std::optional<Session> find_session(db::Connection& c, const std::string& token_hash);
void touch_session(db::Connection& c, const std::string& token_hash);
void delete_session(db::Connection& c, const std::string& token_hash);
void delete_sessions_of(db::Connection& c, const std::string& username);

struct Token {
  std::string id, username;
  std::optional<std::string> expires_at, revoked_at, last_used_at;
};
void insert_token(db::Connection& c, const std::string& id, const std::string& token_hash, const std::string& username,
                  const std::optional<std::string>& expires_at);
std::optional<Token> find_token_by_hash(db::Connection& c, const std::string& token_hash);
std::optional<Token> find_token_by_id(db::Connection& c, const std::string& id);
void revoke_token(db::Connection& c, const std::string& id);

// Accounts with a home unit (username, unit id), and moving one to another unit: an
// administrative reform retires units and their accounts follow the successor.
std::vector<std::pair<std::string, std::int64_t>> homes(db::Connection& c);
void set_home_unit(db::Connection& c, const std::string& username, std::int64_t unit_id);
void touch_token(db::Connection& c, const std::string& id);

}  // namespace antq::accounts::repo
