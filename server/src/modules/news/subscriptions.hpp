#pragma once
// Residents' e-mail subscriptions to a unit's posts, without an account (issue 15): double
// opt-in (a confirmation e-mail with a link; nothing else is sent before it is followed) and a
// one-click unsubscribe in every message (RFC 8058). The address is sealed with the data key
// beside a keyed hash (one subscription per address and unit); staff only ever see counts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/keyring.hpp"
#include "db/database.hpp"

namespace antq::news::subscriptions {

inline constexpr std::string_view kEmailPurpose = "news-subscriber-email";
// What a subscriber asks for: warnings only, or every post.
inline constexpr const char* kWarningsOnly = "warning";
inline constexpr const char* kAllKinds = "news,notice,warning";

// A new or ended subscription becomes pending with a confirmation queued; a pending one gets
// another confirmation (at most one per 10 minutes); an active one keeps its kinds until the
// owner of the address confirms a change. The caller answers the same in every case.
void subscribe(db::Connection& c, const crypto::Keyring& keys, std::int64_t unit_id, const std::string& email, const std::string& kinds,
               const std::string& now);

struct Subscription {
  std::int64_t unit_id = 0;
  std::string kinds, status, unit_code, unit_name, unit_full_name;
  std::optional<std::string> confirmed_at;
};
std::optional<Subscription> find(db::Connection& c, std::int64_t id);

// The confirmation link's token: valid 7 days; nullopt when unknown or expired.
std::optional<Subscription> confirm(db::Connection& c, const crypto::Keyring& keys, const std::string& token, const std::string& now);
// A fresh confirmation token for the e-mail about to be sent (stored hashed).
std::string mint_confirm_token(db::Connection& c, const crypto::Keyring& keys, std::int64_t subscription_id, const std::string& now);

// The unsubscribe token of every message to a subscription: "<id>.<keyed hash>", bound to the
// confirmation, so a link from before an unsubscribe and a new confirmation ends nothing. Made
// with the current data key and checked with the key it names, so links in messages sent before
// `antq keys rotate` keep working.
std::string unsubscribe_token(const crypto::Keyring& keys, std::int64_t subscription_id, const std::string& confirmed_at);
// Ends the subscription; false for a token that is not (or no longer) valid.
bool unsubscribe(db::Connection& c, const crypto::Keyring& keys, std::string_view token, const std::string& now);

}  // namespace antq::news::subscriptions
