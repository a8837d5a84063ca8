#include "modules/accounts/accounts_repository.hpp"

#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/accounts/accounts_repository.sql.hpp"

namespace antq::accounts::repo {

namespace {

#define USER_SELECT                                                                                           \
  "SELECT u.username, u.display_name, u.password_hash, u.role, r.label, u.unit_id, COALESCE(n.code, ''), "    \
  "COALESCE(n.name, ''), COALESCE(n.full_name, ''), COALESCE(n.kind, ''), COALESCE(n.path, ''), u.disabled, " \
  "u.totp_enabled, u.totp_secret, u.totp_pending, u.totp_last_step, u.last_login_at, u.created_at, "          \
  "u.must_change_password "                                                                                   \
  "FROM users u JOIN roles r ON r.code = u.role LEFT JOIN units n ON n.id = u.unit_id "

constexpr const char* kFindUser = USER_SELECT "WHERE u.username = $1";
constexpr const char* kListUsers = USER_SELECT
    "WHERE ((n.path >= $1 AND n.path < $2) OR ($1 = '/' AND u.unit_id IS NULL)) "
    "AND (CAST($3 AS TEXT) IS NULL OR u.search_text LIKE $3 ESCAPE '\\') "
    "ORDER BY u.username LIMIT $4 OFFSET $5";
using namespace antq::sql::accounts::accounts_repository;  // the statements: accounts_repository.sql
#undef USER_SELECT

User from_row(const db::Row& r) {
  User u;
  u.username = r.text(0);
  u.display_name = r.text(1);
  u.password_hash = r.text(2);
  u.role = r.text(3);
  u.role_label = r.text(4);
  u.unit_id = r.opt_integer(5);
  u.unit_code = r.text(6);
  u.unit_name = r.text(7);
  u.unit_full_name = r.text(8);
  u.unit_kind = r.text(9);
  u.unit_path = r.text(10);
  u.disabled = r.integer(11) != 0;
  u.totp_enabled = r.integer(12) != 0;
  u.totp_secret = r.opt_text(13);
  u.totp_pending = r.opt_text(14);
  u.totp_last_step = r.integer(15);
  u.last_login_at = r.opt_text(16);
  u.created_at = r.text(17);
  u.must_change_password = r.integer(18) != 0;
  return u;
}

Token token_from_row(const db::Row& r) { return {r.text(0), r.text(1), r.opt_text(2), r.opt_text(3), r.opt_text(4)}; }

}  // namespace

std::optional<User> find_user(db::Connection& c, const std::string& username) {
  auto r = c.query(kFindUser, username);
  if (r.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

std::vector<std::string> permissions(db::Connection& c, const std::string& role) {
  std::vector<std::string> out;
  for (const auto& r : c.query(kPermissions, role).rows) out.push_back(r.text(0));
  return out;
}

bool role_exists(db::Connection& c, const std::string& role) { return !c.query(kRoleExists, role).empty(); }

std::vector<Role> roles(db::Connection& c) {
  std::vector<Role> out;
  for (const auto& r : c.query(kRoles).rows) out.push_back({r.text(0), r.text(1), permissions(c, r.text(0))});
  return out;
}

UserPage list_users(db::Connection& c, const std::string& scope_path, const std::optional<std::string>& q, int page, int per_page) {
  const auto range = subtree_range(scope_path);
  std::optional<std::string> pattern;
  if (q && !q->empty()) {
    pattern = "%" + db::escape_like(text::fold(*q)) + "%";
  }
  UserPage p;
  p.total = c.query(kCountUsers, range.lo, range.hi, pattern).rows[0].integer(0);
  for (const auto& r : c.query(kListUsers, range.lo, range.hi, pattern, per_page, static_cast<std::int64_t>(page - 1) * per_page).rows) {
    p.items.push_back(from_row(r));
  }
  return p;
}

namespace {
std::string user_search_text(const std::string& username, const std::string& display_name) {
  return text::fold(username) + " " + text::fold(display_name);
}
}  // namespace

void insert_user(db::Connection& c, const User& u) {
  c.query(kInsertUser, u.username, u.display_name, u.password_hash, u.role, u.unit_id, timeutil::now_utc(),
          user_search_text(u.username, u.display_name), std::int64_t{u.must_change_password ? 1 : 0});
}

void update_profile(db::Connection& c, const std::string& username, const std::string& display_name, const std::string& role,
                    std::optional<std::int64_t> unit_id, bool disabled) {
  c.query(kUpdateProfile, username, display_name, role, unit_id, disabled, timeutil::now_utc(), user_search_text(username, display_name));
}

void set_password(db::Connection& c, const std::string& username, const std::string& hash, bool temporary) {
  c.query(kSetPassword, username, hash, timeutil::now_utc(), std::int64_t{temporary ? 1 : 0});
}
void set_rehash(db::Connection& c, const std::string& username, const std::string& hash) { c.query(kSetRehash, username, hash); }

void set_totp(db::Connection& c, const std::string& username, const std::optional<std::string>& secret,
              const std::optional<std::string>& pending, bool enabled) {
  c.query(kSetTotp, username, secret, pending, enabled, timeutil::now_utc());
}
void set_totp_step(db::Connection& c, const std::string& username, std::int64_t step) { c.query(kSetTotpStep, username, step); }
void set_last_login(db::Connection& c, const std::string& username) { c.query(kSetLastLogin, username, timeutil::now_utc()); }

std::vector<SealedTotp> sealed_totp_secrets(db::Connection& c) {
  std::vector<SealedTotp> out;
  for (const auto& r : c.query(kSealedTotpSecrets).rows) out.push_back({r.text(0), r.opt_text(1), r.opt_text(2)});
  return out;
}
void reseal_totp(db::Connection& c, const SealedTotp& s) { c.query(kResealTotp, s.username, s.secret, s.pending); }

Failures failures(db::Connection& c, const std::string& username) {
  auto r = c.query(kFailures, username);
  if (r.empty()) return {};
  return {static_cast<int>(r.rows[0].integer(0)), r.rows[0].opt_text(1)};
}
int count_failure(db::Connection& c, const std::string& username) {
  return static_cast<int>(c.query(kCountFailure, username, timeutil::now_utc()).rows.at(0).integer(0));
}
void lock(db::Connection& c, const std::string& username, const std::string& until) { c.query(kLock, username, until); }
void reset_expired_lock(db::Connection& c, const std::string& username, const std::string& now) { c.query(kResetExpired, username, now); }
bool claim_totp_step(db::Connection& c, const std::string& username, std::int64_t step) {
  return c.query(kClaimTotpStep, username, step).affected == 1;
}
void clear_failures(db::Connection& c, const std::string& username) { c.query(kClearFailures, username); }
void clear_all_failures(db::Connection& c, const std::string& username) {
  c.query(kClearAllFailures, username, db::escape_like(username) + "|%");
}
std::set<std::string> locked_accounts(db::Connection& c, const std::string& now) {
  std::set<std::string> out;
  for (const auto& r : c.query(kLockedNow, now).rows) {
    const std::string key = r.text(0);
    out.insert(key.substr(0, key.find('|')));  // "name|address"; a lock kept from before is "name"
  }
  return out;
}

void insert_session(db::Connection& c, const std::string& token_hash, const std::string& username, const std::string& csrf,
                    const std::string& expires_at) {
  c.query(kInsertSession, token_hash, username, csrf, timeutil::now_utc(), expires_at);
}
std::optional<Session> find_session(db::Connection& c, const std::string& token_hash) {
  auto r = c.query(kFindSession, token_hash);
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  return Session{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}
void touch_session(db::Connection& c, const std::string& token_hash) { c.query(kTouchSession, token_hash, timeutil::now_utc()); }
void delete_session(db::Connection& c, const std::string& token_hash) { c.query(kDeleteSession, token_hash); }
void delete_sessions_of(db::Connection& c, const std::string& username) { c.query(kDeleteSessionsOf, username); }

void insert_token(db::Connection& c, const std::string& id, const std::string& token_hash, const std::string& username,
                  const std::optional<std::string>& expires_at) {
  c.query(kInsertToken, id, token_hash, username, timeutil::now_utc(), expires_at);
}
std::optional<Token> find_token_by_hash(db::Connection& c, const std::string& token_hash) {
  auto r = c.query(kFindTokenByHash, token_hash);
  if (r.empty()) return std::nullopt;
  return token_from_row(r.rows[0]);
}
std::optional<Token> find_token_by_id(db::Connection& c, const std::string& id) {
  auto r = c.query(kFindTokenById, id);
  if (r.empty()) return std::nullopt;
  return token_from_row(r.rows[0]);
}
void revoke_token(db::Connection& c, const std::string& id) { c.query(kRevokeToken, id, timeutil::now_utc()); }
void touch_token(db::Connection& c, const std::string& id) { c.query(kTouchToken, id, timeutil::now_utc()); }

std::vector<std::pair<std::string, std::int64_t>> homes(db::Connection& c) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : c.query(kHomes).rows) out.emplace_back(r.text(0), r.integer(1));
  return out;
}

void set_home_unit(db::Connection& c, const std::string& username, std::int64_t unit_id) {
  c.query(kSetHomeUnit, username, unit_id, timeutil::now_utc());
}

}  // namespace antq::accounts::repo
