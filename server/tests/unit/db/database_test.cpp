#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "core/errors.hpp"
#include "db/migrations.hpp"
#include "support/test_database.hpp"

using antq::db::Connection;
using antq::test::TestDatabase;

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    t_->db().write([](Connection& c) {
      c.execute_script("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER, x DOUBLE PRECISION)");
    });
  }
  std::unique_ptr<TestDatabase> t_;
};

TEST_P(DatabaseTest, PlaceholdersBindByNumberNotByOrderOfAppearance) {
  // SQLite numbers "$N" by first appearance unless rewritten; "$2 … $1" must still mean what it says.
  t_->db().write([](Connection& c) { c.query("INSERT INTO items (id, name, n) VALUES ($2, $1, $3)", "một", 7, 42); });
  auto r = t_->db().read_value([](Connection& c) { return c.query("SELECT id, name, n FROM items WHERE n = $1", 42); });
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].integer(0), 7);
  EXPECT_EQ(r.rows[0].text(1), "một");
}

TEST_P(DatabaseTest, TypesAndNullsRoundTrip) {
  t_->db().write([](Connection& c) {
    c.query("INSERT INTO items (id, name, n, x) VALUES ($1, $2, $3, $4)", 1, "Sơn Tịnh", nullptr, 2.5);
    c.query("INSERT INTO items (id, name, n, x) VALUES ($1, $2, $3, $4)", 2, "O'Brien \"quoted\" $1", std::optional<int>(5), 0.0);
  });
  auto r = t_->db().read_value([](Connection& c) { return c.query("SELECT name, n, x FROM items ORDER BY id"); });
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].text(0), "Sơn Tịnh");
  EXPECT_TRUE(r.rows[0].is_null(1));
  EXPECT_DOUBLE_EQ(r.rows[0].real(2), 2.5);
  EXPECT_EQ(r.rows[1].text(0), "O'Brien \"quoted\" $1");
  EXPECT_EQ(r.rows[1].integer(1), 5);
  auto sum = t_->db().read_value([](Connection& c) { return c.query("SELECT SUM(n), COUNT(*) FROM items"); });
  EXPECT_EQ(sum.rows[0].integer(0), 5);
  EXPECT_EQ(sum.rows[0].integer(1), 2);
}

TEST_P(DatabaseTest, UniqueViolationIsTyped) {
  t_->db().write([](Connection& c) { c.query("INSERT INTO items (id, name) VALUES (1, $1)", "a"); });
  EXPECT_THROW(t_->db().write([](Connection& c) { c.query("INSERT INTO items (id, name) VALUES (2, $1)", "a"); }),
               antq::db::UniqueViolation);
}

// execute_each: on PostgreSQL a pipeline, 32 statements a sync; more than two syncs' worth here.
TEST_P(DatabaseTest, ExecuteEachAnswersEveryParameterListInOrder) {
  t_->db().write([](Connection& c) {
    for (int i = 1; i <= 100; ++i) c.query("INSERT INTO items (id, name, n) VALUES ($1, $2, $3)", i, "item " + std::to_string(i), i * 10);
  });
  std::vector<std::vector<antq::db::Value>> ranges;
  for (std::int64_t lo = 1; lo <= 75; ++lo) ranges.push_back({lo, lo % 5 == 0 ? lo - 1 : lo + 2});  // every fifth empty
  const auto results = t_->db().read_value(
      [&](Connection& c) { return c.execute_each("SELECT id, n FROM items WHERE id >= $1 AND id <= $2 ORDER BY id", ranges); });
  ASSERT_EQ(results.size(), ranges.size());
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    const auto lo = static_cast<std::int64_t>(k) + 1;
    if (lo % 5 == 0) {
      EXPECT_TRUE(results[k].rows.empty()) << lo;
      continue;
    }
    ASSERT_EQ(results[k].rows.size(), static_cast<std::size_t>(std::min<std::int64_t>(lo + 2, 100) - lo + 1)) << lo;
    EXPECT_EQ(results[k].rows.front().integer(0), lo);
    EXPECT_EQ(results[k].rows.back().integer(1), (lo + 2) * 10);
  }
  EXPECT_TRUE(t_->db().read_value([](Connection& c) { return c.execute_each("SELECT 1", {}); }).empty());
}

TEST_P(DatabaseTest, ExecuteEachFailsAsExecuteWouldAndLeavesTheConnectionUsable) {
  t_->db().write([](Connection& c) { c.query("INSERT INTO items (id, name) VALUES (1000, 'taken')"); });
  std::vector<std::vector<antq::db::Value>> rows;
  for (std::int64_t i = 1; i <= 50; ++i) rows.push_back({i, i == 40 ? std::string("taken") : "new " + std::to_string(i)});
  // The 40th statement of the second sync fails: the statements after it are not run, the
  // transaction rolls back, and the error is the one execute() gives.
  EXPECT_THROW(t_->db().write([&](Connection& c) { c.execute_each("INSERT INTO items (id, name) VALUES ($1, $2)", rows); }),
               antq::db::UniqueViolation);
  for (int round = 0; round < 3; ++round) {  // the pool's connections: none is left in a pipeline
    const auto n = t_->db().read_value([](Connection& c) { return c.query("SELECT COUNT(*) FROM items").rows[0].integer(0); });
    EXPECT_EQ(n, 1);
  }
  t_->db().write([&](Connection& c) {
    rows[39] = {std::int64_t{40}, std::string("new 40")};
    EXPECT_EQ(c.execute_each("INSERT INTO items (id, name) VALUES ($1, $2)", rows).size(), 50u);
  });
  EXPECT_EQ(t_->db().read_value([](Connection& c) { return c.query("SELECT COUNT(*) FROM items").rows[0].integer(0); }), 51);
}

TEST_P(DatabaseTest, FailedTransactionLeavesNothingBehind) {
  EXPECT_THROW(t_->db().write([](Connection& c) {
    c.query("INSERT INTO items (id, name) VALUES (1, 'x')");
    throw std::runtime_error("business rule failed");
  }),
               std::runtime_error);
  auto n = t_->db().read_value([](Connection& c) { return c.query("SELECT COUNT(*) FROM items").rows[0].integer(0); });
  EXPECT_EQ(n, 0);
  // The connection is usable afterwards.
  t_->db().write([](Connection& c) { c.query("INSERT INTO items (id, name) VALUES (1, 'x')"); });
}

TEST_P(DatabaseTest, AnotherHandleSeesCommittedWritesAtOnce) {
  // The CLI may write while a server runs: the server must not read stale data.
  auto other = t_->open_again();
  other->write([](Connection& c) { c.query("INSERT INTO items (id, name) VALUES (1, 'from-cli')"); });
  auto r = t_->db().read_value([](Connection& c) { return c.query("SELECT name FROM items"); });
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].text(0), "from-cli");
}

TEST_P(DatabaseTest, ConcurrentWritersAllLand) {
  constexpr int kThreads = 4, kEach = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        try {
          t_->db().write([&](Connection& c) {
            auto next = c.query("SELECT COALESCE(MAX(id), 0) + 1 FROM items").rows[0].integer(0);
            c.query("INSERT INTO items (id, name, n) VALUES ($1, $2, $3)", next, "t" + std::to_string(t) + "-" + std::to_string(i), t);
          });
        } catch (const antq::db::UniqueViolation&) {
          // PostgreSQL's read committed can race on MAX(id): that is a conflict, not data loss.
          --i;
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto n = t_->db().read_value([](Connection& c) { return c.query("SELECT COUNT(*) FROM items").rows[0].integer(0); });
  EXPECT_EQ(n, kThreads * kEach);
}

TEST_P(DatabaseTest, ConcurrentWritersFailAlone) {
  // Under load SQLite commits many writers in one transaction (group commit): a writer that fails
  // must lose only its own rows and get its own error, and every other writer's rows must land.
  constexpr int kThreads = 16, kEach = 40;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, refused{0}, other{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string name = "w" + std::to_string(t) + "-" + std::to_string(i);
        try {
          t_->db().write([&](Connection& c) {
            const int id = (t * kEach + i) * 2 + 1;
            c.query("INSERT INTO items (id, name, n) VALUES ($1, $2, $3)", id, name, t);
            c.query("INSERT INTO items (id, name, n) VALUES ($1, $2, $3)", id + 1, name + "-b", t);
            if (i % 5 == 0) throw antq::RuleViolation("refused " + name);
          });
          ++ok;
        } catch (const antq::RuleViolation& e) {
          if (std::string(e.what()).find(name) == std::string::npos) ++other;  // someone else's error
          ++refused;
        } catch (const std::exception&) {
          ++other;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(refused.load(), kThreads * kEach / 5);
  auto n = t_->db().read_value([](Connection& c) { return c.query("SELECT COUNT(*) FROM items").rows[0].integer(0); });
  EXPECT_EQ(n, 2 * ok.load());
  auto bad = t_->db().read_value([](Connection& c) {
    return c.query("SELECT COUNT(*) FROM items WHERE name LIKE 'w%-0' OR name LIKE 'w%-0-b' OR name LIKE 'w%-5'").rows[0].integer(0);
  });
  EXPECT_EQ(bad, 0);
}

TEST_P(DatabaseTest, MigrationsApplyOnceAndAreRecorded) {
  auto first = antq::db::migrate(t_->db());
  EXPECT_FALSE(first.applied.empty());
  EXPECT_GT(antq::db::schema_version(t_->db()), 0);
  auto second = antq::db::migrate(t_->db());
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.current_version, first.current_version);
}

TEST_P(DatabaseTest, ChangedMigrationIsRefused) {
  antq::db::migrate(t_->db());
  t_->db().write([](Connection& c) { c.query("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1"); });
  EXPECT_THROW(antq::db::migrate(t_->db()), antq::OperatorError);
}

TEST_P(DatabaseTest, UnknownNewerMigrationIsRefused) {
  antq::db::migrate(t_->db());
  t_->db().write([](Connection& c) {
    c.query("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'future', 'x', 'now')");
  });
  EXPECT_THROW(antq::db::migrate(t_->db()), antq::OperatorError);
}

// PostgreSQL only: SQLite has no server that could drop a connection.
class PostgresPoolTest : public DatabaseTest {};

TEST_P(PostgresPoolTest, SurvivesConnectionsKilledByTheServer) {
  // Fill the pool, then have PostgreSQL terminate every connection of this test (as a restart does).
  for (int i = 0; i < 3; ++i) t_->db().read([](Connection& c) { c.query("SELECT 1"); });
  auto admin = antq::db::open(std::getenv("ANTQ_TEST_PG_URL"));
  admin->write([&](Connection& c) {
    c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", t_->pg_application_name());
  });
  for (int i = 0; i < 10; ++i) {
    auto n = t_->db().read_value([](Connection& c) { return c.query("SELECT COUNT(*) FROM items").rows[0].integer(0); });
    EXPECT_EQ(n, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::ValuesIn(antq::test::engines()));
INSTANTIATE_TEST_SUITE_P(Engines, PostgresPoolTest, ::testing::ValuesIn(antq::test::server_engines()));
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresPoolTest);

TEST(DatabaseUrl, RejectsUnknownSchemesAndHidesPasswords) {
  EXPECT_THROW(antq::db::open("mysql://x"), antq::OperatorError);
  EXPECT_EQ(antq::db::redact_url("postgresql://u:secret@h:5432/d"), "postgresql://u:***@h:5432/d");
}
