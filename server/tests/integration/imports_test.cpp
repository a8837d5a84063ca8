// Spreadsheet import (issue 14), on each engine: a 10,000-row activities workbook with 3% bad rows
// of different kinds — the dry run names exactly those rows and their columns, the run creates the
// rest, the same file again creates nothing, the failed rows come back to fix, and the undo brings
// the report's figures back. Then every malformed file and an officer's rows for another commune.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <set>

#include "core/time.hpp"
#include "core/xlsx.hpp"
#include "integration/imports_support.hpp"
#include "integration/server_fixture.hpp"
#include "modules/imports/sheet.hpp"
#include "support/http_client.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

struct BadRow {
  std::size_t row;
  std::string column;
};

// 10,000 activities of Xã Sơn Tịnh over the last year, as a person fills the template: units by
// code, by name path and by village; types by label or code; counts with Vietnamese grouping;
// organisers as a ';' list. Every 33rd row carries one mistake of six kinds.
std::string activities_workbook(std::vector<BadRow>& bad) {
  const std::string today = timeutil::today_vietnam();
  return xlsx::build([&](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Hoạt động");
    const char* header[] = {"Đơn vị", "Loại hoạt động", "Ngày", "Nội dung", "Lực lượng tổ chức", "Số lượt người tham gia"};
    for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    for (int i = 0; i < 10000; ++i) {
      const auto r = static_cast<lxw_row_t>(i + 1);  // the sheet's row r + 1
      const std::size_t sheet_row = static_cast<std::size_t>(i) + 2;
      std::string unit = std::vector<std::string>{"21220", "Xã Sơn Tịnh, Quảng Ngãi", "xa son tinh", "21220-001"}[i % 4];
      std::string type = i % 2 ? "Phát động phong trào" : "training";
      std::string date = vn_date(timeutil::add_days(today, -(1 + i % 360)));
      std::string title = "Hoạt động số " + std::to_string(i);
      std::string participants = i % 5 ? std::to_string(10 + i % 90) : "1.000";
      if (i % 33 == 7) {
        switch ((i / 33) % 6) {
          case 0: date = "31/02/2025", bad.push_back({sheet_row, "Ngày"}); break;
          case 1: type = "Hoạt động lạ", bad.push_back({sheet_row, "Loại hoạt động"}); break;
          case 2: participants = "nhiều", bad.push_back({sheet_row, "Số lượt người tham gia"}); break;
          case 3: unit = "09574", bad.push_back({sheet_row, "Đơn vị"}); break;  // Phường Sơn Tây, outside the area
          case 4: date = vn_date(timeutil::add_days(today, 30)), bad.push_back({sheet_row, "Ngày"}); break;  // in the future
          default: title.clear(), bad.push_back({sheet_row, "Nội dung"}); break;
        }
      }
      worksheet_write_string(ws, r, 0, unit.c_str(), nullptr);
      worksheet_write_string(ws, r, 1, type.c_str(), nullptr);
      worksheet_write_string(ws, r, 2, date.c_str(), nullptr);
      if (!title.empty()) worksheet_write_string(ws, r, 3, title.c_str(), nullptr);
      worksheet_write_string(ws, r, 4, "Công an; Mặt trận Tổ quốc", nullptr);
      worksheet_write_string(ws, r, 5, participants.c_str(), nullptr);
    }
  });
}

}  // namespace

class ImportsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{}); }
  std::uint16_t port() const { return s_->port(); }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(ImportsTest, TenThousandRowsDryRunRunAgainAndUndo) {
  const auto officer = s_->add_user("w.sontinh", "front_officer", "21220");
  std::vector<BadRow> bad;
  const std::string book = activities_workbook(bad);
  ASSERT_EQ(bad.size(), 303u);
  const std::string period = "unit=21220&from=" + timeutil::add_days(timeutil::today_vietnam(), -400) + "&to=" + timeutil::today_vietnam();
  const auto figures = [&] {
    auto r = request(port(), "GET", "/api/v1/reports/summary?" + period, "", bearer(officer));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json().at("activities") : bj::value(nullptr);
  };
  const bj::value before = figures();
  const auto records = [&] {
    auto r = request(port(), "GET", "/api/v1/activities?unit=21220&per_page=1", "", bearer(officer));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json().at("total").as_int64() : -1;
  };
  const std::int64_t records_before = records();

  // The dry run: exactly the bad rows, each under its column; nothing written.
  auto dry = upload(port(), officer, "register=activities&dry_run=true&file_name=hoat-dong.xlsx", book);
  ASSERT_EQ(dry.status, 200) << dry.body.substr(0, 2000);
  const auto d = dry.json().as_object();
  EXPECT_EQ(d.at("rows").as_int64(), 10000);
  EXPECT_EQ(d.at("create").as_int64(), 10000 - 303);
  EXPECT_EQ(d.at("refused").as_int64(), 303);
  std::map<std::size_t, std::string> got;
  for (const auto& e : d.at("errors").as_array()) got[e.at("row").to_number<std::size_t>()] = std::string(e.at("column").as_string());
  std::map<std::size_t, std::string> want;
  for (const auto& b : bad) want[b.row] = b.column;
  EXPECT_EQ(got, want);
  for (const auto& [row, column] : want) {
    if (!got.count(row)) ADD_FAILURE() << "not refused: row " << row << " " << column;
  }
  EXPECT_EQ(figures(), before);

  // The run, in the background.
  auto queued = upload(port(), officer, "register=activities&file_name=hoat-dong.xlsx", book);
  ASSERT_EQ(queued.status, 202) << queued.body;
  const std::string id(queued.json().at("id").as_string());
  auto done = wait_done(port(), officer, id);
  EXPECT_EQ(done.at("status"), "done") << bj::serialize(done).substr(0, 500);
  EXPECT_EQ(done.at("created").as_int64(), 9697);
  EXPECT_EQ(done.at("refused").as_int64(), 303);
  EXPECT_EQ(done.at("errors").as_array().size(), 303u);
  EXPECT_EQ(records() - records_before, 9697);
  const bj::value after = figures();
  // The report counts them: activities by type, each with its count.
  const auto count_all = [](const bj::value& by_type) {
    std::int64_t n = 0;
    for (const auto& kv : by_type.as_object()) n += kv.value().at("count").as_int64();
    return n;
  };
  EXPECT_EQ(count_all(after) - count_all(before), 9697);

  // The failed rows, in the format they came in, with the error column: 303 rows to fix.
  auto failed = request(port(), "GET", "/api/v1/imports/" + id + "/failed-rows", "", bearer(officer));
  ASSERT_EQ(failed.status, 200);
  EXPECT_EQ(failed.header("content-type"), kXlsxType);
  const auto sheet = imports::read_sheet(failed.body, std::nullopt, {});
  EXPECT_EQ(sheet.rows.size(), 303u);
  EXPECT_EQ(sheet.header.back(), "Lỗi cần sửa");

  // The same file again: a new import that creates nothing.
  auto again = upload(port(), officer, "register=activities&file_name=hoat-dong.xlsx", book);
  ASSERT_EQ(again.status, 202);
  auto second = wait_done(port(), officer, std::string(again.json().at("id").as_string()));
  EXPECT_EQ(second.at("created").as_int64(), 0);
  EXPECT_EQ(second.at("unchanged").as_int64(), 9697);
  EXPECT_EQ(figures(), after);

  // Undo: the figures are back; a second undo is refused.
  auto undo = request(port(), "DELETE", "/api/v1/imports/" + id, "", bearer(officer));
  ASSERT_EQ(undo.status, 200) << undo.body;
  EXPECT_EQ(undo.json().at("removed").as_int64(), 9697);
  EXPECT_EQ(figures(), before);
  EXPECT_EQ(records(), records_before);
  EXPECT_EQ(request(port(), "GET", "/api/v1/imports/" + id, "", bearer(officer)).json().at("status"), "undone");
  EXPECT_EQ(request(port(), "DELETE", "/api/v1/imports/" + id, "", bearer(officer)).status, 409);

  // Past imports: both, newest first; another commune's officer sees neither.
  const auto past = request(port(), "GET", "/api/v1/imports?register=activities", "", bearer(officer)).json();
  EXPECT_EQ(past.at("items").as_array().size(), 2u);
  const auto outsider = s_->add_user("w.sontay", "front_officer", "09574");
  EXPECT_EQ(request(port(), "GET", "/api/v1/imports?register=activities", "", bearer(outsider)).json().at("items").as_array().size(), 0u);
  EXPECT_EQ(request(port(), "GET", "/api/v1/imports/" + id, "", bearer(outsider)).status, 404);
  EXPECT_EQ(request(port(), "DELETE", "/api/v1/imports/" + id, "", bearer(outsider)).status, 404);
}

TEST_P(ImportsTest, MalformedFilesAreRefusedAndNothingIsWritten) {
  const auto officer = s_->add_user("w.sontinh", "front_officer", "21220");
  auto refused = [&](const std::string& body, int status, const std::string& words, const char* type = "text/csv") {
    auto r = upload(port(), officer, "register=activities", body, type);
    EXPECT_EQ(r.status, status) << words << " → " << r.body;
    EXPECT_NE(r.body.find(words), std::string::npos) << r.body;
  };
  const std::string header = "Đơn vị,Loại hoạt động,Ngày,Nội dung,Lực lượng tổ chức\n";
  refused(header + "21220,Tập huấn,01/03/2026,\"chưa đóng,Công an\n", 400, "dấu ngoặc kép chưa đóng ở dòng 2");
  refused("Ng\xE0y,N\xF4i dung\n1,2\n", 400, "không phải UTF-8");
  refused(header, 400, "chỉ có dòng tiêu đề");
  refused("Ngày,Nội dung\n01/03/2026,Họp\n", 400, "thiếu cột bắt buộc: Đơn vị, Loại hoạt động, Lực lượng tổ chức");
  refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), 400, "có mật khẩu hoặc tệp Excel 97-2003",
          kXlsxType);
  refused("PK\x03\x04hỏng", 400, "không phải bảng tính .xlsx hợp lệ", kXlsxType);
  refused(xlsx::build([](lxw_workbook* wb) {
            lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
            worksheet_write_string(ws, 0, 0, "Đơn vị", nullptr);
            worksheet_write_formula(ws, 1, 0, "=\"21\"&\"220\"", nullptr);
          }),
          400, "Ô A2 chứa công thức", kXlsxType);
  refused(xlsx::build([](lxw_workbook* wb) {
            lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
            worksheet_write_string(ws, 0, 0, "Đơn vị", nullptr);
            worksheet_merge_range(ws, 1, 0, 2, 0, "21220", nullptr);
          }),
          400, "ô gộp (A2:A3)", kXlsxType);
  refused(xlsx::build([](lxw_workbook* wb) { workbook_add_worksheet(wb, nullptr); }), 400, "Trang tính trống", kXlsxType);
  // Over 200,000 rows; over 50 MiB.
  std::string many = "Đơn vị\n";
  for (int i = 0; i < 200001; ++i) many += "21220\n";
  refused(many, 413, "vượt giới hạn 200.000 dòng");
  refused(std::string(51 * 1024 * 1024, 'a'), 413, "50 MiB");
  // Which register, and who may write it.
  auto r = upload(port(), officer, "dry_run=true", header + "21220,Tập huấn,01/03/2026,Họp,Công an\n", "text/csv");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(upload(port(), officer, "register=khong-co&dry_run=true", header, "text/csv").status, 404);
  const auto viewer = s_->add_user("bcd", "steering", "21220");  // reads the registers, writes none
  EXPECT_EQ(
      upload(port(), viewer, "register=activities&dry_run=true", header + "21220,Tập huấn,01/03/2026,Họp,Công an\n", "text/csv").status,
      403);
  EXPECT_EQ(request(port(), "POST", "/api/v1/imports?register=activities", header, {{"Content-Type", "text/csv"}}).status, 401);

  // Nothing was queued, nothing was written.
  EXPECT_EQ(request(port(), "GET", "/api/v1/imports", "", bearer(officer)).json().at("items").as_array().size(), 0u);

  // Rows for another commune are refused with the reason; the officer's own go in.
  const std::string mixed =
      header + "21220,Tập huấn,01/03/2026,Tập huấn tổ tự quản,Công an\n09574,Tập huấn,01/03/2026,Không phải xã mình,Công an\n";
  auto dry = upload(port(), officer, "register=activities&dry_run=true", mixed, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json().at("create").as_int64(), 1);
  EXPECT_EQ(dry.json().at("errors").at(0).at("row").as_int64(), 3);
  EXPECT_NE(std::string(dry.json().at("errors").at(0).at("message").as_string()).find("nằm ngoài địa bàn của bạn"), std::string::npos);
}

// A group's rows are written in a few statements; when one of them breaks a rule of the database
// (here a unique index a deployment added), the group is written row by row instead, so only that
// row is refused — with its row number, and in the sheet's order among the others.
TEST_P(ImportsTest, AGroupWithADuplicateIsWrittenRowByRow) {
  const auto officer = s_->add_user("w.sontinh", "front_officer", "21220");
  s_->app().database().write([](db::Connection& c) { c.execute_script("CREATE UNIQUE INDEX test_one_title ON activities (title)"); });
  const std::string header = "Đơn vị,Loại hoạt động,Ngày,Nội dung,Lực lượng tổ chức\n";
  std::string csv = header;
  for (int i = 0; i < 6; ++i) csv += "21220,Tập huấn,0" + std::to_string(i + 1) + "/03/2026,Buổi " + std::to_string(i) + ",Công an\n";
  csv += "21220,Tập huấn,09/03/2026,Buổi 2,Công an\n";  // row 8: the title of row 4
  csv += "21220,Tập huấn,10/03/2026,,Công an\n";        // row 9: no title
  const auto dry = upload(port(), officer, "register=activities&dry_run=true", csv, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json().at("create").as_int64(), 6);
  EXPECT_EQ(dry.json().at("refused").as_int64(), 2);
  ASSERT_EQ(dry.json().at("errors").as_array().size(), 2u);
  EXPECT_EQ(dry.json().at("errors").at(0).at("row").as_int64(), 8);
  EXPECT_NE(std::string(dry.json().at("errors").at(0).at("message").as_string()).find("trùng"), std::string::npos);
  EXPECT_EQ(dry.json().at("errors").at(1).at("row").as_int64(), 9);
  const auto done = import_file(port(), officer, "register=activities", csv, "text/csv");
  EXPECT_EQ(done.at("created").as_int64(), 6);
  EXPECT_EQ(done.at("refused").as_int64(), 2);
  EXPECT_EQ(request(port(), "GET", "/api/v1/activities?unit=21220&per_page=1", "", bearer(officer)).json().at("total").as_int64(), 6);
}

TEST_P(ImportsTest, TemplatesCarryLabelsInstructionsAndAnExampleThatImports) {
  const auto officer = s_->add_user("w.sontinh", "front_officer", "21220");
  // Every register has both templates; a register's name with a slash is written with a hyphen.
  const auto& admin = s_->commune_admin();
  for (const std::string reg : {"activities", "opinions", "models", "groups", "patrols", "mediations", "programs", "pledges", "awards",
                                "hotspots", "reintegration-people"}) {
    SCOPED_TRACE(reg);
    for (const std::string ext : {".xlsx", ".csv"}) {
      auto t = request(port(), "GET", "/api/v1/imports/templates/" + reg + ext, "", bearer(admin));
      ASSERT_EQ(t.status, 200) << t.body;
      const auto s = imports::read_sheet(t.body, std::nullopt, {});
      EXPECT_EQ(s.header.at(1), "Đơn vị");
      EXPECT_EQ(s.rows.size(), 1u);
    }
  }
  auto xlsx = request(port(), "GET", "/api/v1/imports/templates/activities.xlsx", "", bearer(officer));
  ASSERT_EQ(xlsx.status, 200);
  const auto sheet = imports::read_sheet(xlsx.body, std::nullopt, {});
  EXPECT_EQ(sheet.header.at(0), "Mã bản ghi");
  EXPECT_EQ(sheet.header.at(1), "Đơn vị");
  EXPECT_EQ(sheet.rows.size(), 1u);
  EXPECT_NE(imports::read_sheet(xlsx.body, std::string("Hướng dẫn"), {}).rows.size(), 0u);
  // The example row imports as it is.
  auto csv = request(port(), "GET", "/api/v1/imports/templates/activities.csv", "", bearer(officer));
  ASSERT_EQ(csv.status, 200);
  auto dry = upload(port(), officer, "register=activities&dry_run=true", csv.body, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json().at("create").as_int64(), 1) << dry.body;
  auto dry_xlsx = upload(port(), officer, "register=activities&dry_run=true", xlsx.body);
  EXPECT_EQ(dry_xlsx.json().at("create").as_int64(), 1) << dry_xlsx.body;
  EXPECT_EQ(request(port(), "GET", "/api/v1/imports/templates/khong-co.xlsx", "", bearer(officer)).status, 404);
  EXPECT_EQ(request(port(), "GET", "/api/v1/imports/templates/activities.pdf", "", bearer(officer)).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportsTest, ::testing::ValuesIn(antq::test::engines()));
