#pragma once
// Delivers outbox rows of the "email" channel by SMTP (libcurl; STARTTLS whenever the server
// offers it, smtps:// for TLS from the start). The outbox row itself holds no address and no
// text: a composer supplied by the module that enqueued it turns the row into a Mail at sending
// time (opening a sealed address, minting an unsubscribe token), so nothing personal waits in the
// outbox, and a subscription ended in between sends nothing.
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "modules/notifications/sender.hpp"

namespace antq::notifications {

struct Mail {
  std::string to;                                            // one address, already validated (no CR, LF, '<', '>')
  std::string subject;                                       // UTF-8: encoded for the header here
  std::string text;                                          // UTF-8 plain text
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (ASCII values)
};

// nullopt: nothing to send any more (e.g. the recipient unsubscribed); the row counts as done.
using MailComposer = std::function<std::optional<Mail>(const OutgoingMessage&)>;

struct SmtpOptions {
  std::string url;   // smtp://host:port or smtps://host:port, credentials as smtp://user:password@host
  std::string from;  // "no-reply@antq.example.vn" or "ANTQ <no-reply@antq.example.vn>" (ASCII)
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};
};

// The envelope address inside `from` ("ANTQ <a@b>" → "a@b"), or `from` itself.
std::string envelope_address(const std::string& from);
// A plausible single mailbox: local@domain.tld, at most 254 bytes, no spaces, control characters,
// quotes, angle brackets or commas (it goes into an SMTP command and a header as it is).
bool plausible_email(std::string_view address);
// The message as sent (RFC 5322, CRLF line ends, UTF-8 text in base64).
std::string format_mail(const Mail& mail, const std::string& from, std::chrono::system_clock::time_point date,
                        const std::string& message_id);

// A delivery that did not happen; the reason never contains the recipient's address. `permanent`:
// the server refused for good (a 5xx reply, e.g. no such mailbox), so retrying is pointless.
class DeliveryFailed : public std::runtime_error {
 public:
  DeliveryFailed(const std::string& reason, bool permanent) : std::runtime_error(reason), permanent(permanent) {}
  bool permanent;
};

class SmtpSender final : public Sender {
 public:
  SmtpSender(SmtpOptions options, MailComposer compose);
  std::string channel() const override { return "email"; }
  // Throws DeliveryFailed.
  void send(const OutgoingMessage& m) override;
  // One composed message (modules with their own delivery log, e.g. news, compose it themselves).
  void deliver(const Mail& mail) const;

 private:
  SmtpOptions options_;
  MailComposer compose_;
};

}  // namespace antq::notifications
