#include "modules/system/system_routes.hpp"

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/resources.hpp"
#include "http/metrics.hpp"

namespace antq::system {

namespace bj = boost::json;

namespace {

bool loopback(std::string_view ip) { return ip.starts_with("127.") || ip == "::1" || ip.starts_with("::ffff:127."); }

// Metrics name routes, volumes and pool sizes: operators' business, not the public's. A request
// relayed by a proxy carries its client's address in a header, so even a proxy on this machine
// does not make /metrics public.
void require_operator(const http::Request& req, const std::string& token) {
  if (!token.empty()) {
    const auto auth = req.header("authorization");
    const std::string expected = "Bearer " + token;
    if (auth.size() == expected.size() && crypto::equal(auth, expected)) return;
  } else if (loopback(req.client_ip) && req.header("x-forwarded-for").empty() && req.header("forwarded").empty()) {
    return;
  }
  throw Forbidden("Chỉ truy cập /metrics từ chính máy chủ, hoặc với metrics_token đã cấu hình.");
}

}  // namespace

void register_routes(http::Router& router, SystemDeps deps) {
  // Answered on the I/O thread: it must stay cheap and must not wait for the database pool.
  router.add({"GET", "/healthz", http::Access::public_, http::Lane::io}, [&db = deps.db](http::Request&) {
    return http::Response::json(bj::object{{"status", "ok"}, {"database", db::engine_name(db.engine())}, {"version", ANTQ_VERSION}});
  });

  // Asks the database and the disk, so it runs on a worker, not on an I/O thread. 503 when any check
  // fails: a load balancer sends this instance nothing until it answers 200 again.
  router.add({"GET", "/readyz", http::Access::public_}, [&readiness = deps.readiness](http::Request&) {
    const auto report = readiness.check();
    auto res = http::Response::json(bj::object{{"status", report.ready ? "ready" : "not_ready"}, {"checks", report.checks}},
                                    report.ready ? 200 : 503);
    return res;
  });

  router.add({"GET", "/metrics", http::Access::public_, http::Lane::io}, [deps](http::Request& req) {
    require_operator(req, deps.metrics_token);
    const auto pool = deps.db.stats();
    std::string extra =
        "# HELP antq_db_connections_open Database connections open.\n"
        "# TYPE antq_db_connections_open gauge\nantq_db_connections_open " +
        std::to_string(pool.connections_open) +
        "\n# HELP antq_db_connections_in_use Database connections lent out.\n"
        "# TYPE antq_db_connections_in_use gauge\nantq_db_connections_in_use " +
        std::to_string(pool.connections_in_use) +
        "\n# HELP antq_db_pool_waits_total Times a caller waited for a connection.\n"
        "# TYPE antq_db_pool_waits_total counter\nantq_db_pool_waits_total " +
        std::to_string(pool.waits) + "\n";
    if (deps.server_metrics) extra += deps.server_metrics();
    http::Response res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = deps.metrics.render(extra);
    return res;
  });

  // Built once: the document written by hand plus the paths generated from data.
  std::string openapi;
  if (auto doc = resources::find("docs/openapi.json")) {
    bj::value v = bj::parse(*doc);
    if (deps.openapi_paths) deps.openapi_paths(v.as_object()["paths"].as_object());
    openapi = bj::serialize(v);
  }
  router.add({"GET", "/api/v1/openapi.json", http::Access::public_, http::Lane::io}, [openapi](http::Request&) {
    if (openapi.empty()) throw NotFound("Tài liệu OpenAPI không có trong bản build này.");
    http::Response res;
    res.body = openapi;
    return res;
  });
}

}  // namespace antq::system
