#include "modules/accounts/accounts_service.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>

#include "core/client_address.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/accounts/passwords.hpp"
#include "modules/accounts/totp.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::accounts {

namespace {

using std::chrono::system_clock;

constexpr std::string_view kTotpPurpose = "totp-secret";  // also used by reseal_secrets()
constexpr std::string_view kTokenPrefix = "antq_";

ApiError invalid_credentials() {
  return ApiError(401, "invalid_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.");
}

std::string session_hash(const std::string& token) { return crypto::blake2b_hex("session:" + token); }
std::string token_hash(const std::string& token) { return crypto::blake2b_hex("api-token:" + token); }

std::string b64url(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool valid_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 32) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

void check_username(const std::string& u) {
  if (!valid_username(u)) {
    throw BadRequest("Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, chữ số, '.', '_' hoặc '-'.", "username");
  }
}

// Login names are compared lower-case; anything outside the allowed alphabet can never match.
std::string login_key(const std::string& username) {
  std::string k = username.substr(0, 64);
  for (auto& ch : k) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return k;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(system_clock::now().time_since_epoch()).count();
}

std::string json_str(const std::string& s) {
  std::string out = "\"";
  log::append_json_escaped(out, s);
  return out + "\"";
}

}  // namespace

AccountsService::AccountsService(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit,
                                 AccountsConfig config)
    : db_(db), keys_(keys), audit_(audit), config_(config),
      login_limiter_(config.login_attempts_per_minute, std::chrono::seconds(60)) {
  prepare_dummy();
}

void AccountsService::audit(db::Connection& c, const std::string& actor, const std::string& action,
                            const std::string& entity, const std::string& entity_id, const std::string& unit_path,
                            const std::string& unit_code, const std::string& request_id, const std::string& details) {
  audit_.record(c, audit::Entry{actor, action, entity, entity_id, unit_path, unit_code, "", request_id, details});
}

http::Principal AccountsService::principal_of(db::Connection& c, const User& u) {
  http::Principal p;
  p.user_id = u.username;
  p.username = u.username;
  p.role = u.role;
  p.unit_code = u.unit_code;
  p.unit_path = u.unit_path;
  p.permissions = repo::permissions(c, u.role);
  return p;
}

LoginResult AccountsService::login(const std::string& username, const std::string& password,
                                   const std::optional<std::string>& totp_code, const Caller& caller) {
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
      audit(c, actor, action, "user", user ? key : "", user ? user->unit_path : "", user ? user->unit_code : "",
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
    const auto secret = user->totp_secret ? keys_.open(*user->totp_secret, kTotpPurpose) : std::nullopt;
    totp_step = secret ? totp::verify(*secret, *totp_code, unix_now()) : std::nullopt;
    // A code already used (replayed) is refused like a wrong one; the compare-and-set below
    // closes the race between two logins with the same code.
    if (!totp_step || *totp_step <= user->totp_last_step) {
      throw fail(ApiError(401, "invalid_totp", "Mã xác thực không đúng hoặc đã hết hạn.", "totp"), "login_failed");
    }
  }

  LoginResult result;
  result.session_token = b64url(crypto::random_bytes(32));
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
    repo::insert_session(c, session_hash(result.session_token), user->username, result.csrf_token, expires);
    audit(c, user->username, "login", "user", user->username, user->unit_path, user->unit_code, caller.request_id);
    result.user = *repo::find_user(c, user->username);
    result.user.permissions = repo::permissions(c, user->role);
  });
  if (replayed) throw fail(ApiError(401, "invalid_totp", "Mã xác thực không đúng hoặc đã hết hạn.", "totp"), "login_failed");
  return result;
}

void AccountsService::logout(const std::string& session_token, const http::Principal& who, const Caller& caller) {
  db_.write([&](db::Connection& c) {
    if (!session_token.empty()) repo::delete_session(c, session_hash(session_token));
    audit(c, who.username, "logout", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

User AccountsService::me(const http::Principal& who) {
  return db_.read_value([&](db::Connection& c) {
    auto u = repo::find_user(c, who.username);
    if (!u) throw Unauthorized();
    u->permissions = repo::permissions(c, u->role);
    return *u;
  });
}

void AccountsService::change_password(const http::Principal& who, const std::string& current, const std::string& next,
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
    audit(c, who.username, "password_change", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

std::pair<std::string, std::string> AccountsService::totp_setup(const http::Principal& who) {
  const std::string secret = totp::new_secret_base32();
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, who.username);
    if (!u) throw Unauthorized();
    if (u->totp_enabled) throw RuleViolation("Xác thực hai bước đã được bật. Hãy tắt trước khi thiết lập lại.");
    repo::set_totp(c, who.username, u->totp_secret, keys_.seal(secret, kTotpPurpose), false);
  });
  return {secret, totp::otpauth_uri(secret, who.username, "ANTQ")};
}

void AccountsService::totp_enable(const http::Principal& who, const std::string& code, const Caller& caller) {
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, who.username);
    if (!u) throw Unauthorized();
    if (u->totp_enabled) throw RuleViolation("Xác thực hai bước đã được bật.");
    const auto secret = u->totp_pending ? keys_.open(*u->totp_pending, kTotpPurpose) : std::nullopt;
    if (!secret) throw RuleViolation("Hãy bắt đầu thiết lập xác thực hai bước trước.");
    const auto step = totp::verify(*secret, code, unix_now());
    if (!step) throw BadRequest("Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và thử lại.", "code");
    repo::set_totp(c, who.username, u->totp_pending, std::nullopt, true);
    repo::set_totp_step(c, who.username, *step);
    audit(c, who.username, "totp_enable", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

void AccountsService::totp_disable(const http::Principal& who, const std::string& password, const Caller& caller) {
  if (config_.require_totp_for_admins && who.role == "admin") {
    throw RuleViolation("Quản trị viên bắt buộc dùng xác thực hai bước theo cấu hình hệ thống.");
  }
  auto u = db_.read_value([&](db::Connection& c) { return repo::find_user(c, who.username); });
  if (!u) throw Unauthorized();
  if (!verify_password(u->password_hash, password)) {
    throw ApiError(401, "invalid_credentials", "Mật khẩu không đúng.", "password");
  }
  db_.write([&](db::Connection& c) {
    repo::set_totp(c, who.username, std::nullopt, std::nullopt, false);
    audit(c, who.username, "totp_disable", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

std::vector<repo::Role> AccountsService::roles() {
  return db_.read_value([](db::Connection& c) { return repo::roles(c); });
}

repo::UserPage AccountsService::list_users(const http::Principal& who, const std::optional<std::string>& q, int page,
                                           int per_page) {
  access::require(who, "users.manage");
  return db_.read_value([&](db::Connection& c) {
    auto p = repo::list_users(c, who.unit_path, q, page, per_page);
    const auto locked = repo::locked_accounts(c, timeutil::now_utc());
    for (auto& u : p.items) {
      u.permissions = repo::permissions(c, u.role);
      u.login_locked = locked.count(u.username) > 0;  // the administrator sees whom to unlock
    }
    return p;
  });
}

namespace {
// National accounts (no home unit) are visible to national administrators only.
bool visible_to(const http::Principal& who, const User& u) {
  return u.unit_id ? access::in_scope(who, u.unit_path) : who.unit_path.empty();
}
// An administrator manages the accounts below their unit, and the non-admin accounts of their own
// unit: not their peers (that would let one admin take over another), nor themselves (their own
// password and TOTP go through /api/v1/auth, which asks for the current password).
bool manageable_by(const http::Principal& who, const User& u) {
  if (!visible_to(who, u) || u.username == who.username) return false;
  const bool same_unit = u.unit_path == who.unit_path;
  return !same_unit || u.role != "admin";
}
}  // namespace

User AccountsService::get_user(const http::Principal& who, const std::string& username) {
  access::require(who, "users.manage");
  return db_.read_value([&](db::Connection& c) {
    auto u = repo::find_user(c, username);
    if (!u || !visible_to(who, *u)) throw NotFound("Không tìm thấy tài khoản.");
    u->permissions = repo::permissions(c, u->role);
    u->login_locked = repo::locked_accounts(c, timeutil::now_utc()).count(u->username) > 0;
    return *u;
  });
}

User AccountsService::create_user_in(db::Connection& c, const NewUser& in, const std::string& password_hash,
                                     const std::string& actor, const std::string& scope_path, const Caller& caller) {
  check_username(in.username);
  if (!repo::role_exists(c, in.role)) throw BadRequest("Vai trò '" + in.role + "' không tồn tại.", "role");
  if (text::length(in.display_name) > 100) throw BadRequest("Tên hiển thị dài quá 100 ký tự.", "display_name");
  User u;
  u.username = in.username;
  u.display_name = in.display_name;
  u.role = in.role;
  if (in.unit_code) {
    auto unit = units::repo::find_active(c, *in.unit_code);
    if (!unit || !path_within(scope_path, unit->path)) throw NotFound("Không tìm thấy đơn vị.", "unit");
    u.unit_id = unit->id;
    u.unit_path = unit->path;
    u.unit_code = unit->code;
  } else if (!scope_path.empty()) {
    throw BadRequest("Hãy chọn đơn vị của tài khoản (trong địa bàn bạn quản lý).", "unit");
  } else if (!in.nationwide) {
    throw BadRequest("Hãy chọn đơn vị của tài khoản, hoặc chọn rõ 'Toàn quốc'.", "unit");
  } else if (in.role != "admin" && in.role != "steering") {
    // Only administrators and steering committees work for the whole country.
    throw BadRequest("Vai trò này phải gắn với một đơn vị.", "unit");
  }
  if (repo::find_user(c, u.username)) throw Conflict("Tên đăng nhập '" + u.username + "' đã được dùng.", "username");
  u.password_hash = password_hash;
  u.must_change_password = in.temporary_password;
  repo::insert_user(c, u);
  audit(c, actor, "user.create", "user", u.username, u.unit_path, u.unit_code, caller.request_id,
        R"({"role":)" + json_str(u.role) + "}");
  auto created = *repo::find_user(c, u.username);
  created.permissions = repo::permissions(c, created.role);
  return created;
}

User AccountsService::create_user(const http::Principal& who, const NewUser& in, const Caller& caller) {
  access::require(who, "users.manage");
  check_username(in.username);
  check_new_password(in.username, in.password, "password");
  // Hashing takes ~100 ms: done before the write transaction, not while holding the writer.
  if (in.nationwide && !access::is_national_admin(who)) {
    throw Forbidden("Chỉ quản trị viên cấp trung ương được tạo tài khoản toàn quốc.");
  }
  const std::string hash = hash_password(in.password);
  NewUser u = in;
  u.temporary_password = true;  // the administrator chose it: its owner changes it at first login
  return db_.write_value([&](db::Connection& c) { return create_user_in(c, u, hash, who.username, who.unit_path, caller); });
}

User AccountsService::update_user(const http::Principal& who, const std::string& username, const UserUpdate& in,
                                  const Caller& caller) {
  access::require(who, "users.manage");
  if (in.nationwide && !access::is_national_admin(who)) {
    throw Forbidden("Chỉ quản trị viên cấp trung ương được đặt tài khoản toàn quốc.");
  }
  if (in.password) check_new_password(username, *in.password, "password");
  if (in.display_name && text::length(*in.display_name) > 100) {
    throw BadRequest("Tên hiển thị dài quá 100 ký tự.", "display_name");
  }
  const std::string new_hash = in.password ? hash_password(*in.password) : std::string();
  return db_.write_value([&](db::Connection& c) {
    auto u = repo::find_user(c, username);
    if (!u || !visible_to(who, *u)) throw NotFound("Không tìm thấy tài khoản.");
    if (username == who.username) {
      throw RuleViolation("Không thể sửa tài khoản của chính mình ở đây: đổi mật khẩu và xác thực hai bước trong mục Tài khoản.");
    }
    if (!manageable_by(who, *u)) {
      throw Forbidden("Chỉ quản trị viên cấp trên mới sửa được tài khoản quản trị cùng đơn vị.");
    }
    std::string role = in.role.value_or(u->role);
    if (!repo::role_exists(c, role)) throw BadRequest("Vai trò '" + role + "' không tồn tại.", "role");
    std::optional<std::int64_t> unit_id = u->unit_id;
    std::string unit_path = u->unit_path, unit_code = u->unit_code;
    if (in.unit_code) {
      auto unit = units::repo::find_active(c, *in.unit_code);
      if (!unit || !access::in_scope(who, unit->path)) throw NotFound("Không tìm thấy đơn vị.", "unit");
      unit_id = unit->id;
      unit_path = unit->path;
      unit_code = unit->code;
    } else if (in.clear_unit) {
      if (!who.unit_path.empty()) throw BadRequest("Hãy chọn đơn vị của tài khoản (trong địa bàn bạn quản lý).", "unit");
      unit_id.reset();
      unit_path.clear();
      unit_code.clear();
    }
    // As when creating: only administrators and steering committees work for the whole country
    // (a police or village account without a unit would see every record of the country). Checked
    // on a change of role or scope only, so an older such account can still be disabled.
    if ((in.role || in.clear_unit) && !unit_id && role != "admin" && role != "steering") {
      throw BadRequest("Vai trò này phải gắn với một đơn vị.", "unit");
    }
    const bool disabled = in.disabled.value_or(u->disabled);
    repo::update_profile(c, username, in.display_name.value_or(u->display_name), role, unit_id, disabled);
    if (in.password) repo::set_password(c, username, new_hash, true);  // a reset: the owner chooses the next one
    if (in.unlock) repo::clear_all_failures(c, username);
    if (in.totp_reset) repo::set_totp(c, username, std::nullopt, std::nullopt, false);  // lost phone
    // Disabling, a new password or a new role ends the person's sessions at once.
    if (disabled || in.password || in.totp_reset || role != u->role || unit_id != u->unit_id) {
      repo::delete_sessions_of(c, username);
    }
    std::string changed;
    auto add = [&](const char* f) { changed += std::string(changed.empty() ? "" : ",") + "\"" + f + "\""; };
    if (in.display_name) add("display_name");
    if (in.role) add("role");
    if (in.unit_code || in.clear_unit) add("unit");
    if (in.disabled) add("disabled");
    if (in.password) add("password");
    if (in.totp_reset) add("totp_reset");
    if (in.unlock) add("unlock");
    audit(c, who.username, "user.update", "user", username, unit_path, unit_code, caller.request_id,
          "{\"changed\":[" + changed + "]}");
    auto updated = *repo::find_user(c, username);
    updated.permissions = repo::permissions(c, updated.role);
    updated.login_locked = repo::locked_accounts(c, timeutil::now_utc()).count(username) > 0;
    return updated;
  });
}

bool AccountsService::user_exists(const std::string& username) {
  return db_.read_value([&](db::Connection& c) { return repo::find_user(c, username).has_value(); });
}

void AccountsService::create_admin(const std::string& password) {
  check_new_password("admin", password, "password");
  const std::string hash = hash_password(password);
  db_.write([&](db::Connection& c) {
    NewUser admin{"admin", password, "admin", std::nullopt, "Quản trị viên"};
    admin.nationwide = true;
    create_user_in(c, admin, hash, "cli", "", {});
  });
}

void AccountsService::add_user(const NewUser& in) {
  check_username(in.username);
  check_new_password(in.username, in.password, "password");
  const std::string hash = hash_password(in.password);
  // The command line names its unit or none: without --unit it means the whole country.
  NewUser u = in;
  u.nationwide = !u.unit_code;
  db_.write([&](db::Connection& c) { create_user_in(c, u, hash, "cli", "", {}); });
}

void AccountsService::disable_user(const std::string& username) {
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, username);
    if (!u) throw NotFound("Không tìm thấy tài khoản '" + username + "'.");
    repo::update_profile(c, username, u->display_name, u->role, u->unit_id, true);
    repo::delete_sessions_of(c, username);
    audit(c, "cli", "user.disable", "user", username, u->unit_path, u->unit_code, "");
  });
}

std::pair<std::string, std::string> AccountsService::create_token(const std::string& username,
                                                                  std::optional<int> expires_days) {
  if (expires_days && (*expires_days < 1 || *expires_days > 3650)) {
    throw BadRequest("Số ngày hiệu lực phải từ 1 đến 3650.", "expires_days");
  }
  const std::string id = crypto::random_hex(6);
  const std::string token = std::string(kTokenPrefix) + b64url(crypto::random_bytes(32));
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, username);
    if (!u) throw NotFound("Không tìm thấy tài khoản '" + username + "'.");
    if (u->disabled) throw RuleViolation("Tài khoản '" + username + "' đang bị khóa.");
    std::optional<std::string> expires;
    if (expires_days) expires = timeutil::to_rfc3339(system_clock::now() + std::chrono::days(*expires_days));
    repo::insert_token(c, id, token_hash(token), username, expires);
    audit(c, "cli", "token.create", "api_token", id, u->unit_path, u->unit_code, "", R"({"user":)" + json_str(username) + "}");
  });
  return {id, token};
}

void AccountsService::revoke_token(const std::string& id_or_token) {
  db_.write([&](db::Connection& c) {
    auto t = id_or_token.starts_with(kTokenPrefix) ? repo::find_token_by_hash(c, token_hash(id_or_token))
                                                    : repo::find_token_by_id(c, id_or_token);
    if (!t) throw NotFound("Không tìm thấy token.");
    repo::revoke_token(c, t->id);
    audit(c, "cli", "token.revoke", "api_token", t->id, "", "", "");
  });
}

// "Last used" is bookkeeping on a read: a full disk or a locked database must not turn an
// officer's read into a 507 or a 503 (the next request touches it again).
void AccountsService::best_effort_touch(const std::function<void(db::Connection&)>& write) {
  try {
    db_.write(write);
  } catch (const StorageFull& e) {
    log::warn("session_touch_skipped", {{"error", e.what()}});
  } catch (const StorageUnavailable& e) {
    log::warn("session_touch_skipped", {{"error", e.what()}});
  }
}

std::optional<AccountsService::SessionAuth> AccountsService::authenticate_session(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 100) return std::nullopt;
  const std::string h = session_hash(session_token);
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

std::optional<AccountsService::SessionAuth> AccountsService::authenticate_token(const std::string& bearer) {
  if (!bearer.starts_with(kTokenPrefix) || bearer.size() > 100) return std::nullopt;
  const std::string now_s = timeutil::now_utc();
  const std::string touch_cut = timeutil::to_rfc3339(system_clock::now() - std::chrono::seconds(60));
  std::optional<SessionAuth> out;
  std::string touch_id;
  db_.read([&](db::Connection& c) {
    auto t = repo::find_token_by_hash(c, token_hash(bearer));
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

namespace antq::accounts {

int reseal_secrets(db::Database& db, const crypto::Keyring& keys) {
  int n = 0;
  db.write([&](db::Connection& c) {
    auto rows = c.query("SELECT username, totp_secret, totp_pending FROM users WHERE totp_secret IS NOT NULL OR totp_pending IS NOT NULL");
    for (const auto& r : rows.rows) {
      auto reseal = [&](const std::optional<std::string>& v) -> std::optional<std::string> {
        if (!v) return std::nullopt;
        if (keys.key_id_of(*v) == keys.current_id()) return v;
        auto plain = keys.open(*v, kTotpPurpose);
        if (!plain) throw OperatorError("Không mở được bí mật TOTP của '" + r.text(0) + "' bằng bộ khóa hiện có.");
        ++n;
        return keys.seal(*plain, kTotpPurpose);
      };
      c.query("UPDATE users SET totp_secret = $2, totp_pending = $3 WHERE username = $1", r.text(0),
              reseal(r.opt_text(1)), reseal(r.opt_text(2)));
    }
  });
  return n;
}

}  // namespace antq::accounts
