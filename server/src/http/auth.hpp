#pragma once
// How the pipeline learns who is calling a staff route. The accounts module provides the real
// implementation (sessions, API tokens); before it is wired in, nobody is authenticated.
#include <optional>

#include "http/request.hpp"

namespace antq::http {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // nullopt: not logged in (the pipeline answers 401). May throw ApiError (e.g. 403 on CSRF).
  virtual std::optional<Principal> authenticate(const Request& req) = 0;
};

class NoAuthenticator final : public Authenticator {
 public:
  std::optional<Principal> authenticate(const Request&) override { return std::nullopt; }
};

}  // namespace antq::http
