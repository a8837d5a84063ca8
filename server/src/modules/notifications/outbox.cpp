#include "modules/notifications/outbox.hpp"

#include <algorithm>

#include "core/log.hpp"
#include "core/time.hpp"
#include "modules/notifications/outbox.sql.hpp"

namespace antq::notifications {

namespace {
using namespace antq::sql::notifications::outbox;  // the statements: outbox.sql
}  // namespace

void enqueue(db::Connection& c, const std::string& channel, const std::vector<std::string>& targets, const std::string& event,
             const std::string& payload) {
  if (targets.empty()) return;
  const std::string now = timeutil::now_utc();
  for (const auto& t : targets) c.query(kInsert, channel, t, event, payload, now);
}

bool enqueue_once(db::Connection& c, const std::string& channel, const std::string& target, const std::string& event,
                  const std::string& payload) {
  if (!c.query(kWaiting, channel, target).empty()) return false;
  c.query(kInsert, channel, target, event, payload, timeutil::now_utc());
  return true;
}

Dispatcher::Dispatcher(db::Database& db, std::vector<std::unique_ptr<Sender>> senders, DispatcherOptions o)
    : db_(db), opt_(o), worker_("outbox", [this] { run_once(); }, {o.poll, false}) {
  for (auto& s : senders) {
    auto name = s->channel();
    senders_[name] = std::move(s);
  }
}

Dispatcher::~Dispatcher() { stop(); }

// A round that throws (the database briefly unavailable) is logged as outbox_failed by the
// worker, and the next round tries again.
void Dispatcher::start() { worker_.start(); }
void Dispatcher::stop() { worker_.stop(); }
void Dispatcher::wake() { worker_.wake(); }

// Claimed in a write: the rows are this dispatcher's for the lease, however many instances poll.
// The lease covers a whole batch sent one after another at the senders' timeout; a dispatcher that
// dies leaves its rows to be sent again after it (at least once, never twice while alive).
std::vector<Dispatcher::Due> Dispatcher::claim() {
  const auto now = std::chrono::system_clock::now();
  return db_.write_value([&](db::Connection& c) {
    std::vector<Due> out;
    const auto sql = c.engine() == db::Engine::postgresql ? kClaimPostgres : kClaimSqlite;
    for (const auto& r : c.query(sql, timeutil::to_rfc3339(now), timeutil::to_rfc3339(now + opt_.lease), opt_.batch).rows) {
      out.push_back({r.integer(0), r.text(1), {r.text(2), r.text(3), r.text(4)}, static_cast<int>(r.integer(5))});
    }
    // RETURNING gives no order; the oldest first, as they were queued.
    std::sort(out.begin(), out.end(), [](const Due& a, const Due& b) { return a.id < b.id; });
    return out;
  });
}

bool Dispatcher::deliver(const Due& d) {
  std::string error;
  auto it = senders_.find(d.channel);
  if (it == senders_.end()) {
    error = "không có kênh gửi '" + d.channel + "'";
  } else {
    try {
      it->second->send(d.m);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  const std::string at = timeutil::now_utc();
  if (error.empty()) {
    db_.write([&](db::Connection& c) { c.query(kDelivered, d.id, at); });
    return true;
  }
  const int attempt = d.attempts + 1;
  if (attempt >= opt_.max_attempts) {
    log::warn("outbox_gave_up", {{"id", d.id}, {"attempts", attempt}, {"error", error}});
    db_.write([&](db::Connection& c) { c.query(kFailed, d.id, at, error); });
    return false;
  }
  // Exponential backoff: first_retry, ×2 each attempt, capped.
  auto delay = opt_.first_retry * (1LL << std::min(attempt - 1, 20));
  delay = std::min<std::chrono::milliseconds>(delay, opt_.max_retry);
  const std::string next = timeutil::to_rfc3339(std::chrono::system_clock::now() + delay);
  db_.write([&](db::Connection& c) { c.query(kRetry, d.id, next, error); });
  return false;
}

int Dispatcher::run_once() {
  // Batch after batch while full ones come back (a backlog drains without waiting for the poll),
  // at most 20 in a round so that stop() is heard.
  int sent = 0;
  for (int round = 0; round < 20; ++round) {
    const auto due = claim();
    for (const auto& d : due) sent += deliver(d) ? 1 : 0;
    if (static_cast<int>(due.size()) < opt_.batch) break;
  }
  return sent;
}

}  // namespace antq::notifications
