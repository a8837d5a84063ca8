#pragma once
// Reads that a streaming replica of the PostgreSQL primary may serve: reports and the dashboard
// (issue 16, `db_replica`). A read goes to the replica only while the replica has replayed
// everything the primary had committed at most `max_lag` ago; otherwise, and whenever the replica
// cannot be reached, it goes to the primary. Writes always go to the primary.
//
// How the lag is known without trusting clocks across machines: a sampler asks the primary for its
// WAL insert position every `sample_every` and keeps (time, position) pairs. Before a read, the
// replica is asked how far it has replayed. The newest sample at or below that position says the
// replica holds every transaction committed before that sample's time; the read is fresh enough
// when that time is within `max_lag`. The replica only moves forward, so the bound still holds
// while the read runs.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>

#include "core/background_worker.hpp"
#include "db/database.hpp"

namespace antq::db {

class ReplicaRouter : public Database {
 public:
  struct Options {
    std::chrono::milliseconds max_lag{2000};
    std::chrono::milliseconds sample_every{200};
    std::chrono::milliseconds retry_after{5000};  // after the replica failed, the primary alone this long
  };
  // `open_replica`: connects to the replica, when first needed and again after a failure: a
  // replica that is down when the server starts must not keep the server from starting.
  ReplicaRouter(Database& primary, std::function<std::unique_ptr<Database>()> open_replica, Options options);
  ~ReplicaRouter() override;

  Engine engine() const override { return primary_.engine(); }
  void read(const std::function<void(Connection&)>& fn) override;
  void write(const std::function<void(Connection&)>& fn) override { primary_.write(fn); }
  PoolStats stats() const override { return primary_.stats(); }
  // No change stamp: an answer the replica gave must not be cached as the primary's.

  struct Counts {
    std::uint64_t replica = 0, primary = 0;
  };
  // Reads served by each so far (GET /metrics: antq_replica_reads_total).
  Counts counts() const { return {replica_reads_.load(), primary_reads_.load()}; }

 private:
  void sample();
  bool replica_fresh();
  void replica_failed(const std::exception& e);
  std::shared_ptr<Database> replica();  // throws what opening it threw

  Database& primary_;
  const std::function<std::unique_ptr<Database>()> open_replica_;
  const Options options_;
  std::mutex mutex_;
  std::shared_ptr<Database> replica_;                                                    // under mutex_; null until opened
  std::deque<std::pair<std::chrono::steady_clock::time_point, std::uint64_t>> samples_;  // oldest first
  std::chrono::steady_clock::time_point replica_down_until_{};
  std::atomic<std::uint64_t> replica_reads_{0}, primary_reads_{0};
  BackgroundWorker sampler_;  // last: stopped before the members it uses go away
};

}  // namespace antq::db
