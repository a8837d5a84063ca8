#pragma once
// PostgreSQL backend: a bounded pool of libpq connections, statements prepared once per
// connection, text-format results converted by column type.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/pg_change_listener.hpp"

namespace antq::db {

class PgConnection;

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, const Options& options);
  ~PostgresDatabase() override;
  Engine engine() const override { return Engine::postgresql; }
  void read(const std::function<void(Connection&)>& fn) override;
  void write(const std::function<void(Connection&)>& fn) override;
  PoolStats stats() const override;
  std::optional<std::uint64_t> change_stamp() override;

 private:
  std::unique_ptr<PgConnection> acquire();
  void release(std::unique_ptr<PgConnection> conn);
  void run(const char* begin, const std::function<void(Connection&)>& fn, bool writes);
  // Closes every idle connection (after one was found broken: they all saw the same restart).
  void drop_idle();

  std::string url_;
  std::string connect_url_;  // url_ plus defaults (connect_timeout)
  Options options_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;
  int in_use_ = 0;
  std::int64_t waits_ = 0;
  std::atomic<std::uint64_t> commits_{0};  // write transactions committed by this process
  std::unique_ptr<PgChangeListener> changes_;
};

}  // namespace antq::db
