// The imports queue, on each engine: one import at a time per unit, the units' queues side by side
// (two communes' files run together; a commune's second file waits for its first), oldest first.
#include <gtest/gtest.h>

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
  std::optional<std::int64_t> claim() {
    return t_->db().write_value([](db::Connection& c) { return imports::repo::claim_next(c); });
  }
  void finish(std::int64_t id) {
    t_->db().write([&](db::Connection& c) { imports::repo::finish(c, id, "done", {}, "[]", std::nullopt, ""); });
  }
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

INSTANTIATE_TEST_SUITE_P(Engines, ImportsQueueTest, ::testing::ValuesIn(antq::test::engines()));
