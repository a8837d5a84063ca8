#pragma once
// Who is calling a staff endpoint: a session cookie (with CSRF and same-origin checks on unsafe
// methods) or an `Authorization: Bearer` API token (no CSRF: it is never sent automatically).
#include "http/auth.hpp"
#include "modules/accounts/authentication.hpp"

namespace antq::accounts {

inline constexpr std::string_view kSessionCookie = "antq_session";

class SessionAuthenticator final : public http::Authenticator {
 public:
  explicit SessionAuthenticator(Authentication& service) : service_(service) {}
  std::optional<http::Principal> authenticate(const http::Request& req) override;

 private:
  Authentication& service_;
};

// 403 when a browser says the request comes from another site (login CSRF, cross-site forms).
void check_same_origin(const http::Request& req);
bool is_unsafe_method(std::string_view method);

}  // namespace antq::accounts
