// The fence of Idempotency-Key claims, on each engine: a request that went silent for longer than
// the store waits (its instance paused, not dead) and was taken over by a retry must not write,
// answer or release when it wakes, whichever order things happen in; the retry's effect is the
// only one.
#include <gtest/gtest.h>

#include <chrono>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/keyring.hpp"
#include "core/time.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "modules/idempotency/idempotency_store.hpp"
#include "support/test_database.hpp"

using namespace antq;
using antq::test::TestDatabase;
using Claim = http::IdempotencyStore::Claim;

namespace {

class IdempotencyFenceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    db::migrate(t_->db());
    t_->db().write([](db::Connection& c) { c.execute_script("CREATE TABLE fence_effects (key TEXT NOT NULL)"); });
    store_ = std::make_unique<idempotency::DbIdempotencyStore>(t_->db(), keys_);
  }
  // What the handler writes: one row naming the request.
  void write_effect(const std::string& by) {
    t_->db().write([&](db::Connection& c) { c.query("INSERT INTO fence_effects (key) VALUES ($1)", by); });
  }
  std::int64_t effects() {
    return t_->db().read_value([](db::Connection& c) { return c.query("SELECT COUNT(*) FROM fence_effects").rows.at(0).integer(0); });
  }
  // The claims, as if made six minutes ago (the store takes a silent claim over after five, and
  // forgets keys after a day): the claim's time is its token, so this answers the token they now have.
  std::string age_claims() {
    const std::string long_ago = timeutil::to_rfc3339(std::chrono::system_clock::now() - std::chrono::minutes(6));
    t_->db().write([&](db::Connection& c) { c.query("UPDATE idempotency_keys SET created_at = $1", long_ago); });
    return long_ago;
  }
  crypto::Keyring keys_ = crypto::Keyring::from_hex(crypto::random_hex(32));
  std::unique_ptr<TestDatabase> t_;
  std::unique_ptr<idempotency::DbIdempotencyStore> store_;
};

const std::string kCaller = "user:7", kKey = "5b0f0c1e-outbox-1", kRequest = "POST /api/v1/activities\n{}";

}  // namespace

TEST_P(IdempotencyFenceTest, ARequestTakenOverWhileSilentWritesNothingWhenItWakes) {
  ASSERT_EQ(store_->claim(kCaller, kKey, kRequest).claim, Claim::claimed);
  const std::string first = age_claims();  // silent, nothing written: a retry on another instance takes it over
  auto second = store_->claim(kCaller, kKey, kRequest);
  ASSERT_EQ(second.claim, Claim::claimed);
  ASSERT_NE(second.token, first);

  {
    const auto acting = store_->acting(kCaller, kKey, second.token);
    write_effect("second");
  }
  {
    // the first wakes and writes: refused, rolled back
    const auto acting = store_->acting(kCaller, kKey, first);
    EXPECT_THROW(write_effect("first"), Conflict);
  }
  EXPECT_EQ(effects(), 1);
  // its answer and its release change nothing either
  store_->complete(kCaller, kKey, first, {409, "application/json", R"({"from":"first"})"});
  store_->release(kCaller, kKey, first);
  store_->complete(kCaller, kKey, second.token, {201, "application/json", R"({"from":"second"})"});
  const auto replay = store_->claim(kCaller, kKey, kRequest);
  ASSERT_EQ(replay.claim, Claim::replay);
  EXPECT_EQ(replay.stored->status, 201);
  EXPECT_EQ(replay.stored->body, R"({"from":"second"})");
}

TEST_P(IdempotencyFenceTest, ARequestThatWroteIsNeverTakenOverAndKeepsWriting) {
  const auto claimed = store_->claim(kCaller, kKey, kRequest);
  {
    const auto acting = store_->acting(kCaller, kKey, claimed.token);
    write_effect("first");
  }
  const std::string first = age_claims();
  EXPECT_EQ(store_->claim(kCaller, kKey, kRequest).claim, Claim::acted_unanswered) << "it wrote: a retry must not run it again";
  {
    // the first is still the owner: a second write of the same request (its photos) goes through
    const auto acting = store_->acting(kCaller, kKey, first);
    write_effect("first, again");
  }
  EXPECT_EQ(effects(), 2);
}

TEST_P(IdempotencyFenceTest, AReleaseAfterATakeOverLeavesTheNewClaim) {
  ASSERT_EQ(store_->claim(kCaller, kKey, kRequest).claim, Claim::claimed);
  const std::string first = age_claims();
  const auto second = store_->claim(kCaller, kKey, kRequest);
  ASSERT_EQ(second.claim, Claim::claimed);
  store_->release(kCaller, kKey, first);  // the first failed with a 5xx when it woke
  EXPECT_EQ(store_->claim(kCaller, kKey, kRequest).claim, Claim::in_progress) << "the retry's claim still stands";
}

INSTANTIATE_TEST_SUITE_P(Engines, IdempotencyFenceTest, ::testing::ValuesIn(antq::test::engines()));
