#include "modules/tips/tip_notify.hpp"

#include <cctype>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/time.hpp"
#include "modules/notifications/outbox.hpp"
#include "modules/tips/tip_notify.sql.hpp"

namespace antq::tips::notify {

namespace {

constexpr std::string_view kEmailPurpose = "tip-notify-email";
constexpr std::string_view kTokenPurpose = "tip-notify-token";
constexpr const char* kEvent = "tip.update";
constexpr const char* kTargetPrefix = "tip:";

using namespace antq::sql::tips::tip_notify;  // the statements: tip_notify.sql

// The keyed hash finds one address among all subscriptions: the domain's case never matters,
// and nobody writes two mailboxes differing only in the case of the local part.
std::string address_hash(const crypto::Keyring& keys, const std::string& email) {
  std::string lower = email;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return keys.keyed_hash(lower, kEmailPurpose);
}

std::optional<std::int64_t> tip_of(const std::string& target) {
  if (!target.starts_with(kTargetPrefix)) return std::nullopt;
  const std::string_view id(target.data() + std::strlen(kTargetPrefix), target.size() - std::strlen(kTargetPrefix));
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), v);
  if (ec != std::errc() || p != id.data() + id.size() || v <= 0) return std::nullopt;
  return v;
}

std::string trimmed_url(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

bool valid_address(std::string_view email) { return notifications::plausible_email(email); }

void subscribe(db::Connection& c, const crypto::Keyring& keys, std::int64_t tip_id, const std::string& email, const std::string& now) {
  // A new address starts afresh: links in e-mails sent to the previous one no longer count.
  c.query(kDeleteTokens, tip_id);
  c.query(kUpsert, tip_id, keys.seal(email, kEmailPurpose), address_hash(keys, email), now);
}

void unsubscribe(db::Connection& c, std::int64_t tip_id) {
  c.query(kDeleteTokens, tip_id);
  c.query(kDeleteSubscription, tip_id);
}

bool subscribed(db::Connection& c, std::int64_t tip_id) { return !c.query(kSubscribed, tip_id).empty(); }

std::optional<std::int64_t> unsubscribe_by_token(db::Connection& c, const crypto::Keyring& keys, const std::string& token) {
  // A link from an e-mail sent before `antq keys rotate` carries a token hashed with an older key.
  for (const auto& hash : keys.keyed_hashes(token, kTokenPurpose)) {
    const auto r = c.query(kTokenTip, hash);
    if (r.empty()) continue;
    const std::int64_t tip_id = r.rows[0].integer(0);
    unsubscribe(c, tip_id);
    return tip_id;
  }
  return std::nullopt;
}

bool enqueue_update(db::Connection& c, std::int64_t tip_id) {
  if (!subscribed(c, tip_id)) return false;
  return notifications::enqueue_once(c, kChannel, kTargetPrefix + std::to_string(tip_id), kEvent, "{}");
}

notifications::MailComposer composer(db::Database& db, const crypto::Keyring& keys, std::string public_url) {
  return [&db, &keys,
          base = trimmed_url(std::move(public_url))](const notifications::OutgoingMessage& m) -> std::optional<notifications::Mail> {
    const auto tip_id = tip_of(m.target);
    if (!tip_id) throw std::runtime_error("email: hàng outbox không chỉ tới tin báo nào");
    // A fresh token for this e-mail, stored hashed before the e-mail can exist.
    const std::string token = crypto::random_hex(20);
    struct Found {
      std::string sealed, code;
    };
    const auto found = db.write_value([&](db::Connection& c) -> std::optional<Found> {
      const auto sealed = c.query(kSealedAddress, *tip_id);
      if (sealed.empty()) return std::nullopt;  // unsubscribed since: nothing to send
      const auto code = c.query(kTrackingCode, *tip_id);
      if (code.empty()) return std::nullopt;
      c.query(kInsertToken, keys.keyed_hash(token, kTokenPurpose), *tip_id, timeutil::now_utc());
      return Found{sealed.rows[0].text(0), code.rows[0].text(0)};
    });
    if (!found) return std::nullopt;
    const auto address = keys.open(found->sealed, kEmailPurpose);
    if (!address) throw std::runtime_error("email: không mở được địa chỉ đã mã hóa bằng bộ khóa hiện có");

    notifications::Mail mail;
    mail.to = *address;
    mail.subject = "Có cập nhật mới";
    // The code in the fragment: the browser never sends it, so no access log ties an address to a tip.
    const std::string track = base + "/tra-cuu-tin-bao#code=" + found->code;
    const std::string stop = base + "/huy-nhan-tin?token=" + token;
    mail.text = "Có cập nhật mới.\n\n" + track + "\n\nHủy nhận thông báo: " + stop + "\n";
    // RFC 8058: a mail client unsubscribes with one POST to this address, without opening a page.
    mail.headers = {{"List-Unsubscribe", "<" + base + "/api/v1/public/notifications/unsubscribe?token=" + token + ">"},
                    {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
    return mail;
  };
}

}  // namespace antq::tips::notify
