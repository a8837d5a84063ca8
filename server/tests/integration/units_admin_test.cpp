// An administrator manages the villages, residential groups and establishments below their unit:
// add, rename, merge into a sibling (records follow) and retire; every change audited; 404 outside
// the area, 403 for other roles and for the admin's own unit, 400 naming the field, 409 for a
// code in use, 422 for what the rules forbid.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

std::string field_of(const HttpReply& r) {
  const auto j = r.json();
  const auto& e = j.at("error").as_object();
  return e.contains("field") ? std::string(e.at("field").as_string()) : "";
}

}  // namespace

class UnitsAdminTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
    admin_ = json_auth(s_->commune_admin());  // admin of Xã Sơn Tịnh (21220)
  }
  HttpReply call(const std::string& method, const std::string& target, const std::string& body,
                 const std::map<std::string, std::string>& who) {
    return request(s_->port(), method, target, body, who);
  }
  HttpReply post(const std::string& target, const std::string& body) { return call("POST", target, body, admin_); }
  std::string create(const std::string& body) {
    auto r = post("/api/v1/units", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? std::string(r.json().at("code").as_string()) : "";
  }
  std::int64_t audit_count(const std::string& action) {
    auto r = call("GET", "/api/v1/audit?action=" + action, "", admin_);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("total").as_int64();
  }
  std::unique_ptr<ServerFixture> s_;
  std::map<std::string, std::string> admin_;
};

INSTANTIATE_TEST_SUITE_P(Engines, UnitsAdminTest, ::testing::ValuesIn(antq::test::engines()));

TEST_P(UnitsAdminTest, AddsVillagesResidentialGroupsAndEstablishments) {
  const auto created_before = audit_count("unit.create");  // the fixture's demo villages
  auto village = post("/api/v1/units", R"({"parent":"21220","name":"  Thôn Tân Mỹ ","kind":"village","subkind":"Thôn"})");
  ASSERT_EQ(village.status, 201) << village.body;
  EXPECT_EQ(village.json().at("full_name"), "Thôn Tân Mỹ") << "trimmed";
  EXPECT_EQ(village.json().at("subkind"), "Thôn");
  const auto group = post("/api/v1/units", R"({"parent":"21220","name":"Tổ dân phố 7","kind":"village","subkind":"Tổ dân phố"})");
  ASSERT_EQ(group.status, 201) << group.body;
  EXPECT_EQ(group.json().at("kind"), "village");
  const auto school =
      post("/api/v1/units", R"({"parent":"21220","name":"Trường Tiểu học Tịnh Hà","kind":"establishment","subkind":"school"})");
  ASSERT_EQ(school.status, 201) << school.body;
  EXPECT_EQ(school.json().at("subkind"), "school");
  EXPECT_EQ(audit_count("unit.create"), created_before + 3);

  // Bad input: 400 naming the field, in Vietnamese.
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"parent":"21220","name":"   ","kind":"village"})", "name"},
      {R"({"parent":"21220","kind":"village"})", "name"},
      {R"({"parent":"21220","name":"Thôn X"})", "kind"},
      {R"({"parent":"21220","name":"Thôn X","kind":"commune"})", "kind"},
      {R"({"parent":"21220","name":"Cơ sở X","kind":"establishment","subkind":"bakery"})", "subkind"},
      {R"({"parent":"21220","name":"Thôn X","kind":"village","code":"có dấu"})", "code"},
      {R"({"parent":"21220","name":"Thôn X","kind":"village","colour":"red"})", "colour"},
  };
  for (const auto& [body, field] : bad) {
    auto r = post("/api/v1/units", body);
    EXPECT_EQ(r.status, 400) << body << " " << r.body;
    EXPECT_EQ(field_of(r), field) << body;
  }
  // A code in use: 409; a parent outside the area: 404; other roles: 403.
  auto dup = post("/api/v1/units", R"({"parent":"21220","name":"Thôn Trùng","kind":"village","code":"21220-001"})");
  EXPECT_EQ(dup.status, 409) << dup.body;
  EXPECT_EQ(field_of(dup), "code");
  EXPECT_EQ(post("/api/v1/units", R"({"parent":"09574","name":"Tổ 9","kind":"village"})").status, 404);
  const auto front = json_auth(s_->add_user("mttq.sontinh", "front_officer", "21220"));
  EXPECT_EQ(call("POST", "/api/v1/units", R"({"parent":"21220","name":"Thôn Y","kind":"village"})", front).status, 403);
}

TEST_P(UnitsAdminTest, RenamesWithinTheArea) {
  const std::string code = create(R"({"parent":"21220","name":"Thôn Cũ","kind":"village","subkind":"Thôn"})");
  auto r = call("PATCH", "/api/v1/units/" + code, R"({"name":"Thôn Mới Đổi","subkind":"Khu dân cư"})", admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("full_name"), "Thôn Mới Đổi");
  EXPECT_EQ(r.json().at("subkind"), "Khu dân cư");
  auto blank = call("PATCH", "/api/v1/units/" + code, R"({"name":" "})", admin_);
  EXPECT_EQ(blank.status, 400);
  EXPECT_EQ(field_of(blank), "name");
  EXPECT_EQ(call("PATCH", "/api/v1/units/09574-001", R"({"name":"X"})", admin_).status, 404);
  EXPECT_GE(audit_count("unit.update"), 1);
}

TEST_P(UnitsAdminTest, MergesIntoASiblingAndTheRecordsFollow) {
  const std::string old_code = create(R"({"parent":"21220","name":"Thôn Sáp Nhập","kind":"village","subkind":"Thôn"})");
  const std::string shop = create(R"({"parent":")" + old_code + R"(","name":"Cơ sở may","kind":"establishment","subkind":"enterprise"})");
  // A record of the village before the merge.
  const std::string today = timeutil::today_vietnam();
  auto activity =
      post("/api/v1/activities", R"({"unit":")" + old_code + R"(","type":"propaganda","date":")" + today +
                                     R"(","title":"Tuyên truyền trước khi sáp nhập","organizers":["police"],"participants":40})");
  ASSERT_EQ(activity.status, 201) << activity.body;
  const std::string activity_id(activity.json().at("id").as_string());

  // Refused: no target, itself, another kind, outside the area, a commune, the admin's own unit, other roles.
  auto none = post("/api/v1/units/" + old_code + "/merge", "{}");
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(field_of(none), "into");
  EXPECT_EQ(post("/api/v1/units/" + old_code + "/merge", R"({"into":")" + old_code + R"("})").status, 400);
  auto other_kind = post("/api/v1/units/" + old_code + "/merge", R"({"into":"21220-101"})");
  EXPECT_EQ(other_kind.status, 422) << other_kind.body;
  auto outside = post("/api/v1/units/" + old_code + "/merge", R"({"into":"09574-001"})");
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(field_of(outside), "into");
  EXPECT_EQ(post("/api/v1/units/09574-002/merge", R"({"into":"09574-001"})").status, 404);
  EXPECT_EQ(call("POST", "/api/v1/units/21220/merge", R"({"into":"21211"})", json_auth(s_->national_admin())).status, 422);
  const auto village_admin = json_auth(s_->add_user("qt.thon", "admin", old_code));
  EXPECT_EQ(call("POST", "/api/v1/units/" + old_code + "/merge", R"({"into":"21220-001"})", village_admin).status, 403)
      << "a village's own admin does not merge the village away";
  EXPECT_EQ(call("POST", "/api/v1/units/" + old_code + "/retire", "", village_admin).status, 403) << "not their own unit";
  const auto police = json_auth(s_->add_user("ca.sontinh", "police_officer", "21220"));
  EXPECT_EQ(call("POST", "/api/v1/units/" + old_code + "/merge", R"({"into":"21220-001"})", police).status, 403);

  auto merged = post("/api/v1/units/" + old_code + "/merge", R"({"into":"21220-001"})");
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.json().at("active"), false);
  EXPECT_EQ(merged.json().at("successor").at("code"), "21220-001");
  EXPECT_EQ(merged.json().at("retired_on"), bj::value(today));
  EXPECT_EQ(audit_count("unit.merge"), 1);

  // The village's record now counts for Thôn Trường Thọ; its establishment moved there too.
  auto list = call("GET", "/api/v1/activities?unit=21220-001&per_page=500", "", admin_).json();
  bool found = false;
  for (const auto& a : list.at("items").as_array()) found = found || a.at("id").as_string() == activity_id;
  EXPECT_TRUE(found);
  EXPECT_EQ(call("GET", "/api/v1/units/" + shop, "", admin_).json().at("parent_code"), "21220-001");
  auto children = call("GET", "/api/v1/units?parent=21220", "", admin_).json();
  for (const auto& u : children.at("items").as_array()) EXPECT_NE(std::string(u.at("code").as_string()), old_code);
  // Merged once: it is no longer there to merge.
  EXPECT_EQ(post("/api/v1/units/" + old_code + "/merge", R"({"into":"21220-002"})").status, 404);
}

TEST_P(UnitsAdminTest, RetiresAUnitWithoutUnitsOfItsOwn) {
  const std::string code = create(R"({"parent":"21220","name":"Thôn Giải Thể","kind":"village","subkind":"Thôn"})");
  const std::string parent = create(R"({"parent":"21220","name":"Thôn Còn Cơ Sở","kind":"village","subkind":"Thôn"})");
  create(R"({"parent":")" + parent + R"(","name":"Cửa hàng","kind":"establishment","subkind":"enterprise"})");
  const std::string today = timeutil::today_vietnam();
  ASSERT_EQ(post("/api/v1/activities", R"({"unit":")" + code + R"(","type":"review","date":")" + today +
                                           R"(","title":"Tổng kết trước khi giải thể","organizers":["front"],"participants":30})")
                .status,
            201);
  const auto before = call("GET", "/api/v1/activities?unit=21220&per_page=1", "", admin_).json().at("total").as_int64();

  auto busy = post("/api/v1/units/" + parent + "/retire", "");
  EXPECT_EQ(busy.status, 422) << busy.body;
  EXPECT_EQ(post("/api/v1/units/09574-001/retire", "").status, 404);
  EXPECT_EQ(post("/api/v1/units/21220/retire", "{}").status, 403) << "the admin's own unit";
  EXPECT_EQ(post("/api/v1/units/" + code + "/retire", R"({"reason":"x"})").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/units/" + code + "/retire", "", json_auth(s_->add_user("bcd.sontinh", "steering", "21220"))).status, 403);

  auto retired = post("/api/v1/units/" + code + "/retire", "{}");
  ASSERT_EQ(retired.status, 200) << retired.body;
  EXPECT_EQ(retired.json().at("active"), false);
  EXPECT_TRUE(retired.json().at("successor").is_null());
  EXPECT_EQ(retired.json().at("retired_on"), bj::value(today));
  EXPECT_EQ(audit_count("unit.retire"), 1);
  // Its records still count for the commune; it is no longer offered as a place.
  EXPECT_EQ(call("GET", "/api/v1/activities?unit=21220&per_page=1", "", admin_).json().at("total").as_int64(), before);
  const auto after = call("GET", "/api/v1/units?parent=21220", "", admin_).json();
  for (const auto& u : after.at("items").as_array()) EXPECT_NE(std::string(u.at("code").as_string()), code);
  EXPECT_EQ(post("/api/v1/activities", R"({"unit":")" + code + R"(","type":"review","date":")" + today +
                                           R"(","title":"Sau khi giải thể","organizers":["front"]})")
                .status,
            400);
  EXPECT_EQ(post("/api/v1/units/" + code + "/retire", "").status, 404);
}
