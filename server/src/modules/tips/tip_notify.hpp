#pragma once
// E-mail when a tip changes (issue 18, item 17). A reporter leaves an address on the tracking page;
// when an officer writes to them, or the tip's status or decision changes, ONE e-mail says only
// "Có cập nhật mới" with a link to the tracking page (the code, never the secret, never what the
// tip or the answer says, never an officer's name) and a one-click unsubscribe link.
//
// The address is personal data like the reporter's identity: sealed with the data key, with a
// keyed hash beside it; it is opened only by the composer, at sending time, off the request path.
// The outbox row names the tip ("tip:42") and nothing else, so a subscription ended before the
// row leaves sends nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "modules/notifications/smtp_sender.hpp"

namespace antq::tips::notify {

inline constexpr const char* kChannel = "email";

// A reporter's address as the API accepts it (trimmed by the caller): notifications::plausible_email.
bool valid_address(std::string_view email);

void subscribe(db::Connection& c, const crypto::Keyring& keys, std::int64_t tip_id, const std::string& email, const std::string& now);
void unsubscribe(db::Connection& c, std::int64_t tip_id);
bool subscribed(db::Connection& c, std::int64_t tip_id);
// Ends the subscription an e-mail's link belongs to; the tip's id, or nullopt for an unknown token.
std::optional<std::int64_t> unsubscribe_by_token(db::Connection& c, const crypto::Keyring& keys, const std::string& token);
// In the transaction of an update the reporter can see: one outbox row when someone is
// subscribed and no e-mail for the tip is already waiting. True when a row was added.
bool enqueue_update(db::Connection& c, std::int64_t tip_id);

// Turns an outbox row of the "email" channel into the e-mail to the tip's subscriber.
// `public_url`: where the citizen pages are ("https://antq.example.vn").
notifications::MailComposer composer(db::Database& db, const crypto::Keyring& keys, std::string public_url);

}  // namespace antq::tips::notify
