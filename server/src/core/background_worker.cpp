#include "core/background_worker.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <exception>

#include "core/log.hpp"

namespace antq {

BackgroundWorker::BackgroundWorker(std::string name, std::function<void()> round, Options options)
    : name_(std::move(name)), round_(std::move(round)), options_(options) {}

BackgroundWorker::~BackgroundWorker() { stop(); }

void BackgroundWorker::start() {
  std::lock_guard g(mutex_);
  if (started_ || stop_) return;
  started_ = true;
  thread_ = std::thread([this] { loop(); });
}

void BackgroundWorker::stop() {
  {
    std::lock_guard g(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  // Only the thread that calls stop() first joins; a second caller finds nothing to join.
  std::thread t;
  {
    std::lock_guard g(mutex_);
    t = std::move(thread_);
  }
  if (t.joinable()) t.join();
}

void BackgroundWorker::wake() {
  {
    std::lock_guard g(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

bool BackgroundWorker::stopping() const {
  std::lock_guard g(mutex_);
  return stop_;
}

bool BackgroundWorker::rest(std::chrono::steady_clock::duration d) {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, d, [&] { return stop_; });
}

void BackgroundWorker::loop() {
  if (options_.low_priority) setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, options_.interval, [&] { return stop_ || woken_; });
      if (stop_) return;
      woken_ = false;
    }
    try {
      round_();
    } catch (const std::exception& e) {
      log::error(name_ + "_failed", {{"error", e.what()}});
    }
  }
}

}  // namespace antq
