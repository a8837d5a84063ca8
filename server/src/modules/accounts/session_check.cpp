// The check behind every staff request: a session cookie or a bearer token to its principal.
#include "modules/accounts/authentication.hpp"

#include <chrono>

#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/time.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/credentials.hpp"

namespace antq::accounts {

using detail::kTokenPrefix;
using detail::principal_of;
using std::chrono::system_clock;

// "Last used" is bookkeeping on a read: a full disk or a locked database must not turn an
// officer's read into a 507 or a 503 (the next request touches it again).
void Authentication::best_effort_touch(const std::function<void(db::Connection&)>& write) {
  try {
    db_.write(write);
  } catch (const StorageFull& e) {
    log::warn("session_touch_skipped", {{"error", e.what()}});
  } catch (const StorageUnavailable& e) {
    log::warn("session_touch_skipped", {{"error", e.what()}});
  }
}

std::optional<SessionAuth> Authentication::authenticate_session(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 100) return std::nullopt;
  const std::string h = detail::session_hash(session_token);
  const auto now = system_clock::now();
  const std::string now_s = timeutil::to_rfc3339(now);
  const std::string idle_cut = timeutil::to_rfc3339(now - std::chrono::minutes(config_.session_idle_minutes));
  const std::string touch_cut = timeutil::to_rfc3339(now - std::chrono::seconds(60));
  std::optional<SessionAuth> out;
  bool expired = false, touch = false;
  db_.read([&](db::Connection& c) {
    auto s = repo::find_session(c, h);
    if (!s) return;
    if (s->expires_at <= now_s || s->last_seen_at < idle_cut) {
      expired = true;
      return;
    }
    auto u = repo::find_user(c, s->username);
    if (!u || u->disabled) return;
    out = SessionAuth{principal_of(c, *u), config_.require_totp_for_admins && u->role == "admin" && !u->totp_enabled,
                      u->must_change_password};
    out->principal.session_csrf = s->csrf_token;
    touch = s->last_seen_at < touch_cut;  // write at most once a minute per session
  });
  if (expired) db_.write([&](db::Connection& c) { repo::delete_session(c, h); });
  if (touch) best_effort_touch([&](db::Connection& c) { repo::touch_session(c, h); });
  return out;
}

std::optional<SessionAuth> Authentication::authenticate_token(const std::string& bearer) {
  if (!bearer.starts_with(kTokenPrefix) || bearer.size() > 100) return std::nullopt;
  const std::string now_s = timeutil::now_utc();
  const std::string touch_cut = timeutil::to_rfc3339(system_clock::now() - std::chrono::seconds(60));
  std::optional<SessionAuth> out;
  std::string touch_id;
  db_.read([&](db::Connection& c) {
    auto t = repo::find_token_by_hash(c, detail::token_hash(bearer));
    if (!t || t->revoked_at || (t->expires_at && *t->expires_at <= now_s)) return;
    auto u = repo::find_user(c, t->username);
    if (!u || u->disabled) return;
    out = SessionAuth{principal_of(c, *u), false, false};
    out->principal.via_token = true;
    if (!t->last_used_at || *t->last_used_at < touch_cut) touch_id = t->id;
  });
  if (!touch_id.empty()) best_effort_touch([&](db::Connection& c) { repo::touch_token(c, touch_id); });
  return out;
}

}  // namespace antq::accounts
