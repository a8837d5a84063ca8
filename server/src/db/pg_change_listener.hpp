#pragma once
// Hears every committed write of every instance on one PostgreSQL database: each write transaction
// ends with `NOTIFY antq_changes` (delivered at commit, to every listening session), and this
// listener, on a connection of its own, counts what arrives. A cache that keys its entries by the
// count cannot then serve what another instance has changed. Losing the connection means notices
// may have been missed: the listener says it is not healthy (callers stop trusting their caches)
// until it has listened again, and the count jumps so that every entry made before is dropped.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace antq::db {

inline constexpr const char* kChangesChannel = "antq_changes";

class PgChangeListener {
 public:
  explicit PgChangeListener(std::string conninfo) : conninfo_(std::move(conninfo)) {}
  ~PgChangeListener();
  PgChangeListener(const PgChangeListener&) = delete;
  PgChangeListener& operator=(const PgChangeListener&) = delete;

  // The notices heard so far; nullopt while not listening (not yet started, or reconnecting).
  // Starts the listening thread on first use.
  std::optional<std::uint64_t> heard();

 private:
  void run();
  bool listen_once();  // one connection's life; false when stopping

  std::string conninfo_;
  std::once_flag started_;
  std::thread thread_;
  std::atomic<bool> stop_{false}, listening_{false};
  std::atomic<std::uint64_t> heard_{0};
};

}  // namespace antq::db
