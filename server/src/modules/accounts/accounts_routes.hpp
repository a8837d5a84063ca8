#pragma once
#include "http/router.hpp"
#include "modules/accounts/accounts_service.hpp"

namespace antq::accounts {

struct RouteOptions {
  bool secure_cookies = false;  // behind TLS: the session cookie gets `Secure`
};

// /api/v1/auth/*, /api/v1/roles, /api/v1/users*
void register_routes(http::Router& router, AccountsService& service, RouteOptions options);

}  // namespace antq::accounts
