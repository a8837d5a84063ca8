// Imports into what hangs off a register and into the tip book (issue 14), on each engine: a
// commune's police officer imports sessions and tips, a front officer replications and members.
// Each refuses, row by row with its column, what the app's forms refuse (a parent outside the
// area, a date before the person's help began, a settled tip without its outcome…); sealed
// columns and the refused rows are stored sealed; an undo removes what nobody touched since and
// keeps the rest with a reason.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <set>

#include "core/time.hpp"
#include "integration/imports_support.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

// The refused rows of a dry run as "row:column" (column "" for the row as a whole).
std::set<std::string> refused_cells(const bj::value& dry) {
  std::set<std::string> out;
  for (const auto& e : dry.at("errors").as_array()) {
    out.insert(std::to_string(e.at("row").as_int64()) + ":" + std::string(e.at("column").as_string()));
  }
  return out;
}

class ImportsChildrenTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
    police_ = s_->add_user("ca.sontinh", "police_officer", std::string("21220"));
    front_ = s_->add_user("mttq.sontinh", "front_officer", std::string("21220"));
  }
  std::string create(const std::string& token, const std::string& path, const bj::object& body) {
    auto r = request(s_->port(), "POST", path, bj::serialize(body), json_auth(token));
    EXPECT_EQ(r.status, 201) << path << " → " << r.body;
    return r.status == 201 ? std::string(r.json().at("id").as_string()) : "";
  }
  bj::value get(const std::string& token, const std::string& path) {
    auto r = request(s_->port(), "GET", path, "", bearer(token));
    EXPECT_EQ(r.status, 200) << path << " → " << r.body;
    return r.status == 200 ? r.json() : bj::value(nullptr);
  }
  bj::value dry_run(const std::string& token, const std::string& target, const std::string& csv) {
    auto r = upload(s_->port(), token, "register=" + target + "&dry_run=true", csv, "text/csv");
    EXPECT_EQ(r.status, 200) << target << " → " << r.body;
    return r.status == 200 ? r.json() : bj::value(nullptr);
  }
  bj::value undo(const std::string& token, const std::string& id) {
    auto r = request(s_->port(), "DELETE", "/api/v1/imports/" + id, "", bearer(token));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json() : bj::value(nullptr);
  }
  std::unique_ptr<ServerFixture> s_;
  std::string police_, front_;
};

}  // namespace

TEST_P(ImportsChildrenTest, SessionsOfPeopleInTheAreaSealedAndUndone) {
  const std::string mine = create(police_, "/api/v1/reintegration/people",
                                  {{"unit", "21220"}, {"category", "other"}, {"name", "Người ở Sơn Tịnh"}, {"start_date", days_ago(300)}});
  const std::string theirs =
      create(s_->national_admin(), "/api/v1/reintegration/people",
             {{"unit", "09574"}, {"category", "other"}, {"name", "Người ở nơi khác"}, {"start_date", days_ago(300)}});
  const std::string ref = std::string(get(police_, "/api/v1/reintegration/people/" + mine).at("ref").as_string());
  const std::string csv = "Mã hồ sơ,Ngày,Hình thức,Người tham gia giúp đỡ,Ghi chú\n" + ref + "," + vn_ago(10) +
                          ",Thăm hỏi,Ông Trưởng thôn Bí Mật,Nói chuyện về việc làm\n" +  // row 2
                          mine + "," + vn_ago(20) + ",education,,\n" +                   // row 3
                          theirs + "," + vn_ago(20) + ",visit,,\n" +                     // row 4: outside the area
                          mine + "," + vn_ago(400) + ",visit,,\n" +                      // row 5: before the help began
                          mine + "," + vn_ago(5) + ",Đi chơi,,\n" +                      // row 6: not a kind
                          "HN-abc," + vn_ago(5) + ",visit,,\n" +                         // row 7: not a reference
                          "TH-" + mine + "," + vn_ago(5) + ",visit,,\n" +                // row 8: another register's prefix
                          ref + "," + vn_ago(10) + ",Thăm hỏi,Ông Trưởng thôn Bí Mật,Nói chuyện về việc làm\n";  // row 9: row 2 again
  const auto dry = dry_run(police_, "reintegration/sessions", csv);
  EXPECT_EQ(dry.at("create"), 2);
  EXPECT_EQ(dry.at("unchanged"), 1);
  EXPECT_EQ(dry.at("refused"), 5);
  EXPECT_EQ(refused_cells(dry), (std::set<std::string>{"4:Mã hồ sơ", "5:Ngày", "6:Hình thức", "7:Mã hồ sơ", "8:Mã hồ sơ"}));

  const auto done = import_file(s_->port(), police_, "register=reintegration/sessions&file_name=luot.csv", csv, "text/csv");
  EXPECT_EQ(done.at("created"), 2);
  EXPECT_EQ(get(police_, "/api/v1/reintegration/people/" + mine + "/sessions").at("items").as_array().size(), 2u);
  // Who helped and what was said are sealed, as when typed in the app; so are the refused rows.
  s_->app().database().read([&](db::Connection& c) {
    for (const auto& r : c.query("SELECT helpers, notes FROM reintegration_sessions").rows) {
      if (!r.is_null(0)) EXPECT_EQ(r.text(0).find("Bí Mật"), std::string::npos);
      if (!r.is_null(1)) EXPECT_EQ(r.text(1).find("việc làm"), std::string::npos);
    }
    const auto failed = c.query("SELECT failed_rows FROM import_batches WHERE failed_rows IS NOT NULL").rows;
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].text(0).find("Đi chơi"), std::string::npos);
  });
  auto rows = request(s_->port(), "GET", "/api/v1/imports/" + std::string(done.at("id").as_string()) + "/failed-rows", "", bearer(police_));
  ASSERT_EQ(rows.status, 200);
  EXPECT_NE(rows.body.find("Đi chơi"), std::string::npos);

  const auto undone = undo(police_, std::string(done.at("id").as_string()));
  EXPECT_EQ(undone.at("removed"), 2);
  EXPECT_TRUE(get(police_, "/api/v1/reintegration/people/" + mine + "/sessions").at("items").as_array().empty());
}

TEST_P(ImportsChildrenTest, ReplicationsAndMembersCheckedLikeTheForms) {
  const std::string model = create(
      front_, "/api/v1/models",
      {{"unit", "21220"}, {"name", "Camera an ninh"}, {"kind", "model"}, {"field", "security_order"}, {"started_on", days_ago(200)}});
  const std::string other = create(
      s_->national_admin(), "/api/v1/models",
      {{"unit", "09574"}, {"name", "Mô hình nơi khác"}, {"kind", "model"}, {"field", "security_order"}, {"started_on", days_ago(200)}});
  const std::string reps =
      "Đơn vị,Mã mô hình,Ngày bắt đầu,Ngày kết thúc\n"
      "21220-001," +
      model + "," + vn_ago(100) + ",\n" +                                 // row 2
      "21220-001," + model + "," + vn_ago(300) + ",\n" +                  // row 3: before the model began
      "09574," + model + "," + vn_ago(100) + ",\n" +                      // row 4: a unit outside the area
      "21220-001," + other + "," + vn_ago(100) + ",\n" +                  // row 5: a model outside the area
      "21220-001," + model + "," + vn_ago(50) + "," + vn_ago(60) + "\n";  // row 6: ends before it starts
  const auto dry = dry_run(front_, "models/replications", reps);
  EXPECT_EQ(dry.at("create"), 1);
  EXPECT_EQ(refused_cells(dry), (std::set<std::string>{"3:Ngày bắt đầu", "4:Đơn vị", "5:Mã mô hình", "6:Ngày kết thúc"}));
  const auto done = import_file(s_->port(), front_, "register=models/replications", reps, "text/csv");
  EXPECT_EQ(done.at("created"), 1);
  EXPECT_EQ(get(front_, "/api/v1/models/" + model + "/replications").at("items").as_array().size(), 1u);

  const std::string group =
      create(front_, "/api/v1/groups",
             {{"unit", "21220-001"}, {"kind", "self_managed"}, {"name", "Nhóm tự quản thôn 1"}, {"started_on", days_ago(500)}});
  const std::string members = "\"Mã tổ, nhóm\",Họ tên,Vai trò,Giới tính,Năm sinh,Ngày tham gia\n" + group +
                              ",Nguyễn Văn Tổ,Tổ trưởng,Nam,1970," + vn_ago(400) + "\n" + group + ",Trần Thị Viên,,Nữ,1985," + vn_ago(300) +
                              "\n" + group + ",,member,,," + vn_ago(300) + "\n" +  // row 4: no name
                              group + ",Lê Văn Sau,member,,," + vn_date(timeutil::add_days(timeutil::today_vietnam(), 3)) + "\n";  // row 5
  const auto dry_members = dry_run(front_, "groups/members", members);
  EXPECT_EQ(dry_members.at("create"), 2);
  EXPECT_EQ(refused_cells(dry_members), (std::set<std::string>{"4:Họ tên", "5:Ngày tham gia"}));
  const auto added = import_file(s_->port(), front_, "register=groups/members", members, "text/csv");
  EXPECT_EQ(added.at("created"), 2);
  const auto list = get(front_, "/api/v1/groups/" + group + "/members");
  ASSERT_EQ(list.at("items").as_array().size(), 2u);
  EXPECT_EQ(get(front_, "/api/v1/groups/" + group).at("members_count"), 2) << "the group's count follows its members";

  EXPECT_EQ(undo(front_, std::string(added.at("id").as_string())).at("removed"), 2);
  EXPECT_EQ(get(front_, "/api/v1/groups/" + group).at("members_count"), 0);
  EXPECT_EQ(undo(front_, std::string(done.at("id").as_string())).at("removed"), 1);
}

TEST_P(ImportsChildrenTest, TipBookOfPastYears) {
  const std::string header =
      "Đơn vị,Ngày tiếp nhận,Loại tin báo,Nội dung tin báo,Trạng thái,Có cơ sở,Số vụ án làm rõ,Số đối tượng bắt giữ,Lý do không thụ lý\n";
  const std::string text = ",Tin báo về một điểm tụ tập đánh bạc ở bãi sông";
  const std::string csv = header + "21220," + vn_ago(700) + ",\"Cờ bạc, cá độ\"" + text + ",Đã giải quyết,Có,1,4,\n" +  // row 2
                          "21220-001," + vn_ago(650) + ",gambling" + text + ",,,,,\n" +                                 // row 3: still open
                          "21220," + vn_ago(600) + ",gambling" + text + ",resolved,,,,\n" +               // row 4: settled without outcome
                          "21220," + vn_ago(600) + ",gambling" + text + ",,Không,2,,\n" +                 // row 5: cases of a baseless tip
                          "21220," + vn_ago(600) + ",gambling" + text + ",rejected,,,,\n" +               // row 6: rejected, no reason
                          "09574," + vn_ago(600) + ",gambling" + text + ",,,,,\n" +                       // row 7: outside the area
                          "21220," + vn_ago(600) + ",gambling,Ngắn,,,,,\n" +                              // row 8: too short
                          "21220," + vn_ago(550) + ",gambling" + text + ",rejected,,,,Trùng nội dung\n";  // row 9
  const auto dry = dry_run(police_, "tips", csv);
  EXPECT_EQ(dry.at("create"), 3);
  EXPECT_EQ(refused_cells(dry),
            (std::set<std::string>{"4:Có cơ sở", "5:Có cơ sở", "6:Lý do không thụ lý", "7:Đơn vị", "8:Nội dung tin báo"}));

  const auto done = import_file(s_->port(), police_, "register=tips&file_name=so-tin-bao.csv", csv, "text/csv");
  EXPECT_EQ(done.at("created"), 3);
  const auto list = get(police_, "/api/v1/tips?per_page=10");
  ASSERT_EQ(list.at("total"), 3);
  std::string settled, open;
  for (const auto& t : list.at("items").as_array()) {
    if (t.at("status") == "resolved") settled = std::string(t.at("id").as_string());
    if (t.at("status") == "received") open = std::string(t.at("id").as_string());
  }
  ASSERT_FALSE(settled.empty());
  ASSERT_FALSE(open.empty());
  const auto detail = get(police_, "/api/v1/tips/" + settled);
  EXPECT_EQ(timeutil::vietnam_day_of(std::string(detail.at("received_at").as_string())), days_ago(700));
  EXPECT_EQ(detail.at("outcome").at("suspects_arrested"), 4);

  // Someone works on the open one after the import: the undo keeps it and says why.
  auto moved = request(s_->port(), "PATCH", "/api/v1/tips/" + open, R"({"status":"verifying"})", json_auth(police_));
  ASSERT_EQ(moved.status, 200) << moved.body;
  const auto undone = undo(police_, std::string(done.at("id").as_string()));
  EXPECT_EQ(undone.at("removed"), 2);
  ASSERT_EQ(undone.at("kept").as_array().size(), 1u);
  EXPECT_EQ(undone.at("kept").as_array()[0].at("id").as_string(), open);
  EXPECT_EQ(get(police_, "/api/v1/tips?per_page=10").at("total"), 1);
}

TEST_P(ImportsChildrenTest, WhoMayImportAndWhatTheyMustSend) {
  // A front officer does not handle tips, a police officer does not keep models: 403, nothing read.
  EXPECT_EQ(upload(s_->port(), front_, "register=tips&dry_run=true", "Đơn vị\n21220\n", "text/csv").status, 403);
  EXPECT_EQ(upload(s_->port(), police_, "register=models/replications&dry_run=true", "Đơn vị\n21220\n", "text/csv").status, 403);
  // The sessions sheet without its person column: the dry run says which columns are missing and
  // shows the mapping to fix; the run itself is refused.
  const auto dry = dry_run(police_, "reintegration/sessions", "Ngày,Cách thức\n01/03/2025,visit\n");
  ASSERT_TRUE(dry.is_object());
  EXPECT_EQ(dry.at("missing_columns").as_array().size(), 2u);
  EXPECT_EQ(dry.at("mapping").as_array().size(), 2u);
  EXPECT_NE(std::string(dry.at("errors").as_array()[0].at("message").as_string()).find("Mã hồ sơ"), std::string::npos);
  auto run = upload(s_->port(), police_, "register=reintegration/sessions", "Ngày,Cách thức\n01/03/2025,visit\n", "text/csv");
  EXPECT_EQ(run.status, 400);
  EXPECT_NE(run.body.find("Tệp thiếu cột bắt buộc"), std::string::npos);
  // Templates for each, named in a file the way the registers' are.
  for (const char* t : {"reintegration-sessions", "models-replications", "groups-members", "tips"}) {
    const auto& token = std::string(t) == "tips" || std::string(t) == "reintegration-sessions" ? police_ : front_;
    auto r = request(s_->port(), "GET", std::string("/api/v1/imports/templates/") + t + ".csv", "", bearer(token));
    EXPECT_EQ(r.status, 200) << t << " " << r.body;
  }
  // The tip book's example row imports as it is (the others name a record the sheet cannot know).
  auto book = request(s_->port(), "GET", "/api/v1/imports/templates/tips.csv", "", bearer(police_));
  ASSERT_EQ(book.status, 200);
  const auto example = dry_run(police_, "tips", book.body);
  EXPECT_EQ(example.at("create"), 1) << bj::serialize(example);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportsChildrenTest, ::testing::ValuesIn(antq::test::engines()));
