// National lists (issue 12, defect 4): the catalogue, tip categories and the official criteria
// sets are shared by every commune's records and reports. A commune admin could switch off a tip
// category for the whole country, relabel catalogue entries and publish a new version of the
// Circular 124 set that every other commune then got by default. Now only a national admin
// changes them; a province's admin adds entries of its own, seen and accepted only inside it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>

#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

bool has_code(const bj::value& list, const std::string& code) {
  for (const auto& i : list.as_array())
    if (i.at("code") == bj::value(code)) return true;
  return false;
}

}  // namespace

class NationalListsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
    province_admin_ = s_->add_user("qt.quangngai", "admin", std::string("51"));
    hanoi_admin_ = s_->add_user("qt.hanoi", "admin", std::string("01"));
  }
  std::uint16_t port() const { return s_->port(); }
  HttpReply call(const std::string& method, const std::string& target, const std::string& body, const std::string& token) {
    return request(port(), method, target, body, body.empty() ? bearer(token) : json_auth(token));
  }
  std::unique_ptr<ServerFixture> s_;
  std::string province_admin_, hanoi_admin_;
};

TEST_P(NationalListsTest, OnlyANationalAdminChangesTheCatalogueAProvinceAddsItsOwn) {
  // The commune admin: no change to national entries, and no entries of its own either.
  EXPECT_EQ(call("PATCH", "/api/v1/catalog/topics/drugs", R"({"label":"Đổi tên"})", s_->commune_admin()).status, 403);
  EXPECT_EQ(call("PATCH", "/api/v1/catalog/activity_types/training", R"({"active":false})", s_->commune_admin()).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/catalog/topics", R"({"code":"xa_rieng","label":"Của xã"})", s_->commune_admin()).status, 403);
  // The province admin neither changes national entries…
  EXPECT_EQ(call("PATCH", "/api/v1/catalog/topics/drugs", R"({"label":"Đổi tên"})", province_admin_).status, 403);
  // …but adds its own, which applies inside Quảng Ngãi only.
  auto added = call("POST", "/api/v1/catalog/topics", R"({"code":"qn_cat_tac","label":"Khai thác cát trái phép"})", province_admin_);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json().at("national"), false);
  EXPECT_FALSE(has_code(get(port(), "/api/v1/catalog").json().at("topics"), "qn_cat_tac"));
  EXPECT_TRUE(has_code(get(port(), "/api/v1/catalog?unit=21220-001").json().at("topics"), "qn_cat_tac"));
  EXPECT_FALSE(has_code(get(port(), "/api/v1/catalog?unit=09574").json().at("topics"), "qn_cat_tac"));
  EXPECT_EQ(get(port(), "/api/v1/catalog?unit=nope").status, 404);
  // A record in Quảng Ngãi may use it; one in Hà Nội may not.
  const std::string act =
      R"({"unit":"%U","type":"propaganda","date":"2026-08-19","title":"Tuyên truyền","organizers":["police"],"topics":["qn_cat_tac"],"participants":30})";
  auto in_qn = call("POST", "/api/v1/activities", std::regex_replace(act, std::regex("%U"), "21220-001"), s_->national_admin());
  EXPECT_EQ(in_qn.status, 201) << in_qn.body;
  auto in_hn = call("POST", "/api/v1/activities", std::regex_replace(act, std::regex("%U"), "09574"), s_->national_admin());
  EXPECT_EQ(in_hn.status, 400) << in_hn.body;
  EXPECT_EQ(in_hn.json().at("error").at("field"), "topics");
  // Its own entry: it may edit it; Hà Nội's admin may not; the national admin may.
  EXPECT_EQ(call("PATCH", "/api/v1/catalog/topics/qn_cat_tac", R"({"label":"Khai thác cát, sỏi trái phép"})", province_admin_).status, 200);
  EXPECT_EQ(call("PATCH", "/api/v1/catalog/topics/qn_cat_tac", R"({"active":false})", hanoi_admin_).status, 403);
  // The national admin changes national entries.
  EXPECT_EQ(call("PATCH", "/api/v1/catalog/topics/drugs", R"({"label_en":"Narcotics"})", s_->national_admin()).status, 200);
  auto national = call("POST", "/api/v1/catalog/topics", R"({"code":"online_fraud_x","label":"Lừa đảo qua mạng"})", s_->national_admin());
  ASSERT_EQ(national.status, 201);
  EXPECT_EQ(national.json().at("national"), true);
}

TEST_P(NationalListsTest, TipCategoriesFollowTheSameRule) {
  EXPECT_EQ(call("PATCH", "/api/v1/tip-categories/drugs", R"({"active":false})", s_->commune_admin()).status, 403);
  EXPECT_EQ(call("PATCH", "/api/v1/tip-categories/drugs", R"({"active":false})", province_admin_).status, 403);
  EXPECT_TRUE(has_code(get(port(), "/api/v1/public/tip-categories").json().at("items"), "drugs"));
  auto own = call("POST", "/api/v1/tip-categories", R"({"code":"qn_sand","label":"Khai thác cát trái phép"})", province_admin_);
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_FALSE(has_code(get(port(), "/api/v1/public/tip-categories").json().at("items"), "qn_sand"));
  EXPECT_TRUE(has_code(get(port(), "/api/v1/public/tip-categories?unit=21220").json().at("items"), "qn_sand"));
  EXPECT_FALSE(has_code(get(port(), "/api/v1/public/tip-categories?unit=09574").json().at("items"), "qn_sand"));
  const std::map<std::string, std::string> json{{"Content-Type", "application/json"}};
  auto tip = [&](const std::string& unit) {
    return request(
        port(), "POST", "/api/v1/public/tips",
        R"({"unit":")" + unit + R"(","category":"qn_sand","description":"Có tàu hút cát trái phép ban đêm ở bãi sông.","anonymous":true})",
        json);
  };
  EXPECT_EQ(tip("21220-001").status, 201);
  auto elsewhere = tip("09574");
  EXPECT_EQ(elsewhere.status, 400) << elsewhere.body;
  EXPECT_EQ(call("PATCH", "/api/v1/tip-categories/qn_sand", R"({"label":"Hút cát trái phép"})", hanoi_admin_).status, 403);
  EXPECT_EQ(call("PATCH", "/api/v1/tip-categories/qn_sand", R"({"label":"Hút cát trái phép"})", province_admin_).status, 200);
  EXPECT_EQ(call("PATCH", "/api/v1/tip-categories/drugs", R"({"label_en":"Drugs"})", s_->national_admin()).status, 200);
}

TEST_P(NationalListsTest, TheOfficialCriteriaSetIsVersionedNationallyAndStaysTheDefault) {
  auto sets = call("GET", "/api/v1/evaluation-criteria?target_kind=residential_area", "", s_->national_admin());
  ASSERT_EQ(sets.status, 200);
  std::string official;
  const bj::value listed = sets.json();  // kept: the loop walks its array
  for (const auto& s : listed.at("items").as_array())
    if (!s.at("optional").as_bool()) official = std::string(s.at("code").as_string());
  ASSERT_FALSE(official.empty());
  const std::string v2 =
      R"({"code":")" + official +
      R"(","target_kind":"residential_area","title":"Bản sửa của xã","criteria":[{"code":"c1","text":"Chỉ một tiêu chí"}]})";
  EXPECT_EQ(call("POST", "/api/v1/evaluation-criteria", v2, s_->commune_admin()).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/evaluation-criteria", v2, province_admin_).status, 403);
  // The province's own set: allowed, but never the default of anyone's evaluation.
  const std::string own =
      R"({"code":"qn-khu-dan-cu","target_kind":"residential_area","title":"Bộ tiêu chí riêng của tỉnh","criteria":[{"code":"c1","text":"Tiêu chí tỉnh"}]})";
  auto created = call("POST", "/api/v1/evaluation-criteria", own, province_admin_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("national"), false);
  const std::string own_id(created.json().at("id").as_string());
  // Hà Nội neither sees nor uses it.
  EXPECT_EQ(call("GET", "/api/v1/evaluation-criteria/" + own_id, "", hanoi_admin_).status, 404);
  // An evaluation started without a set gets the official one.
  auto ev = call("POST", "/api/v1/evaluations", R"({"unit":"21220-001","year":2026})", s_->commune_admin());
  ASSERT_EQ(ev.status, 201) << ev.body;
  EXPECT_EQ(ev.json().at("criteria_set").at("code"), bj::value(official)) << ev.body;
  // The national admin publishes the next official version.
  EXPECT_EQ(call("POST", "/api/v1/evaluation-criteria", v2, s_->national_admin()).status, 201);
}

INSTANTIATE_TEST_SUITE_P(Engines, NationalListsTest, ::testing::ValuesIn(antq::test::engines()));
