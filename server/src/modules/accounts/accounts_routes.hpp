#pragma once
#include <string>

#include "core/json_input.hpp"
#include "http/router.hpp"
#include "modules/accounts/authentication.hpp"

namespace antq::accounts {

class UserAdmin;

struct RouteOptions {
  bool secure_cookies = false;  // behind TLS: the session cookie gets `Secure`
};

// /api/v1/auth/*, /api/v1/roles, /api/v1/users*
void register_routes(http::Router& router, Authentication& auth, UserAdmin& users, RouteOptions options);

// users_routes.cpp: /api/v1/roles, /api/v1/users*
void register_user_routes(http::Router& router, UserAdmin& service);

// Shared by the two route files.
Caller caller_of(const http::Request& req);
// Passwords are checked for length by the service; here only their shape (string, not huge).
std::string password_field(const json::ObjectReader& in, const char* key);

}  // namespace antq::accounts
