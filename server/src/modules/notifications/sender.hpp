#pragma once
// A way to tell an outside system that something happened: a webhook now; SMS gateways and chat
// apps later implement the same interface. Senders are called by the outbox dispatcher, off the
// request path, and may be slow or fail: the dispatcher retries.
#include <string>

namespace antq::notifications {

struct OutgoingMessage {
  std::string target;   // where to: a URL, a phone number…
  std::string event;    // "tip.received"
  std::string payload;  // JSON, never personal data
};

class Sender {
 public:
  virtual ~Sender() = default;
  virtual std::string channel() const = 0;  // the outbox rows it takes ("webhook")
  // Throws std::runtime_error with an operator-readable reason when delivery failed.
  virtual void send(const OutgoingMessage& m) = 0;
};

}  // namespace antq::notifications
