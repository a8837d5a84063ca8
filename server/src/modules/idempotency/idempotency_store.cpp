#include "modules/idempotency/idempotency_store.hpp"

#include <chrono>

#include "core/errors.hpp"
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
  MarkActed(std::string caller, std::string key, std::string token)
      : hook_([caller = std::move(caller), key = std::move(key), token = std::move(token)](db::Connection& c) {
          // Not ours any more: the request was silent for kAbandoned and a retry took it over (and
          // may have written already). Throwing rolls this write back.
          if (c.query(kActed, caller, key, token).affected == 0)
            throw Conflict(
                "Yêu cầu với Idempotency-Key này đã được một lần gửi lại xử lý thay; lần này không ghi gì. Hãy tải lại "
                "để xem kết quả.");
        }) {}

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
      const std::string token = timeutil::to_rfc3339(now);
      c.query(kInsert, caller, key, fingerprint, token);
      return {Claim::claimed, std::nullopt, token};
    }
    const auto& row = r.rows[0];
    // With the key that made it: a retry across `antq keys rotate` is the same request.
    if (!keys_.matches_keyed_hash(row.text(0), request, kPurpose)) return {Claim::mismatch, std::nullopt};
    if (row.is_null(1)) {
      // The first request wrote and then its answer was lost: running it again would write twice.
      if (row.integer(5) != 0) return {Claim::acted_unanswered, std::nullopt};
      // Still running, or died before writing anything (then it is safe to run again).
      const auto since = timeutil::parse_rfc3339(row.text(4));
      // The new token must differ from the old one, which it does: it is later by kAbandoned.
      const std::string token = timeutil::to_rfc3339(now);
      if (since && now - *since > kAbandoned && c.query(kTakeOver, caller, key, token, row.text(4)).affected == 1) {
        return {Claim::claimed, std::nullopt, token};
      }
      return {Claim::in_progress, std::nullopt};
    }
    auto body = keys_.open(row.text(3), kPurpose);
    if (!body) return {Claim::mismatch, std::nullopt};  // sealed with a key no longer held
    return {Claim::replay, http::StoredResponse{static_cast<int>(row.integer(1)), row.text(2), std::move(*body)}};
  });
}

std::unique_ptr<http::IdempotencyStore::Acting> DbIdempotencyStore::acting(const std::string& caller, const std::string& key,
                                                                           const std::string& token) {
  return std::make_unique<MarkActed>(caller, key, token);
}

void DbIdempotencyStore::complete(const std::string& caller, const std::string& key, const std::string& token,
                                  const http::StoredResponse& response) {
  const std::string sealed = keys_.seal(response.body, kPurpose);
  db_.write([&](db::Connection& c) { c.query(kComplete, caller, key, response.status, response.content_type, sealed, token); });
}

void DbIdempotencyStore::release(const std::string& caller, const std::string& key, const std::string& token) {
  db_.write([&](db::Connection& c) { c.query(kDelete, caller, key, token); });
}

}  // namespace antq::idempotency
