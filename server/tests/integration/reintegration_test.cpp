// Reintegration (C7) and hotspots (C8), on each engine: a person's identity never leaves through a
// list, search, export, error, audit entry or the log; only the commune's police see it in the
// detail, others through an audited reveal; status changes and sessions are kept; scope holds.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/log_capture.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

constexpr const char* kName = "Hoàng Văn Bímật";
constexpr const char* kIdNumber = "036099001234";
constexpr const char* kAddress = "Số 7 ngõ Vắng Vẻ";
constexpr const char* kFamily = "Chị gái Hoàng Thị Kínđáo";

std::string person_body(const std::string& unit = "21220-001") {
  return bj::serialize(bj::object{{"unit", unit},
                                  {"category", "released_prisoner"},
                                  {"name", kName},
                                  {"birth_year", 1990},
                                  {"id_number", kIdNumber},
                                  {"address", kAddress},
                                  {"start_date", "2025-03-01"},
                                  {"helper_family", kFamily},
                                  {"helper_organisation", "Hội Cựu chiến binh xã"},
                                  {"plan", std::string("Kế hoạch giúp ") + kName + " học nghề"}});
}

}  // namespace

class ReintegrationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void start() {
    s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
    police_ = s_->add_user("ca.sontinh", "police_officer", "21220");
    steering_ = s_->add_user("bcd.sontinh", "steering", "21220");
  }
  std::uint16_t port() const { return s_->port(); }
  std::string create_person(const std::string& unit = "21220-001") {
    auto r = request(port(), "POST", "/api/v1/reintegration/people", person_body(unit), json_auth(police_));
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").as_string());
  }
  std::unique_ptr<ServerFixture> s_;
  std::string police_, steering_;
};

TEST_P(ReintegrationTest, IdentityNeverLeavesExceptThroughTheCommunePoliceOrAReveal) {
  LogCapture capture;
  start();
  const auto province_police = s_->add_user("ca.quangngai", "police_officer", "51");
  auto created = request(port(), "POST", "/api/v1/reintegration/people", person_body(), json_auth(police_));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id(created.json().at("id").as_string());
  const std::string item = "/api/v1/reintegration/people/" + id;
  // The commune's police officer who manages the person sees who it is.
  EXPECT_EQ(created.json().at("identity_visible"), true);
  EXPECT_EQ(created.json().at("name"), kName);
  auto own = request(port(), "GET", item, "", bearer(police_));
  EXPECT_EQ(own.json().at("id_number"), kIdNumber);
  EXPECT_EQ(own.json().at("ref").as_string().subview().substr(0, 3), "HN-");

  // Searching by exact name (case, spacing and diacritics aside) or ID number finds the person.
  auto by_name = request(port(), "POST", "/api/v1/reintegration/people/search", R"({"name":"hoang van   BIMAT"})", json_auth(steering_));
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  ASSERT_EQ(by_name.json().at("total").as_int64(), 1);
  EXPECT_EQ(by_name.json().at("items").at(0).at("id"), bj::value(id));
  auto by_id = request(port(), "POST", "/api/v1/reintegration/people/search", R"({"id_number":"036-099-001-234"})", json_auth(steering_));
  EXPECT_EQ(by_id.json().at("total").as_int64(), 1) << by_id.body;
  EXPECT_EQ(request(port(), "POST", "/api/v1/reintegration/people/search", R"({"name":"Hoàng Văn"})", json_auth(steering_))
                .json()
                .at("total")
                .as_int64(),
            0)
      << "exact match only";
  EXPECT_EQ(request(port(), "POST", "/api/v1/reintegration/people/search", R"({})", json_auth(steering_)).status, 400);

  // Reveal: a reason, the permission, the area; audited with the reason.
  EXPECT_EQ(request(port(), "POST", item + "/reveal", R"({"reason":"xem"})", json_auth(province_police)).status, 400);
  EXPECT_EQ(
      request(port(), "POST", item + "/reveal", R"({"reason":"Kiểm tra hồ sơ theo yêu cầu của cấp trên"})", json_auth(steering_)).status,
      403);
  auto revealed =
      request(port(), "POST", item + "/reveal", R"({"reason":"Kiểm tra hồ sơ theo yêu cầu của cấp trên"})", json_auth(province_police));
  ASSERT_EQ(revealed.status, 200) << revealed.body;
  EXPECT_EQ(revealed.json().at("name"), kName);
  EXPECT_EQ(revealed.json().at("address"), kAddress);
  EXPECT_EQ(revealed.json().at("helper_family"), kFamily);
  auto audit = request(port(), "GET", "/api/v1/audit?action=reintegration_person.reveal", "", bearer(s_->national_admin()));
  ASSERT_EQ(audit.json().at("items").as_array().size(), 1u) << audit.body;
  EXPECT_EQ(audit.json().at("items").at(0).at("actor"), "ca.quangngai");
  EXPECT_EQ(audit.json().at("items").at(0).at("reason"), "Kiểm tra hồ sơ theo yêu cầu của cấp trên");

  // Everything else, including what the province's police officer and the steering committee see.
  const std::vector<HttpReply> outputs{
      request(port(), "GET", "/api/v1/reintegration/people", "", bearer(police_)),
      request(port(), "GET", "/api/v1/reintegration/people?q=Hoang", "", bearer(police_)),
      request(port(), "GET", "/api/v1/reintegration/people?q=B%C3%ADm%E1%BA%ADt", "", bearer(police_)),
      by_name,
      by_id,
      request(port(), "GET", item, "", bearer(steering_)),
      request(port(), "GET", item, "", bearer(province_police)),
      request(port(), "GET", "/api/v1/reintegration/people/export?format=csv", "", bearer(police_)),
      request(port(), "GET", item + "/status-history", "", bearer(steering_)),
      request(port(), "GET", item + "/sessions", "", bearer(steering_)),
      request(port(), "GET", "/api/v1/audit", "", bearer(s_->national_admin())),
      request(port(), "PATCH", item, R"({"status":"escaped"})", json_auth(police_)),
      request(port(), "POST", "/api/v1/reintegration/people",
              bj::serialize(bj::object{{"unit", "21220-001"}, {"category", "nope"}, {"name", kName}, {"start_date", "2025-01-01"}}),
              json_auth(police_)),
      request(port(), "POST", "/api/v1/reintegration/people",
              bj::serialize(bj::object{
                  {"unit", "21220-001"}, {"category", "other"}, {"name", std::string(200, 'x') + kName}, {"start_date", "2025-01-01"}}),
              json_auth(police_)),
      request(port(), "POST", "/api/v1/reintegration/people/search", bj::serialize(bj::object{{"name", kName}, {"unit", "09574"}}),
              json_auth(police_)),
      // Reports: figures, the printable document and the tables.
      request(port(), "GET", "/api/v1/reports/summary?unit=21220&from=2025-01-01&to=" + timeutil::today_vietnam(), "", bearer(police_)),
      request(port(), "GET", "/api/v1/reports/summary?unit=21220&from=2025-01-01&to=" + timeutil::today_vietnam() + "&format=html", "",
              bearer(police_)),
      request(port(), "GET", "/api/v1/reports/summary?unit=21220&from=2025-01-01&to=" + timeutil::today_vietnam() + "&format=csv", "",
              bearer(police_)),
  };
  EXPECT_EQ(outputs[2].json().at("total").as_int64(), 0) << "a name is not in the free-text search";
  EXPECT_EQ(outputs[5].json().at("identity_visible"), false);
  EXPECT_EQ(outputs[6].json().at("identity_visible"), false) << "outside the commune: reveal only";
  EXPECT_EQ(outputs[7].status, 200);
  EXPECT_NE(outputs[7].body.find("HN-"), std::string::npos) << "the export names people by their reference";
  EXPECT_EQ(outputs[11].status, 400);
  EXPECT_EQ(outputs[12].status, 400);
  EXPECT_EQ(outputs[13].status, 400);
  EXPECT_EQ(outputs[14].status, 404);
  EXPECT_EQ(outputs[15].json().at("reintegration").at("people"), 1) << "the person is counted, never named";
  // At rest: sealed, never the clear value.
  auto rows = s_->database().db().read_value([&](db::Connection& c) {
    return c.query("SELECT name, id_number, address, helper_family, plan, name_hash, search_text FROM reintegration_people");
  });
  s_.reset();  // every log line is out
  const std::string log_text = capture.stop();
  EXPECT_NE(log_text.find("/api/v1/reintegration/people"), std::string::npos) << "the log was captured";
  for (const std::string needle : {std::string(kName), std::string("Bímật"), std::string("bimat"), std::string(kIdNumber),
                                   std::string("099001234"), std::string(kAddress), std::string("Kínđáo")}) {
    for (const auto& o : outputs) EXPECT_EQ(o.body.find(needle), std::string::npos) << needle << " in " << o.body.substr(0, 600);
    EXPECT_EQ(log_text.find(needle), std::string::npos) << needle << " in the log";
    for (const auto& r : rows.rows)
      for (std::size_t i = 0; i < 7; ++i)
        if (!r.is_null(i)) EXPECT_EQ(r.text(i).find(needle), std::string::npos) << needle << " stored in clear";
  }
}

TEST_P(ReintegrationTest, StatusChangesAndSessionsAreKept) {
  start();
  const std::string item = "/api/v1/reintegration/people/" + create_person();
  auto p = request(port(), "PATCH", item, R"({"status":"progressing","status_since":"2025-09-01"})", json_auth(police_));
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json().at("status_since"), "2025-09-01");
  EXPECT_EQ(request(port(), "PATCH", item, R"({"status":"completed","status_since":"2025-01-01"})", json_auth(police_)).status, 400)
      << "a status cannot begin before the help did";
  ASSERT_EQ(request(port(), "PATCH", item, R"({"status":"completed"})", json_auth(police_)).status, 200);
  EXPECT_EQ(request(port(), "PATCH", item, R"({"helper_officer":"Thượng úy Nguyễn Văn Cán"})", json_auth(police_)).status, 200);
  auto h = request(port(), "GET", item + "/status-history", "", bearer(police_)).json().at("items").as_array();
  ASSERT_EQ(h.size(), 3u) << "created, progressing, completed (other edits are not status changes)";
  EXPECT_EQ(h[0].at("status"), "active");
  EXPECT_EQ(h[0].at("on"), "2025-03-01");
  EXPECT_EQ(h[1].at("status"), "progressing");
  EXPECT_EQ(h[1].at("on"), "2025-09-01");
  EXPECT_EQ(h[2].at("status"), "completed");
  EXPECT_EQ(h[2].at("on"), bj::value(timeutil::today_vietnam()));

  const std::string sessions = item + "/sessions";
  auto s1 =
      request(port(), "POST", sessions,
              R"({"date":"2025-03-10","kind":"visit","helpers":"Vợ và Trưởng thôn","notes":"Động viên tìm việc"})", json_auth(police_));
  ASSERT_EQ(s1.status, 201) << s1.body;
  ASSERT_EQ(request(port(), "POST", sessions, R"({"date":"2025-04-10","kind":"education"})", json_auth(police_)).status, 201);
  ASSERT_EQ(request(port(), "POST", sessions, R"({"date":"2025-05-10","kind":"support"})", json_auth(police_)).status, 201);
  for (const char* bad : {R"({"date":"2099-01-01","kind":"visit"})", R"({"date":"2025-02-01","kind":"visit"})",
                          R"({"date":"10/03/2025","kind":"visit"})", R"({"date":"2025-03-10","kind":"party"})", R"({"date":"2025-03-10"})",
                          R"({"date":"2025-03-10","kind":"visit","mood":"good"})", "[1,2]", "{"}) {
    EXPECT_EQ(request(port(), "POST", sessions, bad, json_auth(police_)).status, 400) << bad;
  }
  auto mine = request(port(), "GET", sessions, "", bearer(police_)).json().at("items").as_array();
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(mine[2].at("notes"), "Động viên tìm việc");
  auto theirs = request(port(), "GET", sessions, "", bearer(steering_));
  EXPECT_EQ(theirs.json().at("items").at(2).at("has_notes"), true);
  EXPECT_EQ(theirs.body.find("Động viên"), std::string::npos) << "notes travel with the identity";
  const std::string sid(mine[0].at("id").as_string());
  EXPECT_EQ(request(port(), "DELETE", sessions + "/" + sid, "", bearer(steering_)).status, 403);
  EXPECT_EQ(request(port(), "DELETE", sessions + "/" + sid, "", bearer(police_)).status, 204);
  EXPECT_EQ(request(port(), "DELETE", sessions + "/" + sid, "", bearer(police_)).status, 404);
}

TEST_P(ReintegrationTest, OtherAreasSeeNothing) {
  start();
  const std::string id = create_person();
  const std::string item = "/api/v1/reintegration/people/" + id;
  const auto outsider = s_->add_user("ca.sontay", "police_officer", "09574");
  const auto village = s_->add_user("thon.truongtho", "village_officer", "21220-001");
  auto list = request(port(), "GET", "/api/v1/reintegration/people", "", bearer(outsider));
  ASSERT_EQ(list.status, 200);
  const auto listed = list.json();
  for (const auto& x : listed.at("items").as_array()) EXPECT_NE(x.at("id"), bj::value(id));
  EXPECT_EQ(request(port(), "GET", item, "", bearer(outsider)).status, 404);
  EXPECT_EQ(request(port(), "GET", item + "/sessions", "", bearer(outsider)).status, 404);
  EXPECT_EQ(request(port(), "GET", item + "/status-history", "", bearer(outsider)).status, 404);
  EXPECT_EQ(request(port(), "POST", item + "/reveal", R"({"reason":"Tò mò muốn biết người này là ai"})", json_auth(outsider)).status, 404);
  EXPECT_EQ(request(port(), "PATCH", item, R"({"status":"moved"})", json_auth(outsider)).status, 404);
  EXPECT_EQ(request(port(), "POST", "/api/v1/reintegration/people/search", bj::serialize(bj::object{{"name", kName}}), json_auth(outsider))
                .json()
                .at("total")
                .as_int64(),
            0);
  EXPECT_EQ(request(port(), "POST", "/api/v1/reintegration/people", person_body("21220-002"), json_auth(outsider)).status, 400);
  // A village officer has no access to this register at all.
  EXPECT_EQ(request(port(), "GET", "/api/v1/reintegration/people", "", bearer(village)).status, 403);
  EXPECT_EQ(request(port(), "GET", item, "", bearer(village)).status, 403);
}

TEST_P(ReintegrationTest, HotspotsWithPlanAndMilestones) {
  start();
  const auto h = json_auth(police_);
  const std::string body =
      R"({"unit":"21220-002","name":"Khu vực bãi sông thôn Phú Thọ","problem_types":["drugs","social_evils"],"designated_on":"2025-04-10",)"
      R"("plan":"Lắp đèn, camera; tuần tra ban đêm","milestones":[{"title":"Lắp đèn chiếu sáng","due_on":"2025-06-30","done_on":"2025-06-20"},)"
      R"({"title":"Lắp camera","due_on":"2026-03-31"}]})";
  auto c = request(port(), "POST", "/api/v1/hotspots", body, h);
  ASSERT_EQ(c.status, 201) << c.body;
  EXPECT_EQ(c.json().at("status"), "designated");
  EXPECT_EQ(c.json().at("milestones").as_array().size(), 2u);
  const std::string item = "/api/v1/hotspots/" + std::string(c.json().at("id").as_string());
  auto bad = [&](const std::string& method, const std::string& target, const std::string& b, const std::string& field) {
    auto r = request(port(), method, target, b, h);
    EXPECT_EQ(r.status, 400) << b << " → " << r.body;
    if (r.status == 400) EXPECT_EQ(r.json().at("error").at("field"), bj::value(field)) << r.body;
  };
  bad("PATCH", item, R"({"status":"transformed"})", "transformed_on");
  bad("PATCH", item, R"({"status":"transformed","transformed_on":"2025-01-01"})", "transformed_on");
  bad("PATCH", item, R"({"milestones":[{"due_on":"2025-06-30"}]})", "milestones");
  bad("PATCH", item, R"({"milestones":[{"title":"Lắp đèn","due_on":"30/06/2025"}]})", "milestones");
  bad("PATCH", item, R"({"milestones":[{"title":"Lắp đèn","owner":"ai"}]})", "milestones");
  bad("PATCH", item, R"({"problem_types":[]})", "problem_types");
  bad("POST", "/api/v1/hotspots", R"({"unit":"21220-002","name":"X","problem_types":["unknown_topic"],"designated_on":"2025-04-10"})",
      "problem_types");
  auto done = request(port(), "PATCH", item, R"({"status":"transformed","transformed_on":"2026-01-05"})", h);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(request(port(), "GET", "/api/v1/hotspots?status=transformed&unit=21220", "", bearer(steering_)).json().at("total").as_int64(),
            1);
  auto csv = request(port(), "GET", "/api/v1/hotspots/export?format=csv&unit=21220-002", "", bearer(steering_));
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Lắp đèn chiếu sáng (hạn 30/06/2025) (xong 20/06/2025)"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("Đã chuyển hóa"), std::string::npos);
  // Scope and permissions.
  const auto outsider = s_->add_user("ca.sontay", "police_officer", "09574");
  EXPECT_EQ(request(port(), "GET", item, "", bearer(outsider)).status, 404);
  const auto village = s_->add_user("thon.phutho", "village_officer", "21220-002");
  EXPECT_EQ(request(port(), "GET", "/api/v1/hotspots", "", bearer(village)).status, 403);
  EXPECT_EQ(request(port(), "POST", "/api/v1/hotspots", body, json_auth(steering_)).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReintegrationTest, ::testing::ValuesIn(antq::test::engines()));
