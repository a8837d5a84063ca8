#pragma once
// Polls `done` until it holds or `limit` passes: for what another thread or instance does a moment
// later (a background worker's round, a notice between instances).
#include <chrono>
#include <functional>
#include <thread>

namespace antq::test {

inline bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace antq::test
