// Issue 14 part 2, acceptance, on each engine: the pre-reform list with records on real old units
// of the state's table — a whole merge (Phường Nghĩa Chánh → Phường Cẩm Thành), a split (Xã Trà
// Bùi → Xã Cà Đam or Xã Tây Trà Bồng), a rename (Xã Krông Na → Xã Buôn Đôn, relation `same`) and an
// island district made a special zone (Huyện Lý Sơn → Đặc khu Lý Sơn) — is reformed while the server
// runs; the successors' reports over a period spanning 1 July 2025 hold those records; the split
// commune's count in the province only ("chưa phân về xã") until a province officer assigns it
// through the queue; accounts follow their units; a second run changes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "app/reform.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

constexpr const char* kPeriod = "from=2025-01-01&to=2025-12-31";

class ReformTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { s_ = std::make_unique<ServerFixture>(GetParam(), pre_reform_units()); }
  HttpReply call(const std::string& method, const std::string& target, const std::string& body, const std::string& token) {
    return request(s_->port(), method, target, body, json_auth(token));
  }
  void mediations(const std::string& unit, int n) {
    for (int i = 0; i < n; ++i) {
      bj::object m{{"unit", unit},
                   {"received_on", "2025-03-1" + std::to_string(i)},
                   {"dispute_type", "neighbours"},
                   {"parties", bj::array{bj::object{{"name", "Bên A"}}, bj::object{{"name", "Bên B"}}}},
                   {"outcome", "successful"}};
      auto r = call("POST", "/api/v1/mediations", bj::serialize(m), s_->national_admin());
      ASSERT_EQ(r.status, 201) << r.body;
    }
  }
  std::int64_t mediations_of(const std::string& unit) {
    auto r = call("GET", "/api/v1/reports/summary?unit=" + unit + "&" + kPeriod, "", s_->national_admin());
    EXPECT_EQ(r.status, 200) << unit << " " << r.body;
    return r.status == 200 ? r.json().at("mediations").at("total").as_int64() : -1;
  }
  std::int64_t leaflets_of(const std::string& unit) {
    auto r = call("GET", "/api/v1/reports/summary?unit=" + unit + "&" + kPeriod, "", s_->national_admin());
    EXPECT_EQ(r.status, 200) << unit << " " << r.body;
    if (r.status != 200) return -1;
    const auto j = r.json();
    const auto* a = j.at("activities").as_object().if_contains("leaflet_distribution");
    return a ? a->at("quantity").as_int64() : 0;
  }
  // The province's units line by line: code|kind → mediations.
  std::map<std::string, std::int64_t> lines_of(const std::string& unit) {
    auto r = call("GET", "/api/v1/reports/breakdown?unit=" + unit + "&" + kPeriod + "&metric=mediations.total&by=child", "",
                  s_->national_admin());
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, std::int64_t> out;
    if (r.status != 200) return out;
    const auto j = r.json();
    for (const auto& it : j.at("items").as_array()) {
      const auto& u = it.at("unit").as_object();
      out[std::string(u.at("code").as_string()) + "|" + std::string(u.at("kind").as_string())] = it.at("value").as_int64();
    }
    return out;
  }
  std::string me(const std::string& token) {
    auto r = call("GET", "/api/v1/auth/me", "", token);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto j = r.status == 200 ? r.json() : bj::value(nullptr);
    const auto* unit = j.is_object() ? j.at("user").as_object().if_contains("unit") : nullptr;
    EXPECT_TRUE(unit && unit->is_object()) << r.body;
    return unit && unit->is_object() ? std::string(unit->at("code").as_string()) : "";
  }
  std::unique_ptr<ServerFixture> s_;
};

}  // namespace

TEST_P(ReformTest, OldRecordsRollUpIntoTheSuccessorsAndSplitCommunesWaitForAnOfficer) {
  const auto province_admin = s_->add_user("qn.admin", "admin", std::string("51"));
  const auto split_admin = s_->add_user("trabui.admin", "admin", std::string("21142"));
  const auto whole_admin = s_->add_user("nghiachanh.admin", "admin", std::string("21019"));
  auto village = call("POST", "/api/v1/units", R"({"parent":"21142","name":"Thôn Trà Bùi 1","kind":"village"})", s_->national_admin());
  ASSERT_EQ(village.status, 201) << village.body;
  const std::string village_code(village.json().at("code").as_string());
  mediations("21019", 2);       // whole
  mediations("21142", 3);       // split, on the commune itself
  mediations(village_code, 1);  // split, on its village
  mediations("24235", 1);       // renamed
  // The island district: a propaganda session (mediations are kept by communes and villages).
  auto act = call(
      "POST", "/api/v1/activities",
      R"({"unit":"536","type":"leaflet_distribution","date":"2025-04-02","title":"Phát tờ rơi trên đảo","organizers":["police"],"quantity":500})",
      s_->national_admin());
  ASSERT_EQ(act.status, 201) << act.body;
  ASSERT_EQ(mediations_of("51"), 6);
  ASSERT_EQ(leaflets_of("536"), 500);

  const auto r = app::run_reform(s_->app().database(), s_->app().audit(), "2025-07-01");
  EXPECT_EQ(r.split, 441);
  EXPECT_GE(r.accounts_moved, 3);

  EXPECT_EQ(mediations_of("21025"), 2);  // Phường Cẩm Thành
  EXPECT_EQ(mediations_of("24235"), 1);  // Xã Buôn Đôn
  EXPECT_EQ(leaflets_of("21548"), 500);  // Đặc khu Lý Sơn
  EXPECT_EQ(leaflets_of("51"), 500);
  // Before assignment: in the new Quảng Ngãi only, on lines of their own.
  EXPECT_EQ(mediations_of("51"), 2 + 3 + 1);
  EXPECT_EQ(mediations_of("21136"), 0);
  EXPECT_EQ(mediations_of("21157"), 0);
  auto lines = lines_of("51");
  EXPECT_EQ(lines["21142|unassigned"], 3);
  EXPECT_EQ(lines[village_code + "|unassigned"], 1);
  EXPECT_EQ(lines["21025|commune"], 2);

  // Accounts follow: the split commune's to the province; each still works.
  EXPECT_EQ(me(split_admin), "51");
  EXPECT_EQ(me(whole_admin), "21025");
  EXPECT_EQ(me(province_admin), "51");
  auto moved = s_->app().database().read_value(
      [](db::Connection& c) { return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'user.unit_moved'").rows.at(0).integer(0); });
  EXPECT_EQ(moved, r.accounts_moved);

  // The queue of the province: the split commune and its village, with candidates and counts.
  auto pending = call("GET", "/api/v1/units/reform/pending?per_page=500", "", province_admin);
  ASSERT_EQ(pending.status, 200) << pending.body;
  const auto listed = pending.json();
  const auto total = listed.at("total").as_int64();
  std::string commune_item, village_item;
  for (const auto& it : listed.at("items").as_array()) {
    const auto code = std::string(it.at("unit").at("code").as_string());
    if (code == "21142") {
      commune_item = std::string(it.at("id").as_string());
      EXPECT_EQ(it.at("records").as_int64(), 3);
      ASSERT_EQ(it.at("candidates").as_array().size(), 2u);
      EXPECT_EQ(it.at("candidates").as_array()[0].at("code").as_string(), "21136");
    }
    if (code == village_code) {
      village_item = std::string(it.at("id").as_string());
      EXPECT_EQ(it.at("records").as_int64(), 1);
    }
  }
  ASSERT_FALSE(commune_item.empty());
  ASSERT_FALSE(village_item.empty());
  // Another province's officer does not see them; a commune officer sees nothing to assign.
  EXPECT_EQ(call("GET", "/api/v1/units/reform/pending", "", whole_admin).json().at("total").as_int64(), 0);
  EXPECT_EQ(call("POST", "/api/v1/units/reform/pending/" + commune_item + "/assign", R"({"successor":"21157"})", whole_admin).status, 404);

  const std::string assign = "/api/v1/units/reform/pending/";
  EXPECT_EQ(call("POST", assign + commune_item + "/assign", R"({"successor":"21025"})", province_admin).status, 422);
  EXPECT_EQ(call("POST", assign + commune_item + "/assign", R"({})", province_admin).status, 400);
  EXPECT_EQ(call("POST", assign + "999999999/assign", R"({"successor":"21157"})", province_admin).status, 404);
  auto a1 = call("POST", assign + commune_item + "/assign", R"({"successor":"21157"})", province_admin);
  ASSERT_EQ(a1.status, 200) << a1.body;
  EXPECT_EQ(a1.json().at("assigned_to").as_string(), "21157");
  EXPECT_EQ(call("POST", assign + commune_item + "/assign", R"({"successor":"21136"})", province_admin).status, 409);
  ASSERT_EQ(call("POST", assign + village_item + "/assign", R"({"successor":"21136"})", province_admin).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/units/reform/pending?per_page=500", "", province_admin).json().at("total").as_int64(), total - 2);

  // After assignment: each record in exactly one new commune, the province unchanged.
  EXPECT_EQ(mediations_of("21157"), 3);
  EXPECT_EQ(mediations_of("21136"), 1);
  EXPECT_EQ(mediations_of("51"), 6);
  lines = lines_of("51");
  EXPECT_EQ(lines.count("21142|unassigned"), 0u);
  EXPECT_EQ(lines["21157|commune"], 3);
  EXPECT_EQ(lines["21136|commune"], 1);
  auto audited = s_->app().database().read_value(
      [](db::Connection& c) { return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'unit.reassign'").rows.at(0).integer(0); });
  EXPECT_EQ(audited, 2);

  // A second run changes nothing.
  EXPECT_TRUE(app::run_reform(s_->app().database(), s_->app().audit(), "2025-07-01").already_applied);
  EXPECT_EQ(mediations_of("21157"), 3);
}

// Part 1 meets part 2: a spreadsheet of old records written with the pre-reform codes and names
// goes in after the reform, and each row follows the same rules as a record typed before it.
TEST_P(ReformTest, ImportsTakePreReformCodesAndNames) {
  app::run_reform(s_->app().database(), s_->app().audit(), "2025-07-01");
  const auto province_admin = s_->add_user("qn.import", "admin", std::string("51"));
  const std::string csv =
      "Đơn vị,Loại hoạt động,Ngày,Nội dung,Lực lượng tổ chức,Số lượng (tờ rơi…)\n"
      "21019,Phát tờ rơi,10/03/2025,Phát tờ rơi phường Nghĩa Chánh,Công an,100\n"
      "\"Phường Nghĩa Chánh, Thành phố Quảng Ngãi, Tỉnh Quảng Ngãi\",Phát tờ rơi,11/03/2025,Theo tên cũ,Công an,20\n"
      "21142,Phát tờ rơi,12/03/2025,Xã Trà Bùi (đã chia tách),Công an,3\n"
      "09574,Phát tờ rơi,12/03/2025,Ngoài tỉnh,Công an,7\n";
  auto h = bearer(province_admin);
  h["Content-Type"] = "text/csv";
  auto r = request(s_->port(), "POST", "/api/v1/imports?register=activities", csv, h);
  ASSERT_EQ(r.status, 202) << r.body;
  const std::string id(r.json().at("id").as_string());
  bj::value done;
  for (int i = 0; i < 300; ++i) {
    done = call("GET", "/api/v1/imports/" + id, "", province_admin).json();
    if (done.at("status") == "done" || done.at("status") == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(done.at("status"), "done") << bj::serialize(done);
  EXPECT_EQ(done.at("created").as_int64(), 3);
  EXPECT_EQ(done.at("refused").as_int64(), 1);  // Phường Sơn Tây (Hà Nội): outside the province
  EXPECT_EQ(leaflets_of("21025"), 120);         // Phường Cẩm Thành took Nghĩa Chánh whole
  EXPECT_EQ(leaflets_of("51"), 123);            // Trà Bùi's waits in the province
  EXPECT_EQ(leaflets_of("21136") + leaflets_of("21157"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReformTest, ::testing::ValuesIn(antq::test::engines()));
