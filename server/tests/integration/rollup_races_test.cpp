// The rollup folder against what happens while it works. A writer that commits late on
// PostgreSQL (READ COMMITTED writes, ids from a sequence handed out before commit): its transaction
// is held open with an uncommitted placeholder in the bucket the folder writes next, so the folder
// waits exactly there and the test decides when the writer commits. Another folder, or a fold that
// fails, between a fold's first and last transactions: the folder's database pauses (or fails)
// before its last one. Each race is certain, not likely; afterwards the maintained rollup must
// equal a rebuild.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <thread>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/units/units_dataset.hpp"
#include "support/test_database.hpp"

using namespace antq;
using antq::test::TestDatabase;

namespace {

const char* const kUnits =
    "code,name,level,parent_code,full_name,unit_type\n"
    "51,Quảng Ngãi,province,,Tỉnh Quảng Ngãi,Tỉnh\n"
    "21220,Sơn Tịnh,commune,51,Xã Sơn Tịnh,Xã\n";

void add_mediation(db::Connection& c, std::int64_t unit, const std::string& day) {
  c.query(
      "INSERT INTO mediations (unit_id, received_on, dispute_type, outcome, created_by, created_at, updated_at) "
      "VALUES ($1, $2, 'land', 'successful', 'test', 'x', 'x')",
      unit, day);
}

void add_model(db::Connection& c, std::int64_t unit, const std::string& from, const std::optional<std::string>& to) {
  c.query(
      "INSERT INTO models (unit_id, name, kind, field, started_on, ended_on, created_by, created_at, updated_at) "
      "VALUES ($1, 'Mô hình', 'model', 'camera', $2, $3, 'test', 'x', 'x')",
      unit, from, to);
}

// An uncommitted row where the folder will write the country's bucket of `day`: its upsert waits
// for this transaction.
void hold_bucket(db::Connection& c, const std::string& day) {
  c.query("INSERT INTO rollup_buckets (node_id, grain, bucket, data) VALUES (0, 'd', $1, '')", day);
}

// A write transaction held open on a thread of its own until commit() or roll_back().
class HeldWrite {
 public:
  HeldWrite(db::Database& db, std::function<void(db::Connection&)> work) {
    std::promise<void> ready;
    auto started = ready.get_future();
    thread_ = std::thread([this, &db, work = std::move(work), ready = std::move(ready)]() mutable {
      struct RolledBack {};
      try {
        db.write([&](db::Connection& c) {
          work(c);
          ready.set_value();
          if (!decision_.get_future().get()) throw RolledBack{};
        });
      } catch (const RolledBack&) {
      } catch (...) {
        try {
          ready.set_exception(std::current_exception());
        } catch (const std::future_error&) {
        }
      }
    });
    started.get();
  }
  ~HeldWrite() { finish(false); }
  void commit() { finish(true); }
  void roll_back() { finish(false); }

 private:
  void finish(bool commit) {
    if (!thread_.joinable()) return;
    decision_.set_value(commit);
    thread_.join();
  }
  std::promise<bool> decision_;
  std::thread thread_;
};

// The database a folder sees, with a pause (or a failure) before its second write transaction: a
// fold's last step, after it took its work and recomputed it.
class GatedDatabase : public db::Database {
 public:
  explicit GatedDatabase(db::Database& real) : real_(real) {}
  db::Engine engine() const override { return real_.engine(); }
  void read(const std::function<void(db::Connection&)>& fn) override { real_.read(fn); }
  void write(const std::function<void(db::Connection&)>& fn) override {
    if (++writes_ == 2) {
      arrived_.set_value();
      if (!gate_.get_future().get()) throw db::DatabaseError("the connection was lost (test)");
    }
    real_.write(fn);
  }
  db::PoolStats stats() const override { return real_.stats(); }
  void wait_until_arrived() { arrived_.get_future().wait(); }
  void open() { gate_.set_value(true); }
  void fail() { gate_.set_value(false); }

 private:
  db::Database& real_;
  int writes_ = 0;
  std::promise<void> arrived_;
  std::promise<bool> gate_;
};

class RollupRacesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    db::migrate(db());
    units::import_units(db(), kUnits, "vn-2tier");
    commune_ =
        db().read_value([](db::Connection& c) { return c.query("SELECT id FROM units WHERE code = '21220'").rows.at(0).integer(0); });
    rollups_ = std::make_unique<reports::Rollups>(db());
    rollups_->fold();  // the migration's request for a first rebuild
  }
  db::Database& db() { return t_->db(); }
  reports::Rollups& rollups() { return *rollups_; }

  // The pid of this test's connection that waits for a lock, once there is one (0: none in 20 s).
  std::int64_t waiting_backend() {
    for (int i = 0; i < 2000; ++i) {
      const auto r = db().read_value([&](db::Connection& c) {
        return c.query("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
                       t_->pg_application_name());
      });
      if (!r.rows.empty()) return r.rows[0].integer(0);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return 0;
  }

  // The maintained rollup equals everything derived again from the records; `fold_first`: after
  // folding what is still pending (a row committed late is pending, legitimately).
  void expect_maintained_equals_rebuild(bool fold_first = true) {
    if (fold_first) rollups().fold();
    EXPECT_FALSE(rollups().pending());
    const auto maintained = db().read_value([&](db::Connection& c) { return rollups().dump(c); });
    rollups().rebuild();
    const auto rebuilt = db().read_value([&](db::Connection& c) { return rollups().dump(c); });
    EXPECT_EQ(maintained, rebuilt);
  }

  std::unique_ptr<TestDatabase> t_;
  std::int64_t commune_ = 0;
  std::unique_ptr<reports::Rollups> rollups_;
};

// Late commits exist on PostgreSQL only: SQLite has one writer, and ids come in commit order.
class RollupLateCommitTest : public RollupRacesTest {};

// Two folders (two servers on one database). The other one took its work before the second
// record was written, this one after; the other applies first, so this one's round backs off.
// fold() must not return with the second record pending: a report folds, then reads.
TEST_P(RollupRacesTest, AFoldThatBacksOffStillFoldsWhatWasPendingWhenItWasCalled) {
  db().write([&](db::Connection& c) { add_mediation(c, commune_, "2024-01-05"); });
  GatedDatabase other_db(db()), this_db(db());
  reports::Rollups other(other_db), mine(this_db);
  auto other_folding = std::async(std::launch::async, [&] { other.fold(); });
  other_db.wait_until_arrived();
  db().write([&](db::Connection& c) { add_mediation(c, commune_, "2024-03-05"); });
  auto folding = std::async(std::launch::async, [&] { mine.fold(); });
  this_db.wait_until_arrived();
  other_db.open();
  other_folding.get();
  this_db.open();
  folding.get();
  expect_maintained_equals_rebuild(false);
}

// A second model merges the commune's coverage: the period that ended on 10 February now runs on,
// so that day's bucket changes although no record of that day did. Only the refresh of the
// coverage knows the day, and the fold fails after that refresh (a lost connection, a crash)
// before it applies. The next fold must still fold that day.
TEST_P(RollupRacesTest, DaysACoverageRefreshTouchedOutliveAFoldThatFailsBeforeApplying) {
  db().write([&](db::Connection& c) { add_model(c, commune_, "2024-01-10", std::string("2024-02-10")); });
  rollups().fold();
  db().write([&](db::Connection& c) { add_model(c, commune_, "2024-02-01", std::nullopt); });
  GatedDatabase failing(db());
  reports::Rollups folder(failing);
  auto folding = std::async(std::launch::async, [&] { folder.fold(); });
  failing.wait_until_arrived();
  failing.fail();
  EXPECT_THROW(folding.get(), db::DatabaseError);
  expect_maintained_equals_rebuild();
}

// A writer takes a dirty row's id, a second writer takes the next one and commits first; the
// folder takes the committed row, and the first writer commits while the folder applies. Its row
// is below everything the folder took, yet the folder never saw it: it must stay pending.
TEST_P(RollupLateCommitTest, ARowCommittedLateDuringAFoldIsFoldedNotDeleted) {
  db().write([&](db::Connection& c) { add_mediation(c, commune_, "2024-01-05"); });
  rollups().fold();
  HeldWrite early(db(), [&](db::Connection& c) {
    add_mediation(c, commune_, "2024-01-20");
    hold_bucket(c, "2024-03-05");
  });
  db().write([&](db::Connection& c) { add_mediation(c, commune_, "2024-03-05"); });
  auto folding = std::async(std::launch::async, [&] { rollups().fold(); });
  ASSERT_NE(waiting_backend(), 0) << "the folder never reached the held bucket";
  early.commit();
  folding.get();
  expect_maintained_equals_rebuild();
}

// The same during a rebuild: the rebuild reads January before the late writer commits.
TEST_P(RollupLateCommitTest, ARowCommittedLateDuringARebuildIsFoldedNotDeleted) {
  db().write([&](db::Connection& c) { add_mediation(c, commune_, "2024-01-05"); });
  rollups().fold();
  HeldWrite early(db(), [&](db::Connection& c) {
    add_mediation(c, commune_, "2024-01-20");
    hold_bucket(c, "2024-03-05");
  });
  db().write([&](db::Connection& c) { add_mediation(c, commune_, "2024-03-05"); });
  auto rebuilding = std::async(std::launch::async, [&] { rollups().rebuild(); });
  ASSERT_NE(waiting_backend(), 0) << "the rebuild never reached the held bucket";
  early.commit();
  rebuilding.get();
  expect_maintained_equals_rebuild();
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, RollupRacesTest, ::testing::ValuesIn(antq::test::engines()));
INSTANTIATE_TEST_SUITE_P(Engines, RollupLateCommitTest, ::testing::ValuesIn(antq::test::server_engines()));
