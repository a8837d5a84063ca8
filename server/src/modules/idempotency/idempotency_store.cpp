#include "modules/idempotency/idempotency_store.hpp"

#include <chrono>

#include "core/time.hpp"
#include "modules/idempotency/idempotency_store.sql.hpp"

namespace antq::idempotency {

namespace {
using namespace antq::sql::idempotency::idempotency_store;  // the statements: idempotency_store.sql

// A retry within a day gets the first answer; after that the key may be reused.
constexpr auto kKeep = std::chrono::hours(24);
// An unanswered claim that wrote nothing for this long belongs to a request that died with its
// instance (a handler runs after the body has arrived, and none takes minutes): a retry may run.
constexpr auto kAbandoned = std::chrono::minutes(5);

class MarkActed final : public http::IdempotencyStore::Acting {
 public:
  MarkActed(std::string caller, std::string key)
      : hook_([caller = std::move(caller), key = std::move(key)](db::Connection& c) { c.query(kActed, caller, key); }) {}

 private:
  db::WriteHook hook_;
};
}  // namespace

namespace {
constexpr std::string_view kPurpose = "idempotency";
}

DbIdempotencyStore::ClaimResult DbIdempotencyStore::claim(const std::string& caller, const std::string& key, const std::string& request) {
  const std::string fingerprint = keys_.keyed_hash(request, kPurpose);
  const auto now = std::chrono::system_clock::now();
  return db_.write_value([&](db::Connection& c) -> ClaimResult {
    c.query(kExpire, timeutil::to_rfc3339(now - kKeep));
    auto r = c.query(kSelect, caller, key);
    if (r.empty()) {
      c.query(kInsert, caller, key, fingerprint, timeutil::to_rfc3339(now));
      return {Claim::claimed, std::nullopt};
    }
    const auto& row = r.rows[0];
    // With the key that made it: a retry across `antq keys rotate` is the same request.
    if (!keys_.matches_keyed_hash(row.text(0), request, kPurpose)) return {Claim::mismatch, std::nullopt};
    if (row.is_null(1)) {
      // The first request wrote and then its answer was lost: running it again would write twice.
      if (row.integer(5) != 0) return {Claim::acted_unanswered, std::nullopt};
      // Still running, or died before writing anything (then it is safe to run again).
      const auto since = timeutil::parse_rfc3339(row.text(4));
      if (since && now - *since > kAbandoned && c.query(kTakeOver, caller, key, timeutil::to_rfc3339(now), row.text(4)).affected == 1) {
        return {Claim::claimed, std::nullopt};
      }
      return {Claim::in_progress, std::nullopt};
    }
    auto body = keys_.open(row.text(3), kPurpose);
    if (!body) return {Claim::mismatch, std::nullopt};  // sealed with a key no longer held
    return {Claim::replay, http::StoredResponse{static_cast<int>(row.integer(1)), row.text(2), std::move(*body)}};
  });
}

std::unique_ptr<http::IdempotencyStore::Acting> DbIdempotencyStore::acting(const std::string& caller, const std::string& key) {
  return std::make_unique<MarkActed>(caller, key);
}

void DbIdempotencyStore::complete(const std::string& caller, const std::string& key, const http::StoredResponse& response) {
  const std::string sealed = keys_.seal(response.body, kPurpose);
  db_.write([&](db::Connection& c) { c.query(kComplete, caller, key, response.status, response.content_type, sealed); });
}

void DbIdempotencyStore::release(const std::string& caller, const std::string& key) {
  db_.write([&](db::Connection& c) { c.query(kDelete, caller, key); });
}

}  // namespace antq::idempotency
