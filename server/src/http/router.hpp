#pragma once
// Method + path-pattern routing ("/api/v1/units/{code}"). Each route carries what the rest of
// the pipeline needs to know about it: its name for metrics, who may call it, and whether its
// handler blocks (database, hashing) and so runs on the worker pool instead of an I/O thread.
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"

namespace antq::http {

// Who may call a route. Staff (a session or an API token) unless the route is declared public:
// a route that forgets to say is closed, not open to the internet. Every public route is listed by
// name in server/tests/integration/public_routes_test.cpp, so opening one is a deliberate change.
enum class Access { public_, staff };

// Where a handler runs: on the I/O thread (cheap, never waits), on the worker pool (database), or
// on the small pool for CPU-heavy work (password hashing), so a login flood can take at most that
// pool's share of the CPU from everyone else.
enum class Lane { io, worker, heavy };

struct RouteSpec {
  std::string method;
  std::string pattern;
  Access access = Access::staff;
  Lane lane = Lane::worker;
  // Idempotency-Key is honoured on every write (POST, PATCH, PUT, DELETE) except those carrying
  // credentials (a stored answer or fingerprint of a login must not exist).
  bool idempotent = true;
  // > 0: an upload. The body is streamed to a temporary file (Request::body_file) up to this many
  // bytes instead of being held in memory under the general body limit.
  std::size_t upload_limit = 0;
  // The 413's message when the body passes the limit ("" : the general one), to say what the limits
  // are in the route's own terms (an import: 50 MiB and 200,000 rows).
  std::string too_large_message;
  // Uploads: checks that need only the headers (who is calling, a tip's secret, rate limits), run
  // before the body is read, so a refused upload never reaches the disk. Throws ApiError.
  std::function<void(Request&)> admit;
  // > 0: a public GET whose answer depends on its URL and the data alone (no caller, no clock
  // finer than this): answered from the response cache (http/response_cache.hpp) with an ETag,
  // for up to this many seconds while nothing is written.
  int cache_seconds = 0;
};

// A public GET answered from the response cache for up to `cache_seconds`.
inline RouteSpec cached_public_read(std::string pattern, int cache_seconds) {
  RouteSpec spec{"GET", std::move(pattern), Access::public_};
  spec.cache_seconds = cache_seconds;
  return spec;
}

using Handler = std::function<Response(Request&)>;

struct Route {
  RouteSpec spec;
  Handler handler;
  std::vector<std::string> segments;  // pattern split on '/'; "{name}" segments are parameters
};

struct Match {
  const Route* route = nullptr;
  bool path_exists = false;  // some route has this path with another method (405)
  std::map<std::string, std::string> params;
};

class Router {
 public:
  void add(RouteSpec spec, Handler handler);
  Match match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace antq::http
