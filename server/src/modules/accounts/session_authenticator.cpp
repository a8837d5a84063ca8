#include "modules/accounts/session_authenticator.hpp"

#include <sodium.h>

#include "core/errors.hpp"
#include "http/params.hpp"

namespace antq::accounts {

bool is_unsafe_method(std::string_view m) { return m != "GET" && m != "HEAD" && m != "OPTIONS"; }

void check_same_origin(const http::Request& req) {
  const auto site = req.header("sec-fetch-site");
  if (site == "cross-site") throw ApiError(403, "csrf_failed", "Yêu cầu từ trang web khác bị từ chối.");
  const auto origin = req.header("origin");
  if (origin.empty()) return;
  const auto host = req.header("host");
  const auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos || origin.substr(scheme_end + 3) != host) {
    throw ApiError(403, "csrf_failed", "Yêu cầu từ trang web khác bị từ chối.");
  }
}

std::optional<http::Principal> SessionAuthenticator::authenticate(const http::Request& req) {
  const auto authz = req.header("authorization");
  if (authz.starts_with("Bearer ")) {
    auto auth = service_.authenticate_token(std::string(authz.substr(7)));
    if (!auth) return std::nullopt;
    return std::move(auth->principal);
  }
  const std::string token = http::cookie(req, kSessionCookie);
  if (token.empty()) return std::nullopt;
  auto auth = service_.authenticate_session(token);
  if (!auth) return std::nullopt;
  if (is_unsafe_method(req.method)) {
    check_same_origin(req);
    const auto sent = req.header("x-csrf-token");
    const auto& expected = auth->principal.session_csrf;
    if (sent.size() != expected.size() || sodium_memcmp(sent.data(), expected.data(), expected.size()) != 0) {
      throw ApiError(403, "csrf_failed", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Hãy tải lại trang.");
    }
  }
  if (auth->totp_setup_required && !req.path.starts_with("/api/v1/auth/")) {
    throw ApiError(403, "totp_setup_required", "Quản trị viên phải bật xác thực hai bước trước khi tiếp tục.");
  }
  // A temporary password (set by an administrator) opens only the way to choose one's own.
  if (auth->password_change_required && req.path != "/api/v1/auth/me" && req.path != "/api/v1/auth/password" &&
      req.path != "/api/v1/auth/logout") {
    throw ApiError(403, "password_change_required",
                   "Mật khẩu này do quản trị viên đặt tạm: hãy đổi mật khẩu của riêng bạn trước khi tiếp tục.");
  }
  return std::move(auth->principal);
}

}  // namespace antq::accounts
