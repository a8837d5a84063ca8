#pragma once
// Delivers an outbox message as a JSON POST (libcurl), with the event name in X-Antq-Event and,
// when a signing secret is configured, an HMAC of the body in X-Antq-Signature so the receiver
// can check it came from us.
#include <chrono>
#include <string>

#include "modules/notifications/sender.hpp"

namespace antq::notifications {

class WebhookSender final : public Sender {
 public:
  explicit WebhookSender(std::string signing_secret = {}, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  std::string channel() const override { return "webhook"; }
  void send(const OutgoingMessage& m) override;

 private:
  std::string secret_;
  std::chrono::milliseconds timeout_;
};

}  // namespace antq::notifications
