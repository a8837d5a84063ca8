#pragma once
// Database-backed store of Idempotency-Key answers (table idempotency_keys).
#include "core/keyring.hpp"
#include "db/database.hpp"
#include "http/idempotency.hpp"

namespace antq::idempotency {

class DbIdempotencyStore final : public http::IdempotencyStore {
 public:
  // Stored answers are sealed with the data key (a reply may carry a secret, e.g. a tip's), and
  // requests are kept as keyed hashes only.
  DbIdempotencyStore(db::Database& db, const crypto::Keyring& keys) : db_(db), keys_(keys) {}
  ClaimResult claim(const std::string& caller, const std::string& key, const std::string& request) override;
  std::unique_ptr<Acting> acting(const std::string& caller, const std::string& key, const std::string& token) override;
  void complete(const std::string& caller, const std::string& key, const std::string& token, const http::StoredResponse& response) override;
  void release(const std::string& caller, const std::string& key, const std::string& token) override;

 private:
  db::Database& db_;
  const crypto::Keyring& keys_;
};

}  // namespace antq::idempotency
