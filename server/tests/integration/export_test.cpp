// `antq export` and GET /api/v1/system/export on both engines (issue 14, part 3): every table of
// the database as CSV and JSON Lines with a manifest whose counts and SHA-256 match the files;
// sealed fields sealed unless --decrypt with the key (audited; credentials stay sealed); the web
// export for national administrators only. And the registry of sealed columns is complete: a
// column holding sealed values that is not listed fails here.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/crypto.hpp"
#include "integration/backup_support.hpp"
#include "integration/server_fixture.hpp"
#include "modules/backup/sealed_columns.hpp"
#include "modules/backup/table_catalog.hpp"
#include "modules/demo/demo_seed.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

// The manifest matches the files and the database: names, counts, hashes, columns.
void expect_complete(const std::map<std::string, std::string>& zip, db::Database& db) {
  ASSERT_TRUE(zip.count("manifest.json"));
  const auto manifest = bj::parse(zip.at("manifest.json")).as_object();
  EXPECT_EQ(manifest.at("format").as_string(), "antq-export");
  EXPECT_GT(manifest.at("schema_version").as_int64(), 20);
  std::vector<backup::TableInfo> tables;
  db.read([&](db::Connection& c) { tables = backup::list_tables(c); });
  const auto& listed = manifest.at("tables").as_array();
  ASSERT_EQ(listed.size(), tables.size());
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& t = listed[i].as_object();
    EXPECT_EQ(t.at("name").as_string(), tables[i].name);
    const auto count = db.read_value(
        [&](db::Connection& c) { return c.query("SELECT count(*) FROM " + backup::quote_identifier(tables[i].name)).rows[0].integer(0); });
    EXPECT_EQ(t.at("rows").as_int64(), count) << tables[i].name;
    for (const char* kind : {"csv", "jsonl"}) {
      const auto& f = t.at("files").at(kind).as_object();
      const std::string path(f.at("path").as_string());
      ASSERT_TRUE(zip.count(path)) << path;
      EXPECT_EQ(f.at("sha256").as_string(), crypto::sha256_hex(zip.at(path))) << path;
      EXPECT_EQ(f.at("bytes").as_int64(), static_cast<std::int64_t>(zip.at(path).size())) << path;
    }
    const std::string& jsonl = zip.at("jsonl/" + tables[i].name + ".jsonl");
    EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), count) << tables[i].name;
    const std::string& csv = zip.at("csv/" + tables[i].name + ".csv");
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << tables[i].name;
    EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3).find("\"" + tables[i].columns[0] + "\""), 0u) << tables[i].name;
  }
}

// The JSON objects of one table's JSON Lines file.
std::vector<bj::object> lines(const std::map<std::string, std::string>& zip, const std::string& table) {
  std::vector<bj::object> out;
  std::istringstream in(zip.at("jsonl/" + table + ".jsonl"));
  for (std::string line; std::getline(in, line);) out.push_back(bj::parse(line).as_object());
  return out;
}

}  // namespace

class ExportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
    keys_ = crypto::Keyring::from_hex(s_->config().data_key);
    audit::AuditLog log(keys_);
    demo::seed_demo(s_->database().db(), keys_, log);
  }
  std::string file(const std::string& name) const { return (s_->database().dir() / name).string(); }
  CliRun antq(const std::vector<std::string>& args) const { return run_antq(args, {{"ANTQ_DATA_KEY", s_->config().data_key}}); }
  std::int64_t audited(const std::string& action) {
    return s_->database().db().read_value(
        [&](db::Connection& c) { return c.query("SELECT count(*) FROM audit_log WHERE action = $1", action).rows[0].integer(0); });
  }
  std::unique_ptr<ServerFixture> s_;
  crypto::Keyring keys_;
};

INSTANTIATE_TEST_SUITE_P(Engines, ExportTest, ::testing::ValuesIn(antq::test::engines()));

TEST_P(ExportTest, EveryTableAsCsvAndJsonLinesWithSealedFieldsSealed) {
  const auto r = antq({"export", "--db", s_->database().url(), "--out", file("all.zip")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("vẫn niêm phong"), std::string::npos) << r.out;
  const auto zip = read_zip(file("all.zip"));
  expect_complete(zip, s_->database().db());
  EXPECT_EQ(bj::parse(zip.at("manifest.json")).at("sealed_fields").as_string(), "sealed");
  int sealed = 0;
  for (const auto& row : lines(zip, "tips")) {
    if (!row.at("reporter_sealed").is_null()) {
      EXPECT_TRUE(row.at("reporter_sealed").as_string().starts_with("v1.")) << row;
      ++sealed;
    }
  }
  EXPECT_GT(sealed, 0);
  for (const auto& row : lines(zip, "reintegration_people")) EXPECT_TRUE(row.at("name").as_string().starts_with("v1.")) << row;
  EXPECT_EQ(audited("export.full"), 1);
  EXPECT_FALSE(std::filesystem::exists(file("all.zip.part")));
}

TEST_P(ExportTest, DecryptOpensPersonalDataWithTheKeyIsAuditedAndKeepsCredentialsSealed) {
  // A TOTP secret (a credential) to see it stay sealed.
  s_->database().db().write([&](db::Connection& c) {
    c.query("UPDATE users SET totp_pending = $1 WHERE username = 'quantri'", keys_.seal("JBSWY3DPEHPK3PXP", "totp-secret"));
  });
  const auto r = antq({"export", "--db", s_->database().url(), "--out", file("clear.zip"), "--decrypt"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto zip = read_zip(file("clear.zip"));
  expect_complete(zip, s_->database().db());
  EXPECT_EQ(bj::parse(zip.at("manifest.json")).at("sealed_fields").as_string(), "decrypted");
  int opened = 0;
  for (const auto& row : lines(zip, "tips")) {
    if (row.at("reporter_sealed").is_null()) continue;
    const auto reporter = bj::parse(row.at("reporter_sealed").as_string()).as_object();
    EXPECT_TRUE(reporter.contains("name"));
    ++opened;
  }
  EXPECT_GT(opened, 0);
  for (const auto& row : lines(zip, "reintegration_people")) EXPECT_FALSE(row.at("name").as_string().starts_with("v1.")) << row;
  for (const auto& row : lines(zip, "users")) {
    if (row.at("username").as_string() == "quantri") EXPECT_TRUE(row.at("totp_pending").as_string().starts_with("v1."));
  }
  EXPECT_EQ(audited("export.decrypted"), 1);
  EXPECT_EQ(antq({"audit", "verify", "--db", s_->database().url()}).code, 0);
}

TEST_P(ExportTest, BadExportsFailInVietnameseAndWriteNothing) {
  // --decrypt without the key.
  auto r =
      run_antq({"export", "--db", s_->database().url(), "--out", file("x.zip"), "--decrypt"}, {{"ANTQ_DATA_KEY_FILE", file("none.key")}});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--decrypt cần khóa dữ liệu"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(file("x.zip")));
  // --decrypt with a key that is not this database's: refused before anything is signed or read.
  r = run_antq({"export", "--db", s_->database().url(), "--out", file("x.zip"), "--decrypt"}, {{"ANTQ_DATA_KEY", crypto::random_hex(32)}});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("không phải khóa của CSDL này"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(file("x.zip")));
  EXPECT_FALSE(std::filesystem::exists(file("x.zip.part")));
  EXPECT_EQ(antq({"audit", "verify", "--db", s_->database().url()}).code, 0);
  // An existing file is not overwritten; a missing folder is said.
  std::ofstream(file("keep.zip")) << "keep";
  r = antq({"export", "--db", s_->database().url(), "--out", file("keep.zip")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("đã có"), std::string::npos) << r.err;
  EXPECT_EQ(read_whole_file(file("keep.zip")), "keep");
  r = antq({"export", "--db", s_->database().url(), "--out", file("no-dir/x.zip")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("Không ghi được tệp"), std::string::npos) << r.err;
  // Without the key a plain export still works (nothing is opened, nothing can be signed).
  r = run_antq({"export", "--db", s_->database().url(), "--out", file("plain.zip")}, {{"ANTQ_DATA_KEY_FILE", file("none.key")}});
  EXPECT_EQ(r.code, 0) << r.err;
  // None of these is on the record as an export made.
  EXPECT_EQ(audited("export.full") + audited("export.decrypted"), 0);
  if (GetParam() == "sqlite") {
    r = antq({"export", "--db", "sqlite:" + file("nothing.db"), "--out", file("n.zip")});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("Không tìm thấy CSDL SQLite"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(file("nothing.db")));
  }
}

TEST_P(ExportTest, TheWebExportIsForNationalAdministratorsOnly) {
  auto r = request(s_->port(), "GET", "/api/v1/system/export", "", bearer(s_->commune_admin()));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("quản trị viên toàn quốc"), std::string::npos) << r.body;
  r = request(s_->port(), "GET", "/api/v1/system/export", "", bearer(s_->add_user("canbo", "police_officer", std::string("21220"))));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(get(s_->port(), "/api/v1/system/export").status, 401);
  EXPECT_EQ(audited("export.full"), 0);

  r = request(s_->port(), "GET", "/api/v1/system/export", "", bearer(s_->national_admin()));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(r.header("content-type"), "application/zip");
  EXPECT_NE(r.header("content-disposition").find("antq-du-lieu_toan-quoc_"), std::string::npos);
  std::ofstream(file("web.zip"), std::ios::binary) << r.body;
  const auto zip = read_zip(file("web.zip"));
  expect_complete(zip, s_->database().db());
  EXPECT_EQ(audited("export.full"), 1);
  const auto who = s_->database().db().read_value(
      [](db::Connection& c) { return c.query("SELECT actor FROM audit_log WHERE action = 'export.full'").rows[0].text(0); });
  EXPECT_EQ(who, "quantri");
}

// Every column whose values are sealed with the data key is in the registry (a new sealed column
// not listed would leave the export unable to open it), and every listed column opens with its
// purpose (a wrong purpose would make --decrypt fail).
TEST_P(ExportTest, TheRegistryListsEverySealedColumnWithItsPurpose) {
  const std::string prefix = "v1." + keys_.current_id() + ".";
  std::set<std::string> found;
  s_->database().db().read([&](db::Connection& c) {
    for (const auto& t : backup::list_tables(c)) {
      backup::each_table_row(c, t, [&](const db::Row& r) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          if (r.is_null(i) || !std::holds_alternative<std::string>(r.value(i)) || !r.text(i).starts_with(prefix)) continue;
          const auto* s = backup::sealed_column(t.name, t.columns[i]);
          EXPECT_NE(s, nullptr) << t.name << "." << t.columns[i] << " holds sealed values and is not in sealed_columns.cpp";
          if (s) EXPECT_TRUE(keys_.open(r.text(i), s->purpose).has_value()) << t.name << "." << t.columns[i];
          found.insert(t.name + "." + t.columns[i]);
        }
      });
    }
  });
  // The demo data seals names in these at least: the scan saw real sealed data.
  for (const char* col : {"tips.reporter_sealed", "reintegration_people.name", "reintegration_sessions.notes", "mediations.parties"}) {
    EXPECT_TRUE(found.count(col)) << col;
  }
  // And every listed column exists in the schema.
  std::set<std::string> columns;
  s_->database().db().read([&](db::Connection& c) {
    for (const auto& t : backup::list_tables(c)) {
      for (const auto& col : t.columns) columns.insert(t.name + "." + col);
    }
  });
  for (const auto& s : backup::sealed_columns()) EXPECT_TRUE(columns.count(s.table + "." + s.column)) << s.table << "." << s.column;
}
