#pragma once
// The delivery log and the workers that work through it (issue 15). A published post's
// deliveries are queued once, when its publishing time has come: one row per subscriber whose
// unit it targets. Each worker claims a batch with a lease (claimed_until): on PostgreSQL with
// FOR UPDATE SKIP LOCKED, so several instances never take one row; a row whose lease ran out (its
// server died mid-send) is taken again, so nothing queued is lost and only a message in flight at
// the kill may go twice. Quiet hours hold non-urgent posts until morning; a daily cap skips
// non-urgent warnings past it; a refusal is retried with backoff, a permanent one is a bounce.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/background_worker.hpp"
#include "core/keyring.hpp"
#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/news/quiet_hours.hpp"
#include "modules/news/zalo_connector.hpp"
#include "modules/notifications/smtp_sender.hpp"

namespace antq::news {

struct DeliveryOptions {
  std::optional<QuietHours> quiet;
  int warnings_per_day = 3;  // non-urgent warnings to one subscriber a day (0: no cap)
  int senders = 4;           // threads sending at once
  std::chrono::milliseconds poll{1000};
  std::chrono::seconds lease{30};
  std::chrono::milliseconds first_retry{2000};
  std::chrono::milliseconds max_retry{std::chrono::hours(1)};
  int max_attempts = 8;
  int batch = 50;
};

// The subscribers asking for `kind` in the subtrees `areas` (nested areas counted once).
std::int64_t count_subscribers(db::Connection& c, std::vector<PathRange> areas, const std::string& kind);
// In a withdrawal's transaction: what has not gone yet never goes.
void cancel_post(db::Connection& c, std::int64_t post_id, const std::string& now);

class Deliveries {
 public:
  // `smtp`: nullopt when no mail server is configured (nothing can be queued for e-mail then:
  // subscribing answers 503). `public_url`: where the links in messages point.
  Deliveries(db::Database& db, const crypto::Keyring& keys, std::optional<notifications::SmtpOptions> smtp, ZaloOptions zalo,
             std::string public_url, DeliveryOptions options);
  ~Deliveries();
  bool can_mail() const { return mail_.has_value(); }
  bool zalo_configured() const { return zalo_.configured(); }
  void start();
  void stop();
  void wake();
  // Queues the posts whose time has come, then claims and sends one batch. Returns the rows it
  // finished (sent, failed, skipped…). Used by the workers and by tests.
  int run_once();

 private:
  struct Claimed {  // a row this worker holds the lease of
    std::int64_t id = 0;
    std::string message;  // confirm, post
    std::optional<std::int64_t> post_id, subscription_id;
    std::string channel;
    int attempts = 0;
    std::optional<std::int64_t> group_id;
  };
  void queue_due_posts();
  void finish(const Claimed& d);
  void finish_group(const Claimed& d);
  void record(const Claimed& d, const std::string& error, bool permanent);
  void round(BackgroundWorker& self);

  db::Database& db_;
  const crypto::Keyring& keys_;
  std::optional<notifications::SmtpSender> mail_;
  ZaloConnector zalo_;
  std::string base_url_;
  DeliveryOptions opt_;
  std::vector<std::unique_ptr<BackgroundWorker>> workers_;  // last: stopped before what they use goes
};

}  // namespace antq::news
