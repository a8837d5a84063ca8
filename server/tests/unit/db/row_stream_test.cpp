// db::each_row (rows one at a time) and the SQLite statement cache's bound: what keeps a long run's
// memory flat (decision 0011, "Soak").
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/each_row.hpp"
#include "support/test_database.hpp"

using antq::db::Connection;
using antq::db::Row;
using antq::test::TestDatabase;

class RowStreamTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    t_->db().write([](Connection& c) {
      c.execute_script("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)");
      for (int i = 1; i <= 300; ++i) c.query("INSERT INTO items (id, name, n) VALUES ($1, $2, $3)", i, "mục " + std::to_string(i), i % 7);
    });
  }
  std::unique_ptr<TestDatabase> t_;
};

TEST_P(RowStreamTest, EachRowGivesEveryRowInOrderAndAllowsTheSameQueryInside) {
  const std::string sql = "SELECT id, name FROM items WHERE n = $1 ORDER BY id";
  std::vector<std::int64_t> ids;
  std::size_t inner_rows = 0;
  t_->db().read([&](Connection& c) {
    antq::db::each_row(c, sql, {std::int64_t{3}}, [&](const Row& r) {
      ids.push_back(r.integer(0));
      EXPECT_EQ(r.text(1), "mục " + std::to_string(r.integer(0)));
      // The same text while the outer statement is still stepping: it must not reset the outer one.
      if (ids.size() == 2) inner_rows = c.query(sql, 3).rows.size();
    });
  });
  std::vector<std::int64_t> want;
  for (int i = 1; i <= 300; ++i)
    if (i % 7 == 3) want.push_back(i);
  EXPECT_EQ(ids, want);
  EXPECT_EQ(inner_rows, want.size());
}

TEST_P(RowStreamTest, ManyPlaceholdersAnswerTheSameEveryTime) {
  // An IN list with one placeholder per record (a page, an export): each length is its own text.
  for (int round = 0; round < 3; ++round) {
    for (const int n : {5, 150, 300}) {
      std::string in;
      std::vector<antq::db::Value> p;
      for (int i = 1; i <= n; ++i) {
        p.emplace_back(std::int64_t{i});
        in += (in.empty() ? "$" : ", $") + std::to_string(i);
      }
      const auto r =
          t_->db().read_value([&](Connection& c) { return c.execute("SELECT COUNT(*), SUM(id) FROM items WHERE id IN (" + in + ")", p); });
      EXPECT_EQ(r.rows[0].integer(0), n);
      EXPECT_EQ(r.rows[0].integer(1), std::int64_t{n} * (n + 1) / 2);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, RowStreamTest, ::testing::ValuesIn(antq::test::engines()));

TEST(SqliteStatementCache, ThousandsOfDistinctTextsDoNotAccumulate) {
  // Before the bound, every text ever run stayed prepared on its connection: 3000 texts here
  // kept several MiB; with the bound the cache holds at most 256 statements.
  TestDatabase t("sqlite");
  t.db().write([](Connection& c) { c.execute_script("CREATE TABLE items (id INTEGER PRIMARY KEY, n INTEGER)"); });
  auto run = [&](int from, int to) {
    t.db().read([&](Connection& c) {
      for (int k = from; k < to; ++k) c.query("SELECT n FROM items WHERE id = $1 + " + std::to_string(k) + " AND n IS NOT NULL", k);
    });
  };
  run(0, 300);  // the cache full
  const auto before = sqlite3_memory_used();
  ASSERT_GT(before, 0) << "SQLite built without memory statistics: this test cannot measure";
  run(300, 3300);
  const auto grown = sqlite3_memory_used() - before;
  EXPECT_LT(grown, 512 * 1024) << "3000 distinct statements left " << grown << " bytes behind";
}
