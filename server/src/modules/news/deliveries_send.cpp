// Deliveries::finish: one claimed row turned into its message, sent, and its outcome written.
#include <algorithm>

#include "core/log.hpp"
#include "core/time.hpp"
#include "modules/news/channels.hpp"
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
  if (d.group_id) return finish_group(d);
  const Context x{keys_, opt_, base_url_, Clock::now()};
  const std::string at = timeutil::to_rfc3339(x.now);
  if (d.channel != "email" || !mail_) {
    db_.write([&](db::Connection& c) { c.query(kDone, d.id, "failed", 0, at, "không có kênh gửi '" + d.channel + "'"); });
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
    db_.write([&](db::Connection& c) { c.query(kDone, d.id, p.status, 0, at, p.why); });
    return;
  }
  try {
    mail_->deliver(*p.mail);
  } catch (const notifications::DeliveryFailed& e) {
    return record(d, e.what(), e.permanent);
  } catch (const std::exception& e) {
    return record(d, e.what(), false);
  }
  record(d, "", false);
}

// A post to a Zalo group through the connector (rows of groups without one are recorded when queued).
void Deliveries::finish_group(const Claimed& d) {
  const Context x{keys_, opt_, base_url_, Clock::now()};
  const std::string at = timeutil::to_rfc3339(x.now);
  struct Message {
    std::string text, ref, status, why;
    std::optional<Clock::time_point> hold;
  };
  const auto m = db_.read_value([&](db::Connection& c) {
    Message out;
    const auto pr = d.post_id ? c.query(kPostForMail, *d.post_id) : db::Result{};
    if (pr.empty() || pr.rows[0].text(5) != "published") return Message{"", "", "cancelled", "tin không còn hoặc đã gỡ", std::nullopt};
    const auto& p = pr.rows[0];
    if (!p.is_null(6) && p.text(6) <= at) return Message{"", "", "cancelled", "tin đã hết hạn", std::nullopt};
    const bool urgent = p.text(0) == "warning" && p.integer(4) == 1;
    if (!urgent) out.hold = quiet_until(x.opt.quiet, x.now);
    out.ref = channels::group_ref(c, *d.group_id).value_or("");
    if (out.ref.empty()) return Message{"", "", "failed", "nhóm không còn mã trên nền tảng", std::nullopt};
    out.text = mail::post_text(p.text(0), static_cast<int>(p.integer(4)), p.text(1), p.text(2), *d.post_id, x.base_url);
    return out;
  });
  if (m.hold) {
    db_.write([&](db::Connection& c) { c.query(kHold, d.id, timeutil::to_rfc3339(*m.hold)); });
    return;
  }
  if (!m.status.empty()) {
    db_.write([&](db::Connection& c) { c.query(kDone, d.id, m.status, 0, at, m.why); });
    return;
  }
  try {
    zalo_.send(m.ref, m.text);
  } catch (const notifications::DeliveryFailed& e) {
    return record(d, e.what(), e.permanent);
  }
  record(d, "", false);
}

// Sent (`error` empty), a bounce, a failure after the last attempt, or a retry with backoff.
void Deliveries::record(const Claimed& d, const std::string& error, bool permanent) {
  const std::string at = timeutil::now_utc();
  if (error.empty()) {
    db_.write([&](db::Connection& c) { c.query(kDone, d.id, "sent", 1, at, ""); });
    return;
  }
  const int attempt = d.attempts + 1;
  if (permanent || attempt >= opt_.max_attempts) {
    log::warn("news_delivery_failed", {{"id", d.id}, {"channel", d.channel}, {"attempts", attempt}, {"error", error}});
    db_.write([&](db::Connection& c) { c.query(kDone, d.id, permanent ? "bounced" : "failed", 1, at, error); });
    return;
  }
  // Exponential backoff: first_retry, ×2 each attempt, capped.
  auto delay = opt_.first_retry * (1LL << std::min(attempt - 1, 20));
  delay = std::min<std::chrono::milliseconds>(delay, opt_.max_retry);
  db_.write([&](db::Connection& c) { c.query(kRetry, d.id, timeutil::to_rfc3339(Clock::now() + delay), error); });
}

}  // namespace antq::news
