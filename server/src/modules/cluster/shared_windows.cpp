#include "modules/cluster/shared_windows.hpp"

#include <ctime>

#include "core/log.hpp"

#include "modules/cluster/shared_windows.sql.hpp"

namespace antq::cluster {

namespace {
using namespace antq::sql::cluster::shared_windows;  // the statements: shared_windows.sql

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }
}  // namespace

std::string SharedWindowCounts::stored_key(const std::string& key) const { return keys_.keyed_hash(key, "rate-window"); }

WindowCounts::Hit SharedWindowCounts::add(const std::string& key, std::chrono::seconds length) {
  const std::int64_t now = unix_now();
  const std::string k = stored_key(key);
  // A count, not what the request does: it must not mark the request's Idempotency-Key as acted upon.
  const db::WriteHook::Suspend not_the_requests_effect;
  // Ended windows are deleted once a minute by whichever request comes first, so the table holds
  // about one row per client of the last hour.
  std::int64_t sweep = next_sweep_.load();
  const bool sweeping = now >= sweep && next_sweep_.compare_exchange_strong(sweep, now + 60);
  if (sweeping) {
    // Its own transaction, best effort: a request's limit does not wait on the sweep or fail with it.
    try {
      db_.write([&](db::Connection& c) { c.query(kForgetEnded, now); });
    } catch (const std::exception& e) {
      log::warn("rate_windows_sweep_failed", {{"error", e.what()}});
    }
  }
  return db_.write_value([&](db::Connection& c) {
    const auto r = c.query(kAdd, k, now, now + length.count());
    return Hit{static_cast<int>(r.rows.at(0).integer(0)), static_cast<int>(r.rows.at(0).integer(1) - now)};
  });
}

int SharedWindowCounts::current(const std::string& key) const {
  const auto r = db_.read_value([&](db::Connection& c) { return c.query(kCurrent, stored_key(key), unix_now()); });
  return r.empty() ? 0 : static_cast<int>(r.rows.at(0).integer(0));
}

std::shared_ptr<WindowCounts> shared_window_counts(db::Database& db, const crypto::Keyring& keys) {
  if (db.engine() == db::Engine::postgresql) return std::make_shared<SharedWindowCounts>(db, keys);
  return std::make_shared<MemoryWindowCounts>();
}

}  // namespace antq::cluster
