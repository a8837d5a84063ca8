#include "modules/news/deliveries.hpp"

#include <algorithm>

#include "core/log.hpp"
#include "core/time.hpp"
#include "modules/news/channels.hpp"
#include "modules/news/deliveries.sql.hpp"

namespace antq::news {

namespace {

using namespace antq::sql::news::deliveries;  // the statements: deliveries.sql
using Clock = std::chrono::system_clock;

std::string kinds_pattern(const std::string& kind) { return "%," + kind + ",%"; }

bool urgent(const std::string& kind, int priority) { return kind == "warning" && priority == 1; }

}  // namespace

std::int64_t count_subscribers(db::Connection& c, std::vector<PathRange> areas, const std::string& kind) {
  // A target inside another target adds nobody: keep the outer ones (disjoint ranges then).
  std::sort(areas.begin(), areas.end(), [](const PathRange& a, const PathRange& b) { return a.lo < b.lo; });
  std::int64_t total = 0;
  std::optional<PathRange> outer;
  for (const auto& a : areas) {
    if (outer && a.lo >= outer->lo && a.lo < outer->hi) continue;
    outer = a;
    total += c.query(kCountSubscribers, kinds_pattern(kind), a.lo, a.hi).rows[0].integer(0);
  }
  return total;
}

void cancel_post(db::Connection& c, std::int64_t post_id, const std::string& now) { c.query(kCancelPost, post_id, now); }

Deliveries::Deliveries(db::Database& db, const crypto::Keyring& keys, std::optional<notifications::SmtpOptions> smtp, ZaloOptions zalo,
                       std::string public_url, DeliveryOptions options)
    : db_(db), keys_(keys), zalo_(std::move(zalo)), base_url_(std::move(public_url)), opt_(options) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  if (smtp) mail_.emplace(std::move(*smtp), nullptr);
  const auto n = static_cast<std::size_t>(std::max(1, opt_.senders));
  for (std::size_t i = 0; i < n; ++i) {
    workers_.push_back(std::make_unique<BackgroundWorker>(
        "news-send-" + std::to_string(i), [this, i] { round(*workers_[i]); }, BackgroundWorker::Options{opt_.poll, false}));
  }
}

Deliveries::~Deliveries() { stop(); }

void Deliveries::start() {
  for (auto& w : workers_) w->start();
}
void Deliveries::stop() {
  for (auto& w : workers_) w->stop();
}
void Deliveries::wake() {
  for (auto& w : workers_) w->wake();
}

void Deliveries::queue_due_posts() {
  const auto now = Clock::now();
  const std::string at = timeutil::to_rfc3339(now);
  const auto due = db_.read_value([&](db::Connection& c) {
    std::vector<std::int64_t> ids;
    for (const auto& r : c.query(kDuePosts, at).rows) ids.push_back(r.integer(0));
    return ids;
  });
  for (const auto id : due) {
    db_.write([&](db::Connection& c) {
      // Another worker or instance may have queued it meanwhile: only the one that marks it queues.
      if (c.query(kMarkQueued, id, at).affected != 1) return;
      const auto p = c.query(kPostForQueue, id);
      const std::string kind = p.rows[0].text(0);
      const int priority = static_cast<int>(p.rows[0].integer(1));
      const auto hold = urgent(kind, priority) ? std::nullopt : quiet_until(opt_.quiet, now);
      const std::string next = hold ? timeutil::to_rfc3339(*hold) : at;
      const auto r = c.query(kQueuePost, id, hold ? "held" : "queued", next, at, kinds_pattern(kind));
      channels::queue(c, id, zalo_.configured(), hold ? "held" : "queued", next, at);
      log::info("news_queued", {{"post", id}, {"deliveries", r.affected}, {"held", hold.has_value()}});
    });
  }
}

int Deliveries::run_once() {
  queue_due_posts();
  const auto now = Clock::now();
  const std::string at = timeutil::to_rfc3339(now);
  const std::string until = timeutil::to_rfc3339(now + opt_.lease);
  const auto claimed = db_.write_value([&](db::Connection& c) {
    std::vector<Claimed> out;
    const auto sql = c.engine() == db::Engine::postgresql ? kClaimPostgres : kClaimSqlite;
    for (const auto& r : c.query(sql, at, until, opt_.batch).rows) {
      out.push_back(
          {r.integer(0), r.text(1), r.opt_integer(2), r.opt_integer(3), r.text(4), static_cast<int>(r.integer(5)), r.opt_integer(6)});
    }
    return out;
  });
  for (const auto& d : claimed) finish(d);
  return static_cast<int>(claimed.size());
}

void Deliveries::round(BackgroundWorker& self) {
  // Drains what is due, batch after batch, then sleeps until woken or the next poll.
  while (!self.stopping() && run_once() > 0) {
  }
}

}  // namespace antq::news
