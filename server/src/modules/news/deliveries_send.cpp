// Deliveries::finish: one claimed row turned into its message, sent, and its outcome written.
#include <algorithm>

#include "core/log.hpp"
#include "core/time.hpp"
#include "modules/news/deliveries.hpp"
#include "modules/news/deliveries.sql.hpp"
#include "modules/news/news_mail.hpp"
#include "modules/news/subscriptions.hpp"

namespace antq::news {

namespace {

using namespace antq::sql::news::deliveries;  // the statements: deliveries.sql
using Clock = std::chrono::system_clock;

// What a claimed row comes to before anything is sent: a message, or why there is none.
struct Prepared {
  std::optional<notifications::Mail> mail;
  std::string status;  // when no mail: cancelled, skipped, failed
  std::string why;
  std::optional<Clock::time_point> hold;  // quiet hours: try again then
};

Prepared nothing(const char* status, std::string why) { return Prepared{std::nullopt, status, std::move(why), std::nullopt}; }

std::string vietnam_midnight_utc(Clock::time_point now) {
  const auto local = now + std::chrono::hours(7);
  return timeutil::to_rfc3339(std::chrono::floor<std::chrono::days>(local) - std::chrono::hours(7));
}

}  // namespace

namespace {

struct Context {
  const crypto::Keyring& keys;
  const DeliveryOptions& opt;
  const std::string& base_url;
  Clock::time_point now;
};

Prepared prepare_post(db::Connection& c, const Context& x, std::int64_t post_id, std::int64_t subscription_id, const db::Row& sub,
                      const std::string& address) {
  const auto pr = c.query(kPostForMail, post_id);
  if (pr.empty()) return nothing("cancelled", "tin không còn");
  const auto& p = pr.rows[0];
  const std::string kind = p.text(0);
  const int priority = static_cast<int>(p.integer(4));
  const std::string at = timeutil::to_rfc3339(x.now);
  if (p.text(5) != "published") return nothing("cancelled", "tin đã gỡ");
  if (!p.is_null(6) && p.text(6) <= at) return nothing("cancelled", "tin đã hết hạn");
  const bool is_urgent = kind == "warning" && priority == 1;
  if (!is_urgent) {
    if (const auto until = quiet_until(x.opt.quiet, x.now)) return Prepared{std::nullopt, "held", "", until};
  }
  if (kind == "warning" && !is_urgent && x.opt.warnings_per_day > 0 &&
      c.query(kWarningsSince, subscription_id, vietnam_midnight_utc(x.now)).rows[0].integer(0) >= x.opt.warnings_per_day) {
    return nothing("skipped", "đã đủ " + std::to_string(x.opt.warnings_per_day) + " cảnh báo trong ngày cho người nhận này");
  }
  mail::PostMessage m{address,   post_id,     kind,
                      p.text(1), p.text(2),   p.text(3),
                      priority,  sub.text(3), subscriptions::unsubscribe_token(x.keys, subscription_id, sub.text(2))};
  return Prepared{mail::post(m, x.base_url), "", "", std::nullopt};
}

Prepared prepare(db::Connection& c, const Context& x, const std::string& message, std::optional<std::int64_t> post_id,
                 std::optional<std::int64_t> subscription_id) {
  if (!subscription_id) return nothing("failed", "hàng gửi không chỉ tới người đăng ký nào");
  const auto sr = c.query(kSubscriptionForMail, *subscription_id);
  if (sr.empty()) return nothing("cancelled", "người đăng ký không còn");
  const auto& sub = sr.rows[0];
  const std::string status = sub.text(1);
  if (message == "confirm" ? status != "pending" : status != "active") return nothing("cancelled", "đăng ký đã thay đổi");
  const auto address = x.keys.open(sub.text(0), subscriptions::kEmailPurpose);
  if (!address) return nothing("failed", "không mở được địa chỉ đã mã hóa bằng bộ khóa hiện có");
  if (message == "confirm") {
    const std::string token = subscriptions::mint_confirm_token(c, x.keys, *subscription_id, timeutil::to_rfc3339(x.now));
    return Prepared{mail::confirmation({*address, sub.text(3), sub.text(4), token}, x.base_url), "", "", std::nullopt};
  }
  if (!post_id) return nothing("failed", "hàng gửi không chỉ tới tin nào");
  return prepare_post(c, x, *post_id, *subscription_id, sub, *address);
}

}  // namespace

void Deliveries::finish(const Claimed& d) {
  const Context x{keys_, opt_, base_url_, Clock::now()};
  const std::string at = timeutil::to_rfc3339(x.now);
  auto done = [&](const std::string& status, int attempt, const std::string& why) {
    db_.write([&](db::Connection& c) { c.query(kDone, d.id, status, attempt, at, why); });
  };
  if (d.channel != "email" || !mail_) {
    done("failed", 0, "không có kênh gửi '" + d.channel + "'");
    return;
  }
  // A confirmation mints its token (a write); a post's message only reads.
  auto build = [&](db::Connection& c) { return prepare(c, x, d.message, d.post_id, d.subscription_id); };
  const Prepared p = d.message == "confirm" ? db_.write_value(build) : db_.read_value(build);
  if (p.hold) {
    db_.write([&](db::Connection& c) { c.query(kHold, d.id, timeutil::to_rfc3339(*p.hold)); });
    return;
  }
  if (!p.mail) {
    done(p.status, 0, p.why);
    return;
  }
  std::string error;
  bool permanent = false;
  try {
    mail_->deliver(*p.mail);
  } catch (const notifications::DeliveryFailed& e) {
    error = e.what();
    permanent = e.permanent;
  } catch (const std::exception& e) {
    error = e.what();
  }
  if (error.empty()) return done("sent", 1, "");
  const int attempt = d.attempts + 1;
  if (permanent || attempt >= opt_.max_attempts) {
    log::warn("news_delivery_failed", {{"id", d.id}, {"attempts", attempt}, {"error", error}});
    return done(permanent ? "bounced" : "failed", 1, error);
  }
  // Exponential backoff: first_retry, ×2 each attempt, capped.
  auto delay = opt_.first_retry * (1LL << std::min(attempt - 1, 20));
  delay = std::min<std::chrono::milliseconds>(delay, opt_.max_retry);
  db_.write([&](db::Connection& c) { c.query(kRetry, d.id, timeutil::to_rfc3339(Clock::now() + delay), error); });
}

}  // namespace antq::news
