#include "core/rate_limiter.hpp"

#include <algorithm>

namespace antq {

WindowCounts::Hit MemoryWindowCounts::add(const std::string& key, std::chrono::seconds length) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  // Finished windows are forgotten now and then, so the map does not grow with every address seen.
  if (windows_.size() > 100000) {
    for (auto it = windows_.begin(); it != windows_.end();) it = it->second.ends <= now ? windows_.erase(it) : std::next(it);
  }
  auto& w = windows_[key];
  if (w.count == 0 || w.ends <= now) {
    w.ends = now + length;
    w.count = 0;
  }
  ++w.count;
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(w.ends - now).count();
  return {w.count, static_cast<int>(left)};
}

int MemoryWindowCounts::current(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(key);
  if (it == windows_.end() || it->second.ends <= std::chrono::steady_clock::now()) return 0;
  return it->second.count;
}

namespace {
std::shared_ptr<WindowCounts> or_own(std::shared_ptr<WindowCounts> counts) {
  return counts ? std::move(counts) : std::make_shared<MemoryWindowCounts>();
}
}  // namespace

RateLimiter::RateLimiter(int limit, std::chrono::seconds window, std::shared_ptr<WindowCounts> counts, std::string name)
    : limit_(limit), window_(window), counts_(or_own(std::move(counts))), prefix_(std::move(name) + ":") {}

int RateLimiter::acquire(const std::string& key) {
  if (limit_ <= 0) return 0;
  // Refused attempts count too; they cannot move the window's end, so a client that keeps
  // knocking is let in again when the window it filled ends, as before.
  const auto hit = counts_->add(prefix_ + key, window_);
  if (hit.hits <= limit_) return 0;
  return std::max(1, hit.seconds_left + 1);
}

FloodCounter::FloodCounter(std::chrono::seconds window, std::shared_ptr<WindowCounts> counts, std::string name)
    : window_(window), counts_(or_own(std::move(counts))), prefix_(std::move(name) + ":") {}

int FloodCounter::record(const std::string& key) { return counts_->add(prefix_ + key, window_).hits; }

int FloodCounter::current(const std::string& key) const { return counts_->current(prefix_ + key); }

}  // namespace antq
