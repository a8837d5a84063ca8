#pragma once
// SQLite backend: WAL, one writer connection (callers queue on it; `BEGIN IMMEDIATE`), a few reader
// connections, synchronous=FULL so an acknowledged commit is on disk.
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

 private:
  std::unique_ptr<SqliteConnection> open_connection(bool writer);
  static void run_transaction(SqliteConnection& conn, const char* begin, const std::function<void(Connection&)>& fn);

  std::string path_;
  Options options_;
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;
  mutable std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
  int readers_open_ = 0;
  int in_use_ = 0;
  std::int64_t waits_ = 0;
};

}  // namespace antq::db
