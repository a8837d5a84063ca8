#include "core/background_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace antq;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

// Polls `done` for up to `limit` (generous: the test machine may be busy with a build).
template <class F>
bool eventually(F done, std::chrono::milliseconds limit = 5000ms) {
  const auto until = Clock::now() + limit;
  while (Clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(2ms);
  }
  return done();
}

constexpr BackgroundWorker::Options kHourly{std::chrono::hours(1), false};

}  // namespace

TEST(BackgroundWorker, RunsARoundEveryInterval) {
  std::atomic<int> rounds{0};
  BackgroundWorker w("test_worker", [&] { ++rounds; }, {20ms, false});
  w.start();
  EXPECT_TRUE(eventually([&] { return rounds.load() >= 3; }));
  w.stop();
}

TEST(BackgroundWorker, WaitsForTheIntervalBeforeItsFirstRound) {
  std::atomic<int> rounds{0};
  BackgroundWorker w(
      "test_worker", [&] { ++rounds; }, kHourly);
  w.start();
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(rounds.load(), 0);
}

TEST(BackgroundWorker, WakeRunsARoundWithoutWaitingForTheInterval) {
  std::atomic<int> rounds{0};
  BackgroundWorker w(
      "test_worker", [&] { ++rounds; }, kHourly);
  w.start();
  w.wake();
  EXPECT_TRUE(eventually([&] { return rounds.load() == 1; }));
  w.wake();
  EXPECT_TRUE(eventually([&] { return rounds.load() == 2; }));
}

TEST(BackgroundWorker, AWakeBeforeStartIsKept) {
  std::atomic<int> rounds{0};
  BackgroundWorker w(
      "test_worker", [&] { ++rounds; }, kHourly);
  w.wake();
  w.start();
  EXPECT_TRUE(eventually([&] { return rounds.load() == 1; }));
}

TEST(BackgroundWorker, AWakeDuringARoundLeadsToOneMoreRound) {
  std::atomic<int> rounds{0};
  std::atomic<bool> in_round{false}, release{false};
  BackgroundWorker w(
      "test_worker",
      [&] {
        ++rounds;
        in_round = true;
        while (!release) std::this_thread::sleep_for(1ms);
        in_round = false;
      },
      kHourly);
  w.start();
  w.wake();
  ASSERT_TRUE(eventually([&] { return in_round.load(); }));
  w.wake();  // work arrived while the first round was busy
  release = true;
  EXPECT_TRUE(eventually([&] { return rounds.load() == 2; }));
}

TEST(BackgroundWorker, StopIsPromptEvenWithALongInterval) {
  BackgroundWorker w(
      "test_worker", [] {}, kHourly);
  w.start();
  std::this_thread::sleep_for(20ms);
  const auto t0 = Clock::now();
  w.stop();
  EXPECT_LT(Clock::now() - t0, 2s);
}

TEST(BackgroundWorker, StopInterruptsARestInsideARound) {
  std::atomic<bool> resting{false}, interrupted{false};
  BackgroundWorker* self = nullptr;
  BackgroundWorker w(
      "test_worker",
      [&] {
        resting = true;
        interrupted = self->rest(std::chrono::hours(1));
      },
      kHourly);
  self = &w;
  w.start();
  w.wake();
  ASSERT_TRUE(eventually([&] { return resting.load(); }));
  std::this_thread::sleep_for(20ms);
  const auto t0 = Clock::now();
  w.stop();
  EXPECT_LT(Clock::now() - t0, 2s);
  EXPECT_TRUE(interrupted.load());
  EXPECT_TRUE(w.stopping());
}

TEST(BackgroundWorker, StopTwiceAndStopWithoutStartAreFine) {
  BackgroundWorker never_started(
      "test_worker", [] {}, kHourly);
  never_started.stop();
  never_started.stop();

  BackgroundWorker w(
      "test_worker", [] {}, kHourly);
  w.start();
  w.stop();
  w.stop();
  EXPECT_TRUE(w.stopping());
}  // and the destructors stop once more

TEST(BackgroundWorker, StartsOnceAndNotAgainAfterStop) {
  std::atomic<int> rounds{0};
  BackgroundWorker w(
      "test_worker", [&] { ++rounds; }, kHourly);
  w.start();
  w.start();  // no second thread
  w.wake();
  ASSERT_TRUE(eventually([&] { return rounds.load() == 1; }));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(rounds.load(), 1);
  w.stop();
  w.start();  // shutdown is final
  w.wake();
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(rounds.load(), 1);
}

TEST(BackgroundWorker, ARoundThatThrowsDoesNotEndTheThread) {
  std::atomic<int> rounds{0};
  BackgroundWorker w(
      "test_worker",
      [&] {
        ++rounds;
        throw std::runtime_error("cơ sở dữ liệu tạm thời không dùng được");
      },
      kHourly);
  w.start();
  w.wake();
  ASSERT_TRUE(eventually([&] { return rounds.load() == 1; }));
  w.wake();
  EXPECT_TRUE(eventually([&] { return rounds.load() == 2; }));
}
