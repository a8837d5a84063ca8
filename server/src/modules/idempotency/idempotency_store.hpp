#pragma once
// Database-backed store of Idempotency-Key answers (table idempotency_keys).
#include "db/database.hpp"
#include "http/idempotency.hpp"

namespace antq::idempotency {

class DbIdempotencyStore final : public http::IdempotencyStore {
 public:
  explicit DbIdempotencyStore(db::Database& db) : db_(db) {}
  ClaimResult claim(const std::string& caller, const std::string& key, const std::string& fingerprint) override;
  void complete(const std::string& caller, const std::string& key, const http::StoredResponse& response) override;
  void release(const std::string& caller, const std::string& key) override;

 private:
  db::Database& db_;
};

}  // namespace antq::idempotency
