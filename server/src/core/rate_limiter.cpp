#include "core/rate_limiter.hpp"

namespace antq {

namespace {

// The window `key` counts in at `now`: a new one when its last has ended. Finished windows are
// forgotten now and then, so the map does not grow with every address ever seen.
template <class Window>
Window& window_of(std::unordered_map<std::string, Window>& windows, const std::string& key, std::chrono::steady_clock::time_point now,
                  std::chrono::seconds length) {
  if (windows.size() > 100000) {
    for (auto it = windows.begin(); it != windows.end();) {
      it = now - it->second.start >= length ? windows.erase(it) : std::next(it);
    }
  }
  auto& w = windows[key];
  if (w.count == 0 || now - w.start >= length) {
    w.start = now;
    w.count = 0;
  }
  return w;
}

}  // namespace

int RateLimiter::acquire(const std::string& key) {
  if (limit_ <= 0) return 0;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  auto& w = window_of(windows_, key, now, window_);
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
  return ++window_of(windows_, key, now, window_).count;
}

int FloodCounter::current(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(key);
  if (it == windows_.end() || std::chrono::steady_clock::now() - it->second.start >= window_) return 0;
  return it->second.count;
}

}  // namespace antq
