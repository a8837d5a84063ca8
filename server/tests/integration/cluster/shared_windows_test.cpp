// The rate-limit windows instances share through the database (modules/cluster/shared_windows),
// on both engines (SQLite runs the same SQL, though its single process counts in memory), and the
// in-memory windows SQLite's server uses.
#include <gtest/gtest.h>

#include <thread>

#include "core/crypto.hpp"
#include "core/keyring.hpp"
#include "db/migrations.hpp"
#include "modules/cluster/shared_windows.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;

namespace {

// Limit 3 in the window: three let in, then refused until the window ends, with the wait.
void expect_limit_of_three(RateLimiter& limiter, const std::string& key, int window_seconds) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.acquire(key), 0) << "attempt " << i + 1;
  const int wait = limiter.acquire(key);
  EXPECT_GE(wait, 1);
  EXPECT_LE(wait, window_seconds + 1);
}

}  // namespace

TEST(MemoryWindows, ALimitRefusesPastItsCountUntilTheWindowEnds) {
  RateLimiter limiter(3, std::chrono::seconds(1));
  expect_limit_of_three(limiter, "198.51.100.7", 1);
  EXPECT_EQ(limiter.acquire("198.51.100.8"), 0) << "another key has its own window";
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(limiter.acquire("198.51.100.7"), 0) << "a new window";
}

TEST(MemoryWindows, LimitersSharingCountsKeepTheirKeysApart) {
  auto counts = std::make_shared<MemoryWindowCounts>();
  RateLimiter tips(1, std::chrono::hours(1), counts, "tips"), logins(1, std::chrono::hours(1), counts, "logins");
  EXPECT_EQ(tips.acquire("198.51.100.7"), 0);
  EXPECT_EQ(logins.acquire("198.51.100.7"), 0) << "the tips limiter's count is not the logins'";
  EXPECT_GT(tips.acquire("198.51.100.7"), 0);
  FloodCounter per_unit(std::chrono::hours(1), counts, "per-unit");
  EXPECT_EQ(per_unit.current("21220"), 0);
  EXPECT_EQ(per_unit.record("21220"), 1);
  EXPECT_EQ(per_unit.record("21220"), 2);
  EXPECT_EQ(per_unit.current("21220"), 2);
}

class SharedWindowsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    db::migrate(db_->db());
    other_ = db_->open_again();
  }
  crypto::Keyring keys_{crypto::Keyring::from_hex(crypto::random_hex(32))};
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<db::Database> other_;  // as a second instance would hold it
};

TEST_P(SharedWindowsTest, TwoInstancesCountInTheSameWindows) {
  auto one = std::make_shared<cluster::SharedWindowCounts>(db_->db(), keys_);
  auto two = std::make_shared<cluster::SharedWindowCounts>(*other_, keys_);
  RateLimiter on_one(3, std::chrono::seconds(2), one, "tips"), on_two(3, std::chrono::seconds(2), two, "tips");
  EXPECT_EQ(on_one.acquire("198.51.100.7"), 0);
  EXPECT_EQ(on_two.acquire("198.51.100.7"), 0);
  EXPECT_EQ(on_one.acquire("198.51.100.7"), 0);
  const int wait = on_two.acquire("198.51.100.7");
  EXPECT_GE(wait, 1) << "the fourth, on the other instance, is refused";
  EXPECT_LE(wait, 3);
  EXPECT_GT(on_one.acquire("198.51.100.7"), 0);
  EXPECT_EQ(on_two.acquire("198.51.100.8"), 0) << "another address";
  FloodCounter count_one(std::chrono::seconds(2), one, "per-unit"), count_two(std::chrono::seconds(2), two, "per-unit");
  EXPECT_EQ(count_one.record("21220"), 1);
  EXPECT_EQ(count_two.record("21220"), 2);
  EXPECT_EQ(count_one.current("21220"), 2);
  // The window ends for both (whole seconds: up to two and a bit).
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  EXPECT_EQ(on_two.acquire("198.51.100.7"), 0) << "a new window";
  EXPECT_EQ(count_two.current("21220"), 0);
}

TEST_P(SharedWindowsTest, TheTableNeverHoldsAnAddress) {
  cluster::SharedWindowCounts counts(db_->db(), keys_);
  counts.add("tips:198.51.100.7", std::chrono::hours(1));
  counts.add("logins:2001:db8::", std::chrono::hours(1));
  db_->db().read([&](db::Connection& c) {
    const auto rows = c.query("SELECT key FROM rate_windows").rows;
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& r : rows) {
      EXPECT_EQ(r.text(0).find("198.51"), std::string::npos);
      EXPECT_EQ(r.text(0).find("2001:db8"), std::string::npos);
      EXPECT_EQ(r.text(0).find("tips"), std::string::npos);
    }
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, SharedWindowsTest, ::testing::ValuesIn(antq::test::engines()));
