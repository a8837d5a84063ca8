// The imports queue, on each engine: one import at a time per unit, the units' queues side by side
// (two communes' files run together; a commune's second file waits for its first), oldest first.
#include <gtest/gtest.h>

#include <map>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "modules/imports/imports_repository.hpp"
#include "support/test_database.hpp"

using namespace antq;
using antq::test::TestDatabase;

namespace {

class ImportsQueueTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    db::migrate(t_->db());
  }
  std::int64_t queue(const std::string& unit_path) {
    return t_->db().write_value([&](db::Connection& c) {
      return imports::repo::insert_batch(c, {"activities", "u", "{}", unit_path, "f.csv", "csv", "x.csv", std::nullopt, "{}", 1});
    });
  }
  std::optional<imports::repo::Claimed> claim_batch() {
    return t_->db().write_value([](db::Connection& c) { return imports::repo::claim_next(c); });
  }
  std::optional<std::int64_t> claim() {
    const auto claimed = claim_batch();
    if (!claimed) return std::nullopt;
    claims_[claimed->id] = *claimed;
    return claimed->id;
  }
  void finish(std::int64_t id) {
    t_->db().write([&](db::Connection& c) { imports::repo::finish(c, claims_.at(id), "done", {}, "[]", std::nullopt, ""); });
  }
  std::map<std::int64_t, imports::repo::Claimed> claims_;
  std::unique_ptr<TestDatabase> t_;
};

}  // namespace

TEST_P(ImportsQueueTest, OneImportAtATimePerUnit) {
  const auto a1 = queue("/51/21220/"), a2 = queue("/51/21220/"), b1 = queue("/01/00004/");
  EXPECT_EQ(claim(), a1);
  EXPECT_EQ(claim(), b1) << "another unit's file does not wait behind the first unit's";
  EXPECT_EQ(claim(), std::nullopt) << "the first unit's second file waits for its first";
  finish(a1);
  EXPECT_EQ(claim(), a2);
  EXPECT_EQ(claim(), std::nullopt);
}

// A runner silent for minutes (its instance paused, not dead) loses its batch to the next poll; when
// it wakes, its progress and its finish are refused, and what it wrote with them is rolled back.
TEST_P(ImportsQueueTest, ARunnerWhoseBatchWasTakenOverCannotWriteOrFinishIt) {
  const auto id = queue("/51/21220/");
  const auto first = claim_batch();
  ASSERT_TRUE(first);
  // silent since long ago
  t_->db().write([](db::Connection& c) { c.query("UPDATE import_batches SET heartbeat_at = $1", std::string("2020-01-01T00:00:00Z")); });
  const auto second = claim_batch();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, id);
  EXPECT_GT(second->token, first->token);

  t_->db().write([](db::Connection& c) { c.execute_script("CREATE TABLE fence_rows (n INTEGER)"); });
  imports::Counts k;
  k.processed = 10;
  EXPECT_THROW(t_->db().write([&](db::Connection& c) {
    c.query("INSERT INTO fence_rows (n) VALUES (1)");
    imports::repo::progress(c, *first, k);
  }),
               imports::repo::ClaimLost);
  EXPECT_EQ(t_->db().read_value([](db::Connection& c) { return c.query("SELECT COUNT(*) FROM fence_rows").rows.at(0).integer(0); }), 0)
      << "the group the first runner wrote is rolled back with its progress";
  EXPECT_THROW(t_->db().write([&](db::Connection& c) { imports::repo::finish(c, *first, "done", k, "[]", std::nullopt, ""); }),
               imports::repo::ClaimLost);

  // the second runner goes on and finishes
  t_->db().write([&](db::Connection& c) {
    c.query("INSERT INTO fence_rows (n) VALUES (2)");
    imports::repo::progress(c, *second, k);
    imports::repo::finish(c, *second, "done", k, "[]", std::nullopt, "");
  });
  const auto b = t_->db().read_value([&](db::Connection& c) { return imports::repo::find(c, id); });
  EXPECT_EQ(b->status, "done");
  EXPECT_EQ(b->counts.processed, 10);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportsQueueTest, ::testing::ValuesIn(antq::test::engines()));
