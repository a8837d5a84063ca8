#include "modules/news/subscriptions.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>

#include "core/crypto.hpp"
#include "core/time.hpp"
#include "modules/news/deliveries.sql.hpp"
#include "modules/news/subscriptions.sql.hpp"

namespace antq::news::subscriptions {

namespace {

namespace q = antq::sql::news::subscriptions;  // subscriptions.sql
namespace dq = antq::sql::news::deliveries;    // deliveries.sql: the confirmation's row

constexpr std::string_view kConfirmPurpose = "news-confirm-token";
constexpr std::string_view kUnsubscribePurpose = "news-unsubscribe";
constexpr auto kConfirmValid = std::chrono::hours(24 * 7);
constexpr auto kConfirmEvery = std::chrono::minutes(10);

// The domain's case never matters, and nobody writes two mailboxes differing only in the case
// of the local part: one subscription per mailbox. Under every key of the ring, the current one
// first: a subscription made before `antq keys rotate` is still found.
std::vector<std::string> address_hashes(const crypto::Keyring& keys, const std::string& email) {
  std::string lower = email;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return keys.keyed_hashes(lower, kEmailPurpose);
}

std::string ago(const std::string& now, std::chrono::system_clock::duration d) {
  const auto tp = timeutil::parse_rfc3339(now);
  return timeutil::to_rfc3339((tp ? *tp : std::chrono::system_clock::now()) - d);
}

void queue_confirmation(db::Connection& c, std::int64_t id, const std::string& now) {
  const auto last = c.query(dq::kLastConfirm, id);
  if (!last.empty() && !last.rows[0].is_null(0) && last.rows[0].text(0) > ago(now, kConfirmEvery)) return;
  c.query(dq::kQueueConfirm, id, now);
}

}  // namespace

void subscribe(db::Connection& c, const crypto::Keyring& keys, std::int64_t unit_id, const std::string& email, const std::string& kinds,
               const std::string& now) {
  const auto hashes = address_hashes(keys, email);
  db::Result found;
  for (const auto& hash : hashes) {
    found = c.query(q::kFindByHash, unit_id, hash);
    if (!found.empty()) break;
  }
  if (found.empty()) {
    const auto id = c.query(q::kInsert, unit_id, keys.seal(email, kEmailPurpose), hashes.front(), kinds, now).rows[0].integer(0);
    queue_confirmation(c, id, now);
    return;
  }
  const auto id = found.rows[0].integer(0);
  const auto status = found.rows[0].text(1);
  if (status == "active") return;  // a change of kinds would need the owner's consent: left as it is
  if (status == "ended") {
    c.query(q::kDeleteTokens, id);
    c.query(q::kRenew, id, kinds, keys.seal(email, kEmailPurpose), now);
  } else {
    c.query(q::kSetKinds, id, kinds);
  }
  queue_confirmation(c, id, now);
}

std::optional<Subscription> find(db::Connection& c, std::int64_t id) {
  const auto r = c.query(q::kSubscription, id);
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  return Subscription{row.integer(0), row.text(1), row.text(2), row.text(4), row.text(5), row.text(6), row.opt_text(3)};
}

std::optional<Subscription> confirm(db::Connection& c, const crypto::Keyring& keys, const std::string& token, const std::string& now) {
  db::Result r;
  for (const auto& hash : keys.keyed_hashes(token, kConfirmPurpose)) {  // minted before a key rotation too
    r = c.query(q::kTokenSubscription, hash, "confirm");
    if (!r.empty()) break;
  }
  if (r.empty() || r.rows[0].text(1) < ago(now, kConfirmValid)) return std::nullopt;
  const auto id = r.rows[0].integer(0);
  c.query(q::kActivate, id, now);
  c.query(q::kDeleteTokens, id);
  return find(c, id);
}

std::string mint_confirm_token(db::Connection& c, const crypto::Keyring& keys, std::int64_t subscription_id, const std::string& now) {
  std::string token = crypto::random_hex(20);
  c.query(q::kInsertToken, keys.keyed_hash(token, kConfirmPurpose), subscription_id, "confirm", now);
  return token;
}

namespace {
std::string unsubscribe_mac_input(std::int64_t subscription_id, const std::string& confirmed_at) {
  return std::to_string(subscription_id) + "|" + confirmed_at;
}
}  // namespace

std::string unsubscribe_token(const crypto::Keyring& keys, std::int64_t subscription_id, const std::string& confirmed_at) {
  // keyed_hash is "<key id>:<hex>"; a link carries it with '-' for ':' (plain in any mail client).
  std::string mac = keys.keyed_hash(unsubscribe_mac_input(subscription_id, confirmed_at), kUnsubscribePurpose);
  std::replace(mac.begin(), mac.end(), ':', '-');
  return std::to_string(subscription_id) + "." + mac;
}

bool unsubscribe(db::Connection& c, const crypto::Keyring& keys, std::string_view token, const std::string& now) {
  const auto dot = token.find('.');
  if (dot == std::string_view::npos) return false;
  std::int64_t id = 0;
  const auto [p, ec] = std::from_chars(token.data(), token.data() + dot, id);
  if (ec != std::errc() || p != token.data() + dot || id <= 0) return false;
  const auto s = find(c, id);
  if (!s || !s->confirmed_at) return false;
  // Checked with the key named in the token: a link in a message sent before `antq keys rotate`
  // still unsubscribes (hex has no '-', so the last one separates the key id).
  std::string mac(token.substr(dot + 1));
  const auto sep = mac.rfind('-');
  if (sep == std::string::npos) return false;
  mac[sep] = ':';
  if (!keys.matches_keyed_hash(mac, unsubscribe_mac_input(id, *s->confirmed_at), kUnsubscribePurpose)) return false;
  // A second click (a mail client's one-click POST, then the page's button) finds it ended: fine.
  c.query(q::kEnd, id, now);
  c.query(dq::kCancelSubscription, id, now);
  return true;
}

}  // namespace antq::news::subscriptions
