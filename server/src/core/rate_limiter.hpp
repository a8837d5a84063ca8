#pragma once
// Fixed-window counters per key (a client address, a unit): cheap, in memory, per process. With
// several instances behind a load balancer each enforces its own share, which is what a limit
// against floods needs; account lockout, which must hold across instances, lives in the database.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace antq {

class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}
  // 0 when allowed (and counted); otherwise the seconds until the window ends (for Retry-After).
  int acquire(const std::string& key);
  bool enabled() const { return limit_ > 0; }

 private:
  struct Window {
    std::chrono::steady_clock::time_point start;
    int count = 0;
  };
  int limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace antq
