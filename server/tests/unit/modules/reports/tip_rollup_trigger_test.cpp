// Migration 0031, on each engine: a tip marks its days for the rollup when it changes what the
// reports count, and not for the duplicate finder's mark or a review hold (which re-derived the
// whole country's day for every tip at national scale).
#include <gtest/gtest.h>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "support/test_database.hpp"

using namespace antq;
using antq::test::TestDatabase;

namespace {

class TipRollupTriggerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    db::migrate(t_->db());
    t_->db().write([](db::Connection& c) {
      const std::string at = "2026-12-01T03:00:00Z";
      c.query(
          "INSERT INTO units (id, code, dataset, name, full_name, kind, path, depth, search_text, sort_key, created_at, updated_at) "
          "VALUES (1, '01', 'local', 'Hà Nội', 'Thành phố Hà Nội', 'province', '/1/', 0, 'ha noi', '00', $1, $1)",
          at);
      c.query(
          "INSERT INTO tips (id, tracking_code, secret_hash, unit_id, category, channel, description, search_text, anonymous, "
          "status, received_at, settle_due_at, updated_at) VALUES (4, 'T1', 'h', 1, 'drugs', 'online', 'd', 'd', 1, 'received', $1, $1, $1)",
          at);
      c.query("DELETE FROM rollup_dirty");
    });
  }
  std::int64_t marked() {
    return t_->db().read_value([](db::Connection& c) { return c.query("SELECT COUNT(*) FROM rollup_dirty").rows.at(0).integer(0); });
  }
  void update(const std::string& set) {
    t_->db().write([&](db::Connection& c) { c.query("UPDATE tips SET " + set + " WHERE id = 4"); });
  }
  std::unique_ptr<TestDatabase> t_;
};

}  // namespace

TEST_P(TipRollupTriggerTest, OnlyAChangeTheReportsCountMarksTheTipsDays) {
  update("dup_checked = 1");
  update("held_for_review = 1, updated_at = '2026-12-02T00:00:00Z'");
  EXPECT_EQ(marked(), 0) << "no figure changed";
  update("status = 'duplicate'");
  EXPECT_GT(marked(), 0) << "a duplicate leaves the count";
  t_->db().write([](db::Connection& c) { c.query("DELETE FROM rollup_dirty"); });
  update("cases_solved = 2");
  EXPECT_GT(marked(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, TipRollupTriggerTest, ::testing::ValuesIn(antq::test::engines()));
