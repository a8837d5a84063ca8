#include "modules/accounts/user_admin.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/accounts/credentials.hpp"
#include "modules/accounts/passwords.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::accounts {

namespace {

using detail::json_str;
using detail::record_audit;

bool valid_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 32) return false;
  return std::all_of(u.begin(), u.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; });
}

void check_username(const std::string& u) {
  if (!valid_username(u)) {
    throw BadRequest("Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, chữ số, '.', '_' hoặc '-'.", "username");
  }
}

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

std::vector<repo::Role> UserAdmin::roles() {
  return db_.read_value([](db::Connection& c) { return repo::roles(c); });
}

repo::UserPage UserAdmin::list_users(const http::Principal& who, const std::optional<std::string>& q, int page, int per_page) {
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

User UserAdmin::get_user(const http::Principal& who, const std::string& username) {
  access::require(who, "users.manage");
  return db_.read_value([&](db::Connection& c) {
    auto u = repo::find_user(c, username);
    if (!u || !visible_to(who, *u)) throw NotFound("Không tìm thấy tài khoản.");
    u->permissions = repo::permissions(c, u->role);
    u->login_locked = repo::locked_accounts(c, timeutil::now_utc()).count(u->username) > 0;
    return *u;
  });
}

User UserAdmin::create_user_in(db::Connection& c, const NewUser& in, const std::string& password_hash, const std::string& actor,
                               const std::string& scope_path, const Caller& caller) {
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
  record_audit(audit_, c, actor, "user.create", "user", u.username, u.unit_path, u.unit_code, caller.request_id,
               R"({"role":)" + json_str(u.role) + "}");
  auto created = *repo::find_user(c, u.username);
  created.permissions = repo::permissions(c, created.role);
  return created;
}

User UserAdmin::create_user(const http::Principal& who, const NewUser& in, const Caller& caller) {
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

User UserAdmin::update_user(const http::Principal& who, const std::string& username, const UserUpdate& in, const Caller& caller) {
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
    record_audit(audit_, c, who.username, "user.update", "user", username, unit_path, unit_code, caller.request_id,
                 "{\"changed\":[" + changed + "]}");
    auto updated = *repo::find_user(c, username);
    updated.permissions = repo::permissions(c, updated.role);
    updated.login_locked = repo::locked_accounts(c, timeutil::now_utc()).count(username) > 0;
    return updated;
  });
}

bool UserAdmin::user_exists(const std::string& username) {
  return db_.read_value([&](db::Connection& c) { return repo::find_user(c, username).has_value(); });
}

void UserAdmin::create_admin(const std::string& password) {
  check_new_password("admin", password, "password");
  const std::string hash = hash_password(password);
  db_.write([&](db::Connection& c) {
    NewUser admin{"admin", password, "admin", std::nullopt, "Quản trị viên"};
    admin.nationwide = true;
    create_user_in(c, admin, hash, "cli", "", {});
  });
}

void UserAdmin::add_user(const NewUser& in) {
  check_username(in.username);
  check_new_password(in.username, in.password, "password");
  const std::string hash = hash_password(in.password);
  // The command line names its unit or none: without --unit it means the whole country.
  NewUser u = in;
  u.nationwide = !u.unit_code;
  db_.write([&](db::Connection& c) { create_user_in(c, u, hash, "cli", "", {}); });
}

void UserAdmin::disable_user(const std::string& username) {
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, username);
    if (!u) throw NotFound("Không tìm thấy tài khoản '" + username + "'.");
    repo::update_profile(c, username, u->display_name, u->role, u->unit_id, true);
    repo::delete_sessions_of(c, username);
    record_audit(audit_, c, "cli", "user.disable", "user", username, u->unit_path, u->unit_code, "");
  });
}
}  // namespace antq::accounts
