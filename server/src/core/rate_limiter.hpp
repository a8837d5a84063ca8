#pragma once
// Fixed-window counters per key (a client address, a unit, a spent challenge). Where the windows
// are counted is a WindowCounts: in this process's memory for SQLite's single process, in the
// database when several instances share PostgreSQL (db/shared_windows.hpp), so that a limit of
// 20 an hour is 20 whichever instance answers, not 20 on each.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace antq {

class WindowCounts {
 public:
  struct Hit {
    int hits = 0;          // in the key's current window, this one included
    int seconds_left = 0;  // until that window ends
  };
  virtual ~WindowCounts() = default;
  // Counts one event for `key`: in its current window, or in a new one of `length` when the last
  // one has ended.
  virtual Hit add(const std::string& key, std::chrono::seconds length) = 0;
  // The events in `key`'s current window, without counting one.
  virtual int current(const std::string& key) const = 0;
};

// The windows of one process.
class MemoryWindowCounts : public WindowCounts {
 public:
  Hit add(const std::string& key, std::chrono::seconds length) override;
  int current(const std::string& key) const override;

 private:
  struct Window {
    std::chrono::steady_clock::time_point ends;
    int count = 0;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

// Refuses past `limit` events per window and key. `name` keeps its keys apart from those of the
// other limiters sharing the same counts.
class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window, std::shared_ptr<WindowCounts> counts = nullptr, std::string name = "");
  // 0 when allowed (and counted); otherwise the seconds until the window ends (for Retry-After).
  int acquire(const std::string& key);
  bool enabled() const { return limit_ > 0; }

 private:
  int limit_;
  std::chrono::seconds window_;
  std::shared_ptr<WindowCounts> counts_;
  std::string prefix_;
};

// The same fixed windows, counting without ever refusing: for limits whose answer to "too many"
// is something other than a refusal (a flooded unit's tips are held for review, not refused).
class FloodCounter {
 public:
  FloodCounter(std::chrono::seconds window, std::shared_ptr<WindowCounts> counts = nullptr, std::string name = "");
  // Counts one event for `key` and returns the number in the current window, this one included.
  int record(const std::string& key);
  // The number in the current window, without counting.
  int current(const std::string& key) const;

 private:
  std::chrono::seconds window_;
  std::shared_ptr<WindowCounts> counts_;
  std::string prefix_;
};

}  // namespace antq
