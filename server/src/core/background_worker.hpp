#pragma once
// A thread that does one job in rounds: every `interval`, or soon after wake(), until stopped.
//
// Why one class: the duplicate finder, the outbox dispatcher and the rollup folder each had their
// own thread, mutex and flags, and the copies drifted (the rollup thread was never stopped by
// App::stop()). The rules are kept here once:
//  - start() starts the thread once; a second start, or a start after stop(), does nothing,
//    because stopping is what shutdown does and it is final.
//  - stop() is prompt: it interrupts the wait between rounds and any rest() inside a round, then
//    waits for the round in progress to return. Calling it again (or from a destructor) is fine.
//  - wake() asks for a round without waiting for the interval; a wake that arrives while a round
//    runs is kept, so the work it announced is seen by one more round.
//  - a round that throws is logged as "<name>_failed" and the next round tries again: a database
//    that is briefly unavailable must not end the thread for the life of the process.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace antq {

class BackgroundWorker {
 public:
  struct Options {
    std::chrono::milliseconds interval{1000};  // between rounds when nobody wakes the worker
    bool low_priority = false;                 // nice 10: under load, requests go first
  };

  BackgroundWorker(std::string name, std::function<void()> round, Options options);
  ~BackgroundWorker();
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;

  void start();
  void stop();
  void wake();

  // For a round that works in batches: true once stop() was called (the round should return).
  bool stopping() const;
  // Sleeps up to `d` between batches; returns at once with true when stop() is called.
  bool rest(std::chrono::steady_clock::duration d);

 private:
  void loop();

  const std::string name_;
  const std::function<void()> round_;
  const Options options_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool started_ = false;
  bool stop_ = false;
  bool woken_ = false;
  std::thread thread_;  // last: it is joined before the members it uses go away
};

}  // namespace antq
