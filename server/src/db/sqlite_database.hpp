#pragma once
#include <atomic>
// SQLite backend: WAL, one writer connection, a few reader connections, synchronous=FULL so an
// acknowledged commit is on disk.
//
// Writes use group commit: callers that arrive while a transaction is being written queue up, and
// the next of them to run takes the whole queue into one transaction, each callback inside its own
// SAVEPOINT. One fsync then acknowledges many writes (a tip intake at 128 connections would
// otherwise be capped by the disk's fsync rate), while each caller still sees its own callback
// succeed or fail alone and returns only once its data is durable.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/database.hpp"

struct sqlite3;

namespace antq::db {

class SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const Options& options);
  ~SqliteDatabase() override;
  Engine engine() const override { return Engine::sqlite; }
  void read(const std::function<void(Connection&)>& fn) override;
  void write(const std::function<void(Connection&)>& fn) override;
  PoolStats stats() const override;
  // PRAGMA data_version on a connection of its own: it changes with every commit by any other
  // connection, this process's writer or another process (the CLI) alike.
  std::optional<std::uint64_t> change_stamp() override;

 private:
  std::unique_ptr<SqliteConnection> open_connection(bool writer);
  static void run_transaction(SqliteConnection& conn, const char* begin, const std::function<void(Connection&)>& fn);
  struct PendingWrite;
  void write_batch(const std::vector<PendingWrite*>& batch);

  std::string path_;
  Options options_;
  // Group commit: writers waiting for the next transaction, and whether one is being written.
  std::mutex queue_mutex_;
  std::vector<PendingWrite*> queue_;
  bool leader_active_ = false;
  std::unique_ptr<SqliteConnection> writer_;
  mutable std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
  int readers_open_ = 0;
  std::atomic<int> in_use_{0};  // counters for /metrics: atomics, so a write takes no pool lock
  std::atomic<std::int64_t> waits_{0};
  std::mutex stamp_mutex_;
  std::unique_ptr<SqliteConnection> stamp_reader_;  // opened on first use, never writes
};

}  // namespace antq::db
