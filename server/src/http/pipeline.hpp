#pragma once
// One request's way through the server, independent of the socket: request id → route →
// authentication → idempotency → handler → errors mapped to JSON → security headers → metrics
// and one JSON log line. The Beast server feeds it; tests call it directly.
#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "http/auth.hpp"
#include "http/idempotency.hpp"
#include "http/metrics.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace antq {
class ApiError;
}

namespace antq::http {

class Pipeline {
 public:
  Pipeline(Router& router, Authenticator& auth, IdempotencyStore* idempotency, StaticFiles* static_files, Metrics& metrics,
           ResponseCache* cache = nullptr);

  Response handle(Request& req);
  // Where this request's handler should run (unknown routes and static files: worker pool).
  Lane lane(Request& req) const;
  // For an upload route, its body limit (the body goes to a file); 0 for every other request.
  std::size_t upload_limit(Request& req) const;
  // For an upload route, before its body is read: authentication and the route's `admit` checks.
  // Status 0 when admitted, otherwise the error response to send (and close the connection).
  Response admit_upload(Request& req);
  // A response built outside a handler (the server's own 400/408/413), in the common error shape.
  Response reject(const Request& req, const ApiError& error);

  Metrics& metrics() { return metrics_; }

 private:
  Response dispatch(Request& req, std::string& route_name);
  void route(Request& req) const;
  Response run_with_idempotency(Request& req, const Route& route, std::string_view key);
  Response cached_read(Request& req, const Route& route);
  void finish(const Request& req, Response& res, const std::string& route_name, double seconds);

  Router& router_;
  Authenticator& auth_;
  IdempotencyStore* idempotency_;
  StaticFiles* static_files_;
  Metrics& metrics_;
  ResponseCache* cache_;
};

Response error_response(const ApiError& e, const std::string& request_id);

// Headers every response carries (CSP, nosniff, frame denial…): constants the server writes
// straight into each response, rather than copies in every Response object.
std::span<const std::pair<std::string_view, std::string_view>> security_headers();

}  // namespace antq::http
