#pragma once
// Operator endpoints: /healthz, /readyz, /metrics (Prometheus), /api/v1/openapi.json.
#include <boost/json/object.hpp>

#include <functional>
#include <string>

#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/system/readiness.hpp"

namespace antq::http {
class Metrics;
}

namespace antq::system {

struct SystemDeps {
  db::Database& db;
  http::Metrics& metrics;
  std::function<std::string()> server_metrics;  // gauges of the HTTP server (may be empty)
  // Paths generated from data (the registers' specs), merged into docs/openapi.json once.
  std::function<void(boost::json::object& paths)> openapi_paths;
  // /metrics: when set, only `Authorization: Bearer <metrics_token>`; when empty, only direct
  // connections from this machine.
  std::string metrics_token;
  const Readiness& readiness;
};

void register_routes(http::Router& router, SystemDeps deps);

}  // namespace antq::system
