// Logging in and out, and changing one's own password.
#include "modules/accounts/authentication.hpp"

#include <chrono>

#include "core/client_address.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/credentials.hpp"
#include "modules/accounts/passwords.hpp"
#include "modules/accounts/totp.hpp"

namespace antq::accounts {

namespace {

using detail::record_audit;
using std::chrono::system_clock;

ApiError invalid_credentials() { return ApiError(401, "invalid_credentials", "Tên đăng nhập hoặc mật khẩu không đúng."); }

// Login names are compared lower-case; anything outside the allowed alphabet can never match.
std::string login_key(const std::string& username) {
  std::string k = username.substr(0, 64);
  for (auto& ch : k) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return k;
}

}  // namespace

Authentication::Authentication(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, AccountsConfig config,
                               std::shared_ptr<WindowCounts> windows)
    : db_(db),
      keys_(keys),
      audit_(audit),
      config_(config),
      login_limiter_(config.login_attempts_per_minute, std::chrono::seconds(60), std::move(windows), "logins") {}

LoginResult Authentication::login(const std::string& username, const std::string& password, const std::optional<std::string>& totp_code,
                                  const Caller& caller) {
  if (username.empty() || username.size() > 64 || !text::valid_utf8(username)) {
    throw BadRequest("Tên đăng nhập không hợp lệ.", "username");
  }
  if (password.empty() || password.size() > kMaxPasswordBytes || !text::valid_utf8(password)) {
    throw BadRequest("Mật khẩu không hợp lệ.", "password");
  }
  if (const int wait = login_limiter_.acquire("ip:" + caller.ip); wait > 0) {
    throw TooManyRequests("Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau ít phút.", wait);
  }
  const std::string key = login_key(username);
  // Failures are counted, and the lock applies, per account AND client address (an IPv6 /64):
  // a stranger's five wrong passwords lock the stranger out, not the officer at their own desk.
  const std::string lock_key = key + "|" + net::client_key(caller.ip);
  const auto now = system_clock::now();
  const std::string now_s = timeutil::to_rfc3339(now);

  // Locked accounts are refused before the password is checked (and answer the same for names
  // that do not exist, which can be "locked" too).
  auto state = db_.read_value([&](db::Connection& c) { return std::make_pair(repo::failures(c, lock_key), repo::find_user(c, key)); });
  // Plain references, not a structured binding: the lambdas below use them and clang 14 cannot
  // capture a structured binding (the fuzz build uses it).
  auto& fails = state.first;
  auto& user = state.second;
  const bool locked = fails.locked_until && *fails.locked_until > now_s;
  // A locked user with a second factor still gets in from that address with password and code;
  // while locked every failure answers alike, so the lock never tells a right password apart.
  const bool totp_way_in = locked && user && user->totp_enabled && totp_code && !totp_code->empty();
  if (locked && !totp_way_in) {
    // Not audited one by one: the lock itself was (login_failed with "locked"), and an attacker
    // must not be able to fill the audit log by hammering a locked name.
    const int minutes = config_.lockout_minutes;
    throw TooManyRequests("Đăng nhập tài khoản này từ địa chỉ của bạn tạm khóa do sai nhiều lần. Vui lòng thử lại sau " +
                              std::to_string(minutes) + " phút, đăng nhập kèm mã xác thực hai bước, hoặc nhờ quản trị viên mở khóa.",
                          minutes * 60, "account_locked");
  }
  bool ok;
  if (user) {
    ok = verify_password(user->password_hash, password) && !user->disabled;
  } else {
    verify_dummy(password);  // same time as a real check
    ok = false;
  }
  // What a failure records: the typed name only when such an account exists (people sometimes
  // type their password into the name field).
  const std::string actor = user ? key : "(không rõ)";
  auto fail = [&](ApiError error, const char* action) -> ApiError {
    db_.write([&](db::Connection& c) {
      repo::reset_expired_lock(c, lock_key, now_s);
      const int n = repo::count_failure(c, lock_key);
      const bool locking = n >= config_.lockout_failures;
      if (locking) repo::lock(c, lock_key, timeutil::to_rfc3339(now + std::chrono::minutes(config_.lockout_minutes)));
      record_audit(audit_, c, actor, action, "user", user ? key : "", user ? user->unit_path : "", user ? user->unit_code : "",
                   caller.request_id, R"({"failures":)" + std::to_string(n) + (locking ? R"(,"locked":true})" : "}"));
    });
    return totp_way_in ? invalid_credentials() : error;
  };
  if (!ok) throw fail(invalid_credentials(), "login_failed");

  std::optional<std::int64_t> totp_step;
  if (user->totp_enabled) {
    if (!totp_code || totp_code->empty()) {
      throw ApiError(401, "totp_required", "Nhập mã xác thực 6 chữ số từ ứng dụng xác thực.", "totp");
    }
    const auto secret = user->totp_secret ? keys_.open(*user->totp_secret, totp::kSecretPurpose) : std::nullopt;
    totp_step = secret ? totp::verify(*secret, *totp_code, detail::unix_now()) : std::nullopt;
    // A code already used (replayed) is refused like a wrong one; the compare-and-set below
    // closes the race between two logins with the same code.
    if (!totp_step || *totp_step <= user->totp_last_step) {
      throw fail(ApiError(401, "invalid_totp", "Mã xác thực không đúng hoặc đã hết hạn.", "totp"), "login_failed");
    }
  }

  LoginResult result;
  result.session_token = detail::b64url(crypto::random_bytes(32));
  result.csrf_token = crypto::random_hex(16);
  const std::string expires = timeutil::to_rfc3339(now + std::chrono::hours(config_.session_absolute_hours));
  const bool rehash = needs_rehash(user->password_hash);
  const std::string new_hash = rehash ? hash_password(password) : std::string();
  bool replayed = false;
  db_.write([&](db::Connection& c) {
    if (totp_step && !repo::claim_totp_step(c, user->username, *totp_step)) {
      replayed = true;
      return;
    }
    repo::clear_failures(c, lock_key);
    if (rehash) repo::set_rehash(c, user->username, new_hash);
    repo::set_last_login(c, user->username);
    repo::insert_session(c, detail::session_hash(result.session_token), user->username, result.csrf_token, expires);
    record_audit(audit_, c, user->username, "login", "user", user->username, user->unit_path, user->unit_code, caller.request_id);
    result.user = *repo::find_user(c, user->username);
    result.user.permissions = repo::permissions(c, user->role);
  });
  if (replayed) throw fail(ApiError(401, "invalid_totp", "Mã xác thực không đúng hoặc đã hết hạn.", "totp"), "login_failed");
  return result;
}

void Authentication::logout(const std::string& session_token, const http::Principal& who, const Caller& caller) {
  db_.write([&](db::Connection& c) {
    if (!session_token.empty()) repo::delete_session(c, detail::session_hash(session_token));
    record_audit(audit_, c, who.username, "logout", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

User Authentication::me(const http::Principal& who) {
  return db_.read_value([&](db::Connection& c) {
    auto u = repo::find_user(c, who.username);
    if (!u) throw Unauthorized();
    u->permissions = repo::permissions(c, u->role);
    return *u;
  });
}

void Authentication::change_password(const http::Principal& who, const std::string& current, const std::string& next,
                                     const Caller& caller) {
  if (current.size() > kMaxPasswordBytes) throw BadRequest("Mật khẩu hiện tại không đúng.", "current_password");
  check_new_password(who.username, next, "new_password");
  auto u = db_.read_value([&](db::Connection& c) { return repo::find_user(c, who.username); });
  if (!u) throw Unauthorized();
  if (!verify_password(u->password_hash, current)) {
    throw ApiError(401, "invalid_credentials", "Mật khẩu hiện tại không đúng.", "current_password");
  }
  if (current == next) throw BadRequest("Mật khẩu mới phải khác mật khẩu hiện tại.", "new_password");
  const std::string hash = hash_password(next);
  db_.write([&](db::Connection& c) {
    repo::set_password(c, who.username, hash, false);
    repo::delete_sessions_of(c, who.username);  // every session, this one included
    record_audit(audit_, c, who.username, "password_change", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

}  // namespace antq::accounts
