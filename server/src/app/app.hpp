#pragma once
// Wiring, done once at start-up: the database, every module's service and routes, the request
// pipeline and the HTTP server.
#include <cstdint>
#include <memory>

#include "app/config.hpp"
#include "db/database.hpp"

namespace antq::app {

db::Options database_options(const Config& c);

class App {
 public:
  // Opens the database and migrates it forward.
  explicit App(const Config& config);
  ~App();
  std::uint16_t start();  // binds and serves in the background; returns the port
  void wait_for_signal();
  void stop();
  db::Database& database();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace antq::app
