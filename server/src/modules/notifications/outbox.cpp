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

int Dispatcher::run_once() {
  struct Due {
    std::int64_t id;
    std::string channel;
    OutgoingMessage m;
    int attempts;
  };
  const auto now = std::chrono::system_clock::now();
  auto due = db_.read_value([&](db::Connection& c) {
    std::vector<Due> out;
    for (const auto& r : c.query(kDue, timeutil::to_rfc3339(now)).rows) {
      out.push_back({r.integer(0), r.text(1), {r.text(2), r.text(3), r.text(4)}, static_cast<int>(r.integer(5))});
    }
    return out;
  });
  int sent = 0;
  for (const auto& d : due) {
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
      ++sent;
      continue;
    }
    const int attempt = d.attempts + 1;
    if (attempt >= opt_.max_attempts) {
      log::warn("outbox_gave_up", {{"id", d.id}, {"attempts", attempt}, {"error", error}});
      db_.write([&](db::Connection& c) { c.query(kFailed, d.id, at, error); });
      continue;
    }
    // Exponential backoff: first_retry, ×2 each attempt, capped.
    auto delay = opt_.first_retry * (1LL << std::min(attempt - 1, 20));
    delay = std::min<std::chrono::milliseconds>(delay, opt_.max_retry);
    const std::string next = timeutil::to_rfc3339(std::chrono::system_clock::now() + delay);
    db_.write([&](db::Connection& c) { c.query(kRetry, d.id, next, error); });
  }
  return sent;
}

}  // namespace antq::notifications
