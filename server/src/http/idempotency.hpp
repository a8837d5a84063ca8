#pragma once
// Every write (POST, PATCH, PUT, DELETE) honours `Idempotency-Key`: phones on village networks
// retry, and so does nginx on another instance; a retry must get the first answer without creating,
// changing or deleting anything again. The pipeline drives this interface; the
// storage lives in modules/idempotency.
#include <memory>
#include <optional>
#include <string>

#include "http/request.hpp"

namespace antq::http {

struct StoredResponse {
  int status;
  std::string content_type;
  std::string body;
};

class IdempotencyStore {
 public:
  // acted_unanswered: the first request wrote but its answer was never stored (its instance died
  // in between); running it again would write twice.
  enum class Claim { claimed, replay, in_progress, mismatch, acted_unanswered };
  struct ClaimResult {
    Claim claim;
    std::optional<StoredResponse> stored;  // for replay
    // For `claimed`: which claim this is. A request that went silent can be taken over by a retry
    // on another instance; the silent one, if it wakes, holds an old token, and its writes,
    // answer and release are then refused (a fence), so the retry's effect is the only one.
    std::string token;
  };
  virtual ~IdempotencyStore() = default;
  // Atomically claims (caller, key) for a request; `request` is what identifies it (method,
  // target, body): the store keeps only a keyed hash of it.
  virtual ClaimResult claim(const std::string& caller, const std::string& key, const std::string& request) = 0;
  // While the returned object lives, every write transaction of this thread also marks the key as
  // acted upon, atomically with what it writes.
  struct Acting {
    virtual ~Acting() = default;
  };
  // A write made after the claim was taken over throws Conflict (409) and is rolled back.
  virtual std::unique_ptr<Acting> acting(const std::string& caller, const std::string& key, const std::string& token) = 0;
  // Both do nothing once the claim was taken over.
  virtual void complete(const std::string& caller, const std::string& key, const std::string& token, const StoredResponse& response) = 0;
  // The handler failed in a way worth retrying (5xx): forget the claim, unless it wrote.
  virtual void release(const std::string& caller, const std::string& key, const std::string& token) = 0;
};

}  // namespace antq::http
