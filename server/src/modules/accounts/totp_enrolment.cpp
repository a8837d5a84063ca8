// Turning the second factor on and off from one's own account page.
#include "modules/accounts/authentication.hpp"

#include "core/errors.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/credentials.hpp"
#include "modules/accounts/passwords.hpp"
#include "modules/accounts/totp.hpp"

namespace antq::accounts {

using detail::record_audit;

std::pair<std::string, std::string> Authentication::totp_setup(const http::Principal& who) {
  const std::string secret = totp::new_secret_base32();
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, who.username);
    if (!u) throw Unauthorized();
    if (u->totp_enabled) throw RuleViolation("Xác thực hai bước đã được bật. Hãy tắt trước khi thiết lập lại.");
    repo::set_totp(c, who.username, u->totp_secret, keys_.seal(secret, totp::kSecretPurpose), false);
  });
  return {secret, totp::otpauth_uri(secret, who.username, "ANTQ")};
}

void Authentication::totp_enable(const http::Principal& who, const std::string& code, const Caller& caller) {
  db_.write([&](db::Connection& c) {
    auto u = repo::find_user(c, who.username);
    if (!u) throw Unauthorized();
    if (u->totp_enabled) throw RuleViolation("Xác thực hai bước đã được bật.");
    const auto secret = u->totp_pending ? keys_.open(*u->totp_pending, totp::kSecretPurpose) : std::nullopt;
    if (!secret) throw RuleViolation("Hãy bắt đầu thiết lập xác thực hai bước trước.");
    const auto step = totp::verify(*secret, code, detail::unix_now());
    if (!step) throw BadRequest("Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và thử lại.", "code");
    repo::set_totp(c, who.username, u->totp_pending, std::nullopt, true);
    repo::set_totp_step(c, who.username, *step);
    record_audit(audit_, c, who.username, "totp_enable", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

void Authentication::totp_disable(const http::Principal& who, const std::string& password, const Caller& caller) {
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
    record_audit(audit_, c, who.username, "totp_disable", "user", who.username, who.unit_path, who.unit_code, caller.request_id);
  });
}

}  // namespace antq::accounts
