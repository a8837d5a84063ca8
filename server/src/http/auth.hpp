#pragma once
// How the pipeline learns who is calling a staff route. The accounts module implements it
// (sessions, API tokens): modules/accounts/session_authenticator.hpp.
#include <optional>

#include "http/request.hpp"

namespace antq::http {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // nullopt: not logged in (the pipeline answers 401). May throw ApiError (e.g. 403 on CSRF).
  virtual std::optional<Principal> authenticate(const Request& req) = 0;
};

}  // namespace antq::http
