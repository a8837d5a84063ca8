#include "modules/notifications/webhook_sender.hpp"

#include <stdexcept>
#include <vector>

#include "modules/notifications/http_post.hpp"

namespace antq::notifications {

WebhookSender::WebhookSender(std::string signing_secret, std::chrono::milliseconds timeout)
    : secret_(std::move(signing_secret)), timeout_(timeout) {}

void WebhookSender::send(const OutgoingMessage& m) {
  std::vector<std::string> headers{"X-Antq-Event: " + m.event};
  if (!secret_.empty()) headers.push_back("X-Antq-Signature: sha256=" + hmac_sha256_hex(secret_, m.payload));
  const auto answer = post_json(m.target, m.payload, headers, timeout_, "webhook " + m.target);
  if (answer.status < 200 || answer.status > 299)
    throw std::runtime_error("webhook " + m.target + ": HTTP " + std::to_string(answer.status));
}

}  // namespace antq::notifications
