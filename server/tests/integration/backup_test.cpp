// `antq backup` and `antq restore` on both engines (issue 14, part 4). A backup taken while
// another connection keeps writing restores into a new database as one snapshot: every table's
// rows are the source's at that moment (a write is in it whole or not at all), the audit chain
// verifies, every sealed field opens with the key written beside it; a backup of the quiet
// database restores identical, report figures included. Bad input fails in Vietnamese, exit ≠ 0,
// and writes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/crypto.hpp"
#include "core/keyring.hpp"
#include "integration/backup_support.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/backup/sealed_columns.hpp"
#include "modules/backup/table_catalog.hpp"
#include "modules/reports/rollups.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;

namespace {

// Writes in a loop on its own connections until stopped: each transaction copies an activity
// (the rollup triggers fire) and records an audit entry naming the copy (the chain grows).
class WriteLoad {
 public:
  WriteLoad(TestDatabase& t, const crypto::Keyring& keys) : db_(t.open_again()), log_(keys) {
    std::string cols;
    db_->read([&](db::Connection& c) {
      for (const auto& table : backup::list_tables(c)) {
        if (table.name != "activities") continue;
        for (const auto& col : table.columns) {
          if (col != "id") cols += (cols.empty() ? "" : ", ") + col;
        }
      }
      source_id_ = c.query("SELECT min(id) FROM activities").rows[0].integer(0);
    });
    copy_sql_ = "INSERT INTO activities (" + cols + ") SELECT " + cols + " FROM activities WHERE id = $1 RETURNING id";
    thread_ = std::thread([this] {
      while (!stop_) {
        db_->write([&](db::Connection& c) {
          const auto id = c.query(copy_sql_, source_id_).rows[0].integer(0);
          log_.record(c, {"load", "load.write", "activity", std::to_string(id), "", "", "", "", "{}"});
        });
        ++writes_;
      }
    });
  }
  ~WriteLoad() { stop(); }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int writes() const { return writes_; }
  void wait_for(int n) const {
    for (int i = 0; i < 2000 && writes_ < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

 private:
  std::unique_ptr<db::Database> db_;
  audit::AuditLog log_;
  std::string copy_sql_;
  std::int64_t source_id_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> writes_{0};
  std::thread thread_;
};

std::vector<std::pair<std::string, std::string>> key_env(const std::string& hex) { return {{"ANTQ_DATA_KEY", hex}}; }

std::set<std::string> column_values(db::Database& db, const std::string& sql) {
  std::set<std::string> out;
  db.read([&](db::Connection& c) {
    for (const auto& r : c.query(sql).rows) out.insert(r.text(0));
  });
  return out;
}

// Every sealed value of the listed columns, opened with `keys` (personal data and credentials
// alike): "table.column#row" → clear text. A value that does not open fails the test.
std::map<std::string, std::string> opened_sealed(db::Database& db, const crypto::Keyring& keys) {
  std::map<std::string, std::string> out;
  db.read([&](db::Connection& c) {
    for (const auto& t : backup::list_tables(c)) {
      std::int64_t row = 0;
      backup::each_table_row(c, t, [&](const db::Row& r) {
        ++row;
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          const auto* s = backup::sealed_column(t.name, t.columns[i]);
          if (!s || r.is_null(i) || !r.text(i).starts_with("v1.")) continue;
          const auto plain = keys.open(r.text(i), s->purpose);
          EXPECT_TRUE(plain.has_value()) << t.name << "." << t.columns[i] << " row " << row;
          out[t.name + "." + t.columns[i] + "#" + std::to_string(row)] = plain.value_or("");
        }
      });
    }
  });
  return out;
}

std::map<std::string, reports::Figures> figures(db::Database& db) {
  reports::Rollups rollups(db);
  rollups.fold();
  return db.read_value([&](db::Connection& c) { return rollups.dump(c); });
}

}  // namespace

class BackupTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    key_hex_ = crypto::random_hex(32);
    keys_ = crypto::Keyring::from_hex(key_hex_);
    source_ = std::make_unique<TestDatabase>(GetParam(), true);
    seed_everything(source_->db(), keys_);
  }
  std::string file(const std::string& name) const { return (source_->dir() / name).string(); }
  CliRun antq(const std::vector<std::string>& args) const { return run_antq(args, key_env(key_hex_)); }

  std::string key_hex_;
  crypto::Keyring keys_;
  std::unique_ptr<TestDatabase> source_;
};

INSTANTIATE_TEST_SUITE_P(Engines, BackupTest, ::testing::ValuesIn(antq::test::engines()));

TEST_P(BackupTest, BackupUnderWriteLoadRestoresOneSnapshotAndAQuietOneIdentically) {
  const auto figures_before = figures(source_->db());  // folds what the seed left pending: before the rows are read
  const auto before = all_rows(source_->db());
  const auto last_activity =
      source_->db().read_value([](db::Connection& c) { return c.query("SELECT max(id) FROM activities").rows[0].integer(0); });
  std::int64_t writes_at_backup = 0, writes_after = 0;
  CliRun backup;
  {
    WriteLoad load(*source_, keys_);
    load.wait_for(20);
    writes_at_backup = load.writes();
    backup = antq({"backup", "--db", source_->url(), "--out", file("under-load.bak"), "--with-key"});
    load.wait_for(load.writes() + 20);
    load.stop();
    writes_after = load.writes();
  }
  ASSERT_EQ(backup.code, 0) << backup.err;
  EXPECT_NE(backup.out.find("Đã sao lưu"), std::string::npos) << backup.out;
  EXPECT_NE(backup.out.find("under-load.bak.key"), std::string::npos) << backup.out;
  EXPECT_GT(writes_after, writes_at_backup) << "the load went on after the backup";

  TestDatabase restored(GetParam(), true);
  const auto restore = antq({"restore", "--from", file("under-load.bak"), "--db", restored.url()});
  ASSERT_EQ(restore.code, 0) << restore.err;
  EXPECT_NE(restore.out.find("Đã khôi phục"), std::string::npos) << restore.out;

  // One snapshot: every table of the restored database is the source's at one moment, between
  // the seed and the end of the load: untouched tables identical, written ones a prefix.
  const auto after = all_rows(source_->db());
  const auto got = all_rows(restored.db());
  ASSERT_EQ(got.size(), after.size());
  for (const auto& [table, rows] : got) {
    const auto& full = after.at(table);
    EXPECT_TRUE(std::includes(full.begin(), full.end(), rows.begin(), rows.end())) << table << ": a row the source never held";
    if (before.at(table) == full) EXPECT_EQ(rows, full) << table;
    EXPECT_TRUE(std::includes(rows.begin(), rows.end(), before.at(table).begin(), before.at(table).end())) << table;
  }
  // Each write is whole or absent: the copies of the activity and their audit entries match.
  const auto copies = column_values(restored.db(), "SELECT CAST(id AS TEXT) FROM activities WHERE id > " + std::to_string(last_activity));
  const auto audited = column_values(restored.db(), "SELECT entity_id FROM audit_log WHERE action = 'load.write'");
  EXPECT_EQ(copies, audited);
  EXPECT_GE(static_cast<std::int64_t>(audited.size()), writes_at_backup);
  EXPECT_LT(static_cast<std::int64_t>(audited.size()), writes_after);

  const auto verify = antq({"audit", "verify", "--db", restored.url()});
  EXPECT_EQ(verify.code, 0) << verify.out << verify.err;
  // The key written beside the backup opens every sealed field.
  const auto key_copy = crypto::Keyring::from_file(file("under-load.bak.key"));
  EXPECT_FALSE(opened_sealed(restored.db(), key_copy).empty());

  // Quiet now: a second backup restores identical, figures and sealed fields included.
  ASSERT_EQ(antq({"backup", "--db", source_->url(), "--out", file("quiet.bak")}).code, 0);
  TestDatabase second(GetParam(), true);
  ASSERT_EQ(antq({"restore", "--from", file("quiet.bak"), "--db", second.url()}).code, 0);
  EXPECT_EQ(all_rows(second.db()), after);
  EXPECT_EQ(opened_sealed(second.db(), key_copy), opened_sealed(source_->db(), keys_));
  EXPECT_EQ(antq({"audit", "verify", "--db", second.url()}).code, 0);
  const auto source_figures = figures(source_->db());
  EXPECT_NE(source_figures, figures_before) << "the load's activities count in the figures";
  EXPECT_EQ(figures(second.db()), source_figures);
}

TEST_P(BackupTest, WithoutWithKeyTheKeyStaysApartAndTheMessageSaysWhere) {
  const auto r = antq({"backup", "--db", source_->url(), "--out", file("b.bak")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(file("b.bak.key")));
  EXPECT_NE(r.out.find("KHÔNG chứa khóa dữ liệu"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ANTQ_DATA_KEY"), std::string::npos) << r.out;
  EXPECT_EQ(read_whole_file(file("b.bak")).find(key_hex_), std::string::npos);
}

TEST_P(BackupTest, RestoreRefusesANonEmptyDatabaseAndChangesNothing) {
  ASSERT_EQ(antq({"backup", "--db", source_->url(), "--out", file("b.bak")}).code, 0);
  const auto before = all_rows(source_->db());
  const auto r = antq({"restore", "--from", file("b.bak"), "--db", source_->url()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("không trống"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("chỉ khôi phục vào CSDL trống"), std::string::npos) << r.err;
  EXPECT_EQ(all_rows(source_->db()), before);
}

TEST_P(BackupTest, BadBackupFilesAreRefusedInVietnameseAndNothingIsWritten) {
  TestDatabase target(GetParam(), true);
  const bool sqlite = GetParam() == "sqlite";
  auto tables = [&] { return all_rows(target.db()).size(); };
  auto expect_refused = [&](const std::string& from, const std::string& words) {
    const auto r = antq({"restore", "--from", from, "--db", target.url()});
    EXPECT_EQ(r.code, 1) << from;
    EXPECT_NE(r.err.find(words), std::string::npos) << from << ": " << r.err;
    EXPECT_EQ(tables(), 0u) << from;
  };
  expect_refused(file("missing.bak"), "Không tìm thấy tệp sao lưu");
  std::ofstream(file("garbage.bak")) << crypto::random_bytes(5000);
  expect_refused(file("garbage.bak"), "không phải bản sao lưu ANTQ");
  // A file that starts like a backup of this engine but is broken after its first bytes.
  std::ofstream(file("broken.bak"), std::ios::binary)
      << (sqlite ? std::string("SQLite format 3\0", 16) : std::string("PGDMP")) << std::string(8192, 'x');
  expect_refused(file("broken.bak"), sqlite ? "không đọc được như CSDL SQLite" : "không đọc được như bản sao lưu PostgreSQL");
  // A backup of the other engine.
  std::ofstream(file("other.bak"), std::ios::binary)
      << (sqlite ? std::string("PGDMP") : std::string("SQLite format 3\0", 16)) << std::string(8192, 'x');
  expect_refused(file("other.bak"), sqlite ? "là của PostgreSQL" : "là của SQLite");
  // A database of the right engine that is not an ANTQ backup.
  if (sqlite) {
    TestDatabase other("sqlite");
    other.db().write([](db::Connection& c) { c.execute_script("CREATE TABLE t (x INTEGER)"); });
    expect_refused(other.url().substr(7), "không phải bản sao lưu ANTQ");
  }
}

TEST_P(BackupTest, BackupRefusesAnExistingFileAMissingDatabaseAndAMissingKey) {
  std::ofstream(file("exists.bak")) << "keep me";
  auto r = antq({"backup", "--db", source_->url(), "--out", file("exists.bak")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("đã có"), std::string::npos) << r.err;
  EXPECT_EQ(read_whole_file(file("exists.bak")), "keep me");

  r = antq({"backup", "--db", source_->url(), "--out", file("no-such-dir/b.bak")});
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_FALSE(std::filesystem::exists(file("no-such-dir")));

  r = run_antq({"backup", "--db", source_->url(), "--out", file("nokey.bak"), "--with-key"}, {{"ANTQ_DATA_KEY_FILE", file("none.key")}});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("Không tìm thấy tệp khóa dữ liệu"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(file("nokey.bak")));

  if (GetParam() == "sqlite") {
    r = antq({"backup", "--db", "sqlite:" + file("nothing.db"), "--out", file("n.bak")});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("Không tìm thấy CSDL SQLite"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(file("nothing.db")));
  }
}
