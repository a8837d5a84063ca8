#pragma once
// Wiring, done once at start-up: the database, every module's service and routes, the request
// pipeline and the HTTP server.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "db/database.hpp"

namespace antq::http {
class Pipeline;
}
namespace antq::audit {
class AuditLog;
}

namespace antq::app {

db::Options database_options(const Config& c);

class App {
 public:
  // Opens the database and migrates it forward.
  explicit App(const Config& config);
  ~App();
  std::uint16_t start();  // binds and serves in the background; returns the port
  void wait_for_signal();
  // After SIGTERM: /readyz answers 503 while requests are still served for `period`.
  void drain(std::chrono::milliseconds period);
  void stop();
  db::Database& database();
  // The audit trail, for what runs beside the server in the same process (tests of the reform).
  const audit::AuditLog& audit() const;
  // The request pipeline without the socket: the fuzz target (server/fuzz/pipeline.cpp) feeds it.
  http::Pipeline& pipeline();
  // "METHOD /pattern" of every API route (the OpenAPI document is checked against it).
  std::vector<std::string> route_list() const;
  // The same for the routes declared public (no account needed); every other route is staff-only.
  std::vector<std::string> public_route_list() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace antq::app
