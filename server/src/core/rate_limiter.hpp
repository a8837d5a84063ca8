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

// The same fixed windows, counting without ever refusing: for limits whose answer to "too many"
// is something other than a refusal (a flooded unit's tips are held for review, not refused).
class FloodCounter {
 public:
  explicit FloodCounter(std::chrono::seconds window) : window_(window) {}
  // Counts one event for `key` and returns the number in the current window, this one included.
  int record(const std::string& key);
  // The number in the current window, without counting.
  int current(const std::string& key) const;

 private:
  struct Window {
    std::chrono::steady_clock::time_point start;
    int count = 0;
  };
  std::chrono::seconds window_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace antq
