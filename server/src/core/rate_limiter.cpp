#include "core/rate_limiter.hpp"

namespace antq {

int RateLimiter::acquire(const std::string& key) {
  if (limit_ <= 0) return 0;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  // Forget finished windows now and then, so the map does not grow with every address ever seen.
  if (windows_.size() > 100000) {
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = now - it->second.start >= window_ ? windows_.erase(it) : std::next(it);
    }
  }
  auto& w = windows_[key];
  if (w.count == 0 || now - w.start >= window_) {
    w.start = now;
    w.count = 0;
  }
  if (w.count >= limit_) {
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(window_ - (now - w.start)).count();
    return static_cast<int>(std::max<long>(1, left + 1));
  }
  ++w.count;
  return 0;
}

int FloodCounter::record(const std::string& key) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (windows_.size() > 100000) {
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = now - it->second.start >= window_ ? windows_.erase(it) : std::next(it);
    }
  }
  auto& w = windows_[key];
  if (w.count == 0 || now - w.start >= window_) {
    w.start = now;
    w.count = 0;
  }
  return ++w.count;
}

int FloodCounter::current(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(key);
  if (it == windows_.end() || std::chrono::steady_clock::now() - it->second.start >= window_) return 0;
  return it->second.count;
}

}  // namespace antq
