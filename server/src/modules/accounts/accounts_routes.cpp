#include "modules/accounts/accounts_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/params.hpp"
#include "modules/accounts/session_authenticator.hpp"
#include "modules/accounts/user_admin.hpp"

namespace antq::accounts {

namespace bj = boost::json;

Caller caller_of(const http::Request& req) { return {req.client_ip, req.request_id}; }

// Passwords are checked for length by the service; here only their shape (string, not huge).
std::string password_field(const json::ObjectReader& in, const char* key) {
  auto v = in.optional_raw_string(key, 1024);
  if (!v || v->empty()) throw BadRequest(std::string("Thiếu trường bắt buộc '") + key + "'.", key);
  return *v;
}

namespace {

http::Response no_content() {
  http::Response r;
  r.status = 204;
  return r;
}

std::string session_cookie(const std::string& value, int max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

}  // namespace

void register_routes(http::Router& router, Authentication& service, UserAdmin& users, RouteOptions options) {
  const int max_age = service.config().session_absolute_hours * 3600;

  router.add({"POST", "/api/v1/auth/login", http::Access::public_, http::Lane::heavy, false},
             [&service, options, max_age](http::Request& req) {
               check_same_origin(req);
               const auto obj = json::parse_object(req.body);
               const json::ObjectReader in(obj);
               in.allow_only({"username", "password", "totp"});
               const std::string username = in.required_string("username", 64);
               const std::string password = password_field(in, "password");
               const auto totp = in.optional_string("totp", 10);
               auto result = service.login(username, password, totp, caller_of(req));
               auto res = http::Response::json(bj::object{{"user", to_json(result.user)}, {"csrf_token", result.csrf_token}});
               res.header("Set-Cookie", session_cookie(result.session_token, max_age, options.secure_cookies));
               return res;
             });

  router.add({"POST", "/api/v1/auth/logout", http::Access::staff}, [&service, options](http::Request& req) {
    service.logout(http::cookie(req, kSessionCookie), *req.principal, caller_of(req));
    auto res = no_content();
    res.header("Set-Cookie", session_cookie("", 0, options.secure_cookies));
    return res;
  });

  router.add({"GET", "/api/v1/auth/me", http::Access::staff}, [&service](http::Request& req) {
    const auto& who = *req.principal;
    return http::Response::json(
        bj::object{{"user", to_json(service.me(who))}, {"csrf_token", who.via_token ? bj::value(nullptr) : bj::value(who.session_csrf)}});
  });

  router.add({"POST", "/api/v1/auth/password", http::Access::staff, http::Lane::heavy, false}, [&service, options](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"current_password", "new_password"});
    service.change_password(*req.principal, password_field(in, "current_password"), password_field(in, "new_password"), caller_of(req));
    auto res = no_content();
    res.header("Set-Cookie", session_cookie("", 0, options.secure_cookies));
    return res;
  });

  router.add({"POST", "/api/v1/auth/totp/setup", http::Access::staff, http::Lane::worker, false}, [&service](http::Request& req) {
    auto [secret, uri] = service.totp_setup(*req.principal);
    return http::Response::json(bj::object{{"secret", secret}, {"otpauth_uri", uri}});
  });

  router.add({"POST", "/api/v1/auth/totp/enable", http::Access::staff, http::Lane::worker, false}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"code"});
    service.totp_enable(*req.principal, in.required_string("code", 10), caller_of(req));
    return no_content();
  });

  router.add({"POST", "/api/v1/auth/totp/disable", http::Access::staff, http::Lane::heavy, false}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"password"});
    service.totp_disable(*req.principal, password_field(in, "password"), caller_of(req));
    return no_content();
  });

  register_user_routes(router, users);
}

}  // namespace antq::accounts
