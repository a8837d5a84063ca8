#pragma once
// The HTTP server on Boost.Beast: C++20 coroutines on a few I/O threads, blocking handlers on a
// bounded worker pool. Beast and Asio are confined to this folder.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/pipeline.hpp"
#include "http/upload_slots.hpp"

namespace antq::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (tests)
  int io_threads = 2;
  int worker_threads = 4;
  int heavy_threads = 1;       // password hashing: at most this many cores
  int heavy_queue_limit = 64;  // more waiting than this: 503 at once rather than a growing queue
  std::size_t body_limit = 1 << 20;
  std::string upload_dir = "/tmp";                  // where upload routes stream bodies before their handler runs
  std::chrono::milliseconds header_timeout{15000};  // idle keep-alive wait + reading the headers
  // Also the longest an upload may go without sending a byte.
  std::chrono::milliseconds body_timeout{30000};
  // An upload must average at least this many bytes a second (after a grace period): a phone on
  // a weak network still sends a 12 MB photo in about 12 minutes, while a client that trickles
  // bytes to hold a slot is cut off.
  std::size_t upload_min_rate = 16 * 1024;
  std::chrono::milliseconds upload_grace{30000};
  UploadSlotLimits upload_slots;  // more uploads than these at once: 503 with Retry-After
  std::chrono::milliseconds shutdown_grace{10000};
  bool trust_forwarded_for = false;  // behind our own reverse proxy only
};

class Server {
 public:
  Server(ServerOptions options, Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on background threads; returns the bound port.
  std::uint16_t start();
  // Blocks until SIGINT or SIGTERM (the caller then drains and calls stop()).
  void wait_for_signal();
  // Stops accepting, lets in-flight requests finish (up to shutdown_grace), then stops. Idempotent.
  void stop();
  std::uint16_t port() const;
  // Prometheus gauges of the server itself (connections, in-flight requests).
  std::string metrics_text() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace antq::http
