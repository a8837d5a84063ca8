#pragma once
// Rate-limit windows in the database (table rate_windows), for several instances sharing one
// PostgreSQL: a limit then holds across all of them, whichever instance a request reaches.
// Keys are stored as keyed hashes: the table never holds a client's address.
#include <atomic>

#include "core/keyring.hpp"
#include "core/rate_limiter.hpp"
#include "db/database.hpp"

namespace antq::cluster {

class SharedWindowCounts : public WindowCounts {
 public:
  SharedWindowCounts(db::Database& db, const crypto::Keyring& keys) : db_(db), keys_(keys) {}
  Hit add(const std::string& key, std::chrono::seconds length) override;
  int current(const std::string& key) const override;

 private:
  std::string stored_key(const std::string& key) const;

  db::Database& db_;
  const crypto::Keyring& keys_;
  std::atomic<std::int64_t> next_sweep_{0};  // unix seconds: when ended windows are next deleted
};

// The counts the limiters of a server share: the database's when the engine is PostgreSQL (there
// may be several instances), this process's memory for SQLite (there is one).
std::shared_ptr<WindowCounts> shared_window_counts(db::Database& db, const crypto::Keyring& keys);

}  // namespace antq::cluster
