#include "db/replica_router.hpp"

#include <string>

#include "core/errors.hpp"
#include "core/log.hpp"

namespace antq::db {

namespace {

// WAL positions as byte offsets. The insert position covers every commit, synchronous or not (an
// asynchronous commit may not be written out yet when the write position is read).
constexpr std::string_view kPrimaryPosition = "SELECT (pg_current_wal_insert_lsn() - '0/0')::text";
// NULL on a server that is not replaying a primary's WAL (not a standby, or promoted since).
constexpr std::string_view kReplayedPosition = "SELECT (pg_last_wal_replay_lsn() - '0/0')::text";

std::optional<std::uint64_t> position(Connection& c, std::string_view sql) {
  const auto r = c.query(sql);
  if (r.empty() || r.rows[0].is_null(0)) return std::nullopt;
  return std::stoull(r.rows[0].text(0));
}

}  // namespace

ReplicaRouter::ReplicaRouter(Database& primary, std::function<std::unique_ptr<Database>()> open_replica, Options options)
    : primary_(primary),
      open_replica_(std::move(open_replica)),
      options_(options),
      sampler_("replica_lag_sampler", [this] { sample(); }, {options.sample_every, false}) {
  sampler_.start();
}

ReplicaRouter::~ReplicaRouter() { sampler_.stop(); }

void ReplicaRouter::sample() {
  std::optional<std::uint64_t> p;
  try {
    p = primary_.read_value([](Connection& c) { return position(c, kPrimaryPosition); });
  } catch (const DatabaseError&) {
    // The primary fails or is unreachable (OperatorError: no connection): /readyz and every request
    // say so; without new samples the replica soon counts as behind, which is right while nothing
    // can be compared.
    return;
  } catch (const OperatorError&) {
    return;
  }
  if (!p) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  samples_.emplace_back(now, *p);
  // Older samples than max_lag cannot make a read fresh, except the newest of them, which bounds
  // how far back "at or below the replayed position" may look: keep one.
  while (samples_.size() > 2 && samples_[1].first < now - options_.max_lag) samples_.pop_front();
}

std::shared_ptr<Database> ReplicaRouter::replica() {
  std::lock_guard lock(mutex_);
  if (!replica_) replica_ = open_replica_();
  return replica_;
}

// Unreachable or refusing: reads go to the primary for a while rather than paying a failed
// connection each time.
void ReplicaRouter::replica_failed(const std::exception& e) {
  log::warn("replica_unavailable", {{"error", e.what()}, {"retry_ms", static_cast<std::int64_t>(options_.retry_after.count())}});
  std::lock_guard lock(mutex_);
  replica_down_until_ = std::chrono::steady_clock::now() + options_.retry_after;
}

bool ReplicaRouter::replica_fresh() {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    if (now < replica_down_until_) return false;
  }
  std::optional<std::uint64_t> replayed;
  try {
    replayed = replica()->read_value([](Connection& c) { return position(c, kReplayedPosition); });
  } catch (const DatabaseError& e) {
    replica_failed(e);
    return false;
  } catch (const OperatorError& e) {
    replica_failed(e);
    return false;
  }
  if (!replayed) return false;
  std::lock_guard lock(mutex_);
  for (auto it = samples_.rbegin(); it != samples_.rend(); ++it) {
    if (it->second <= *replayed) return now - it->first <= options_.max_lag;
  }
  return false;
}

void ReplicaRouter::read(const std::function<void(Connection&)>& fn) {
  if (replica_fresh()) {
    // The replica failing under the read (stopped, promoted, cut off; OperatorError when no
    // connection can be made): the primary answers it.
    try {
      replica()->read(fn);
      ++replica_reads_;
      return;
    } catch (const DatabaseError& e) {
      replica_failed(e);
    } catch (const OperatorError& e) {
      replica_failed(e);
    }
  }
  ++primary_reads_;
  primary_.read(fn);
}

}  // namespace antq::db
