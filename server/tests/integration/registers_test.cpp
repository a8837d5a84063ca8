// Every movement register, on each engine: a valid record round-trips; validation names the field
// (negative counts, a future date, an unknown catalogue code, unknown fields); scope isolation;
// the export carries exactly the filtered list; edits and deletes are audited.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "core/csv.hpp"
#include "core/keyring.hpp"
#include "integration/register_samples.hpp"
#include "integration/server_fixture.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/movement/movement.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

using Sample = RegisterSample;
const std::vector<Sample>& samples() { return movement_samples(); }

std::string with_field(const std::string& body, const std::string& field, bj::value v) {
  auto o = bj::parse(body).as_object();
  o[field] = std::move(v);
  return bj::serialize(o);
}

}  // namespace

class RegistersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{}); }
  std::uint16_t port() const { return s_->port(); }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(RegistersTest, EveryRegisterValidatesScopesExportsAndAudits) {
  const auto writer_sontinh = s_->add_user("w.sontinh", "front_officer", "21220");
  const auto police_sontinh = s_->add_user("p.sontinh", "police_officer", "21220");
  const auto village_sontinh = s_->add_user("v.truongtho", "village_officer", "21220-001");
  const std::map<std::string, std::string> token_of{
      {"front_officer", writer_sontinh}, {"police_officer", police_sontinh}, {"village_officer", village_sontinh}};
  // The same roles in another commune (Phường Sơn Tây, Hà Nội).
  const std::map<std::string, std::string> outsider_of{{"front_officer", s_->add_user("w.sontay", "front_officer", "09574")},
                                                       {"police_officer", s_->add_user("p.sontay", "police_officer", "09574")},
                                                       {"village_officer", s_->add_user("v.sontay", "village_officer", "09574-001")}};
  for (const auto& s : samples()) {
    SCOPED_TRACE(s.name);
    const std::string base = "/api/v1/" + s.name;
    const auto& token = token_of.at(s.writer_role);
    auto created = request(port(), "POST", base, s.body, json_auth(token));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id(created.json().at("id").as_string());
    const std::string item = base + "/" + id;

    // Validation names the field.
    auto expect_400 = [&](const std::string& body, const std::string& field) {
      auto r = request(port(), "POST", base, body, json_auth(token));
      EXPECT_EQ(r.status, 400) << body << " → " << r.body;
      if (r.status == 400) EXPECT_EQ(std::string(r.json().at("error").at("field").as_string()), field) << r.body;
    };
    if (!s.count_field.empty()) expect_400(with_field(s.body, s.count_field, -1), s.count_field);
    if (!s.date_field.empty()) {
      const bool dt = s.date_field.find("_at") != std::string::npos;
      expect_400(with_field(s.body, s.date_field, dt ? "2099-01-01T00:00:00Z" : "2099-01-01"), s.date_field);
      expect_400(with_field(s.body, s.date_field, "01/02/2026"), s.date_field);
    }
    if (!s.code_field.empty()) expect_400(with_field(s.body, s.code_field, "khong_co_ma_nay"), s.code_field);
    expect_400(with_field(s.body, "colour", "red"), "colour");
    expect_400(with_field(s.body, "unit", "99999"), "unit");
    auto missing = bj::parse(s.body).as_object();
    missing.erase("unit");
    expect_400(bj::serialize(missing), "unit");
    EXPECT_EQ(request(port(), "POST", base, "{not json", json_auth(token)).status, 400);

    // Scope: another commune's officer neither sees nor touches it, nor writes into this commune.
    const auto& front_sontay = outsider_of.at(s.writer_role);
    auto other_list = request(port(), "GET", base, "", bearer(front_sontay));
    ASSERT_EQ(other_list.status, 200) << other_list.body;
    EXPECT_EQ(other_list.json().at("total").as_int64(), 0);
    EXPECT_EQ(request(port(), "GET", item, "", bearer(front_sontay)).status, 404);
    EXPECT_EQ(request(port(), "PATCH", item, R"({"unit":"21220-001"})", json_auth(front_sontay)).status, 404);
    EXPECT_EQ(request(port(), "DELETE", item, "", bearer(front_sontay)).status, 404);
    EXPECT_EQ(request(port(), "POST", base, s.body, json_auth(front_sontay)).status, 400);
    EXPECT_EQ(request(port(), "GET", base + "?unit=21220", "", bearer(front_sontay)).status, 404);
    EXPECT_EQ(request(port(), "GET", base + "/export?format=csv", "", bearer(front_sontay)).body.find(id + "\""), std::string::npos);

    // A second record elsewhere in the commune, then the filtered list and its export agree.
    auto second = bj::parse(s.body).as_object();
    if (second.at("unit").as_string() == "21220-001") second["unit"] = "21220-002";
    // A village officer writes only in their village: the commune's second record comes from an admin.
    auto c2 = request(port(), "POST", base, bj::serialize(second), json_auth(s_->commune_admin()));
    EXPECT_EQ(c2.status, 201) << c2.body;
    const std::string filter = "?unit=" + std::string(bj::parse(s.body).at("unit").as_string());
    auto list = request(port(), "GET", base + filter, "", bearer(token));
    ASSERT_EQ(list.status, 200) << list.body;
    auto csv = request(port(), "GET", base + "/export" + filter + "&format=csv", "", bearer(token));
    ASSERT_EQ(csv.status, 200) << csv.body;
    const auto records = csv::parse(csv.body);
    ASSERT_EQ(records.size(), list.json().at("items").as_array().size() + 1) << csv.body;
    for (std::size_t i = 0; i < list.json().at("items").as_array().size(); ++i) {
      EXPECT_EQ(records[i + 1].fields[0], std::string(list.json().at("items").as_array()[i].at("id").as_string()));
    }
    auto xlsx = request(port(), "GET", base + "/export" + filter + "&format=xlsx", "", bearer(token));
    EXPECT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    EXPECT_EQ(request(port(), "GET", base + "/export?format=pdf", "", bearer(token)).status, 400);

    // Edit, then delete: both audited.
    auto first_field = bj::parse(s.body).as_object();
    auto edited =
        request(port(), "PATCH", item, R"({"unit":")" + std::string(first_field.at("unit").as_string()) + "\"}", json_auth(token));
    EXPECT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(request(port(), "PATCH", item, "{}", json_auth(token)).status, 400);
    EXPECT_EQ(request(port(), "DELETE", item, "", bearer(token)).status, 204);
    EXPECT_EQ(request(port(), "GET", item, "", bearer(token)).status, 404);
  }
  auto audit = request(port(), "GET", "/api/v1/audit?per_page=500", "", bearer(s_->national_admin()));
  EXPECT_NE(audit.body.find("activity.delete"), std::string::npos);
  EXPECT_NE(audit.body.find("mediation.update"), std::string::npos);
  EXPECT_NE(audit.body.find("award.delete"), std::string::npos);
}

TEST_P(RegistersTest, RolesWithoutTheRegisterPermissionAreRefused) {
  const auto steering = s_->add_user("bcd", "steering", "51");
  const auto village = s_->add_user("v.truongtho", "village_officer", "21220-001");
  // Steering reads but never writes; a village officer cannot record awards.
  EXPECT_EQ(request(port(), "GET", "/api/v1/activities", "", bearer(steering)).status, 200);
  EXPECT_EQ(request(port(), "POST", "/api/v1/activities", samples()[0].body, json_auth(steering)).status, 403);
  EXPECT_EQ(request(port(), "POST", "/api/v1/awards", samples()[8].body, json_auth(village)).status, 403);
  EXPECT_EQ(request(port(), "GET", "/api/v1/activities", "").status, 401);
}

TEST_P(RegistersTest, MediationPartiesAreSealedAndOnlyCountedInLists) {
  const auto v = s_->add_user("v.truongtho", "village_officer", "21220-001");
  auto r = request(port(), "POST", "/api/v1/mediations", samples()[5].body, json_auth(v));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("parties").as_array().size(), 2u);  // the detail, for the mediator
  auto list = request(port(), "GET", "/api/v1/mediations", "", bearer(v));
  auto csv = request(port(), "GET", "/api/v1/mediations/export?format=csv", "", bearer(v));
  auto search = request(port(), "GET", "/api/v1/mediations?q=Ranh", "", bearer(v));
  for (const auto* out : {&list, &csv, &search}) EXPECT_EQ(out->body.find("Phạm Văn Ranh"), std::string::npos) << out->body;
  EXPECT_EQ(list.json().at("items").as_array()[0].at("parties_count").as_int64(), 2);
  // A reader who does not keep the book (the commune police) sees how many, not who.
  const auto police = s_->add_user("p.sontinh", "police_officer", "21220");
  auto read = request(port(), "GET", "/api/v1/mediations/" + std::string(r.json().at("id").as_string()), "", bearer(police));
  ASSERT_EQ(read.status, 200);
  EXPECT_FALSE(read.json().as_object().contains("parties"));
  EXPECT_EQ(read.body.find("Ranh"), std::string::npos);
  EXPECT_EQ(search.json().at("total").as_int64(), 0);
  auto stored = s_->database().db().read_value([](db::Connection& c) { return c.query("SELECT parties FROM mediations").rows[0].text(0); });
  EXPECT_EQ(stored.find("Ranh"), std::string::npos);
  // The year's record book prints the parties to those who keep the register (as the detail shows
  // them), and printing is a plain read: nothing is written.
  auto book = request(port(), "GET", "/api/v1/mediations/book?unit=21220-001&year=2026", "", bearer(v));
  ASSERT_EQ(book.status, 200) << book.body;
  EXPECT_NE(book.body.find("SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI"), std::string::npos);
  EXPECT_NE(book.body.find("Phạm Văn Ranh, 58 tuổi"), std::string::npos);
  // The outcome in the words of the register and of the web, in the rows and in the totals.
  EXPECT_NE(book.body.find("<td>Hòa giải thành</td><td></td>"), std::string::npos) << book.body;
  EXPECT_NE(book.body.find("<tr><td>Hòa giải thành</td><td>1</td></tr>"), std::string::npos) << book.body;
  EXPECT_EQ(request(port(), "GET", "/api/v1/mediations/book?year=2026", "", bearer(v)).status, 400);
  const auto outsider = s_->add_user("v.sontay", "village_officer", "09574-001");
  EXPECT_EQ(request(port(), "GET", "/api/v1/mediations/book?unit=21220-001&year=2026", "", bearer(outsider)).status, 404);
  auto audit = request(port(), "GET", "/api/v1/audit?action=mediation.book_print", "", bearer(s_->national_admin()));
  EXPECT_EQ(audit.json().at("items").as_array().size(), 0u) << audit.body;
  // A reader who may not see the parties in a record's detail does not see them in the book either
  // (the book printed every sealed name to every reader before).
  const auto reader = s_->add_user("bcd.sontinh.book", "steering", "21220");
  auto hidden = request(port(), "GET", "/api/v1/mediations/book?unit=21220-001&year=2026", "", bearer(reader));
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_EQ(hidden.body.find("Ranh"), std::string::npos);
  EXPECT_EQ(hidden.body.find("Giới"), std::string::npos);
  EXPECT_NE(hidden.body.find("2 bên (thông tin được bảo mật)"), std::string::npos);
  // A mediation belongs to a village or its commune, not to a province.
  auto wrong = request(port(), "POST", "/api/v1/mediations", with_field(samples()[5].body, "unit", "51"), json_auth(s_->national_admin()));
  EXPECT_EQ(wrong.status, 400);
}

TEST_P(RegistersTest, ListsFilterByUnitDateCodeAndText) {
  const auto w = s_->add_user("w.sontinh", "front_officer", "21220");
  for (const auto& [unit, date, force, title] : std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"21220-001", "2026-01-15", "police", "Tuyên truyền phòng chống ma túy"},
           {"21220-002", "2026-03-15", "front", "Tập huấn kỹ năng hòa giải"},
           {"21220-002", "2026-06-15", "women_union", "Hội nghị lắng nghe ý kiến"}}) {
    bj::object o{{"unit", unit}, {"type", "propaganda"}, {"date", date}, {"title", title}, {"organizers", bj::array{bj::value(force)}}};
    ASSERT_EQ(request(port(), "POST", "/api/v1/activities", bj::serialize(o), json_auth(w)).status, 201);
  }
  auto total = [&](const std::string& q) {
    auto r = request(port(), "GET", "/api/v1/activities" + q, "", bearer(w));
    EXPECT_EQ(r.status, 200) << q << r.body;
    return r.json().at("total").as_int64();
  };
  EXPECT_EQ(total(""), 3);
  EXPECT_EQ(total("?unit=21220-002"), 2);
  EXPECT_EQ(total("?from=2026-02-01&to=2026-06-15"), 2);
  EXPECT_EQ(total("?organizers=front"), 1);
  EXPECT_EQ(total("?q=ma%20tuy"), 1);  // without diacritics
  EXPECT_EQ(total("?type=training"), 0);
  // The activities of a coordination program.
  auto program = request(port(), "POST", "/api/v1/programs", samples()[6].body, json_auth(w));
  ASSERT_EQ(program.status, 201) << program.body;
  const std::string pid(program.json().at("id").as_string());
  bj::object linked{{"unit", "21220"},
                    {"type", "signing"},
                    {"date", "2026-05-05"},
                    {"title", "Ký kết giao ước thi đua"},
                    {"organizers", bj::array{"police", "front"}},
                    {"program_id", pid}};
  auto a = request(port(), "POST", "/api/v1/activities", bj::serialize(linked), json_auth(w));
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(a.json().at("program_id"), bj::value(pid));
  EXPECT_EQ(total("?program_id=" + pid), 1);
  EXPECT_EQ(request(port(), "GET", "/api/v1/activities?program_id=abc", "", bearer(w)).status, 400);
  // null clears an optional list.
  auto cleared = request(port(), "PATCH", "/api/v1/activities/" + std::string(a.json().at("id").as_string()),
                         R"({"audience":null,"program_id":null})", json_auth(w));
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json().at("audience").as_array().empty());
  EXPECT_TRUE(cleared.json().at("program_id").is_null());
  EXPECT_EQ(request(port(), "GET", "/api/v1/activities?from=15/01/2026", "", bearer(w)).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistersTest, ::testing::ValuesIn(antq::test::engines()));

TEST_P(RegistersTest, AModelRunsWhereItStartedAndWhereverItWasReplicated) {
  const auto w = s_->add_user("w.sontinh", "front_officer", "21220");
  auto m = request(port(), "POST", "/api/v1/models", samples()[2].body, json_auth(w));
  ASSERT_EQ(m.status, 201) << m.body;
  const std::string reps = "/api/v1/models/" + std::string(m.json().at("id").as_string()) + "/replications";
  for (const char* unit : {"21220-002", "21220-003", "21220-004"}) {
    auto r = request(port(), "POST", reps, R"({"unit":")" + std::string(unit) + R"(","started_on":"2025-09-01"})", json_auth(w));
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto list = request(port(), "GET", reps, "", bearer(w));
  ASSERT_EQ(list.json().at("items").as_array().size(), 3u);
  // Already running there; before the model began; its own origin; outside the area.
  EXPECT_EQ(request(port(), "POST", reps, R"({"unit":"21220-002","started_on":"2025-10-01"})", json_auth(w)).status, 409);
  EXPECT_EQ(request(port(), "POST", reps, R"({"unit":"21220-005","started_on":"2024-01-01"})", json_auth(w)).status, 400);
  EXPECT_EQ(request(port(), "POST", reps, R"({"unit":"21220-001","started_on":"2025-10-01"})", json_auth(w)).status, 400);
  EXPECT_EQ(request(port(), "POST", reps, R"({"unit":"09574-001","started_on":"2025-10-01"})", json_auth(w)).status, 400);
  const std::string rid(list.json().at("items").as_array()[0].at("id").as_string());
  auto ended = request(port(), "PATCH", reps + "/" + rid, R"({"ended_on":"2026-06-30"})", json_auth(w));
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json().at("items").as_array()[0].at("ended_on"), "2026-06-30");
  const auto other = s_->add_user("w.sontay", "front_officer", "09574");
  EXPECT_EQ(request(port(), "GET", reps, "", bearer(other)).status, 404);
}

TEST_P(RegistersTest, CitizensSendOpinionsOnline) {
  const std::map<std::string, std::string> json{{"Content-Type", "application/json"}};
  auto r = request(port(), "POST", "/api/v1/public/opinions",
                   R"({"unit":"21220-001","topic":"traffic","content":"Đề nghị lắp đèn đường ở ngã ba đầu thôn."})", json);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(request(port(), "POST", "/api/v1/public/opinions", R"({"unit":"21220-001","topic":"nope","content":"x"})", json).status, 400);
  EXPECT_EQ(request(port(), "POST", "/api/v1/public/opinions",
                    R"({"unit":"21220-001","topic":"traffic","content":"x","source":"conference"})", json)
                .status,
            400);
  const auto p = s_->add_user("p.sontinh", "police_officer", "21220");
  auto list = request(port(), "GET", "/api/v1/opinions?source=online", "", bearer(p));
  ASSERT_EQ(list.json().at("total").as_int64(), 1) << list.body;
  EXPECT_EQ(list.json().at("items").as_array()[0].at("status"), "received");
}

TEST_P(RegistersTest, DemoDataFillsEveryRegisterOnce) {
  auto& db = s_->database().db();
  const auto keys = crypto::Keyring::from_hex(s_->config().data_key);
  audit::AuditLog log(keys);
  EXPECT_GT(movement::seed_demo(db, keys, log), 40);
  EXPECT_EQ(movement::seed_demo(db, keys, log), 0);
  for (const auto& s : movement::specs()) {
    auto r = request(port(), "GET", "/api/v1/" + s.name + "?unit=21220", "", bearer(s_->commune_admin()));
    ASSERT_EQ(r.status, 200) << s.name << r.body;
    EXPECT_GT(r.json().at("total").as_int64(), 0) << s.name;
  }
}

TEST_P(RegistersTest, SecurityAndMediationTeamsFollowTheLaw) {
  const auto v = s_->add_user("p.sontinh", "police_officer", "21220");
  auto team =
      request(port(), "POST", "/api/v1/groups",
              R"({"unit":"21220-004","kind":"security_team","name":"Tổ bảo vệ ANTT thôn","started_on":"2024-07-01"})", json_auth(v));
  ASSERT_EQ(team.status, 201) << team.body;
  // One per village; a team sits in a village, not a commune.
  auto second = request(port(), "POST", "/api/v1/groups",
                        R"({"unit":"21220-004","kind":"security_team","name":"Tổ thứ hai","started_on":"2025-01-01"})", json_auth(v));
  EXPECT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(request(port(), "POST", "/api/v1/groups", R"({"unit":"21220","kind":"security_team","name":"Tổ xã","started_on":"2025-01-01"})",
                    json_auth(v))
                .status,
            400);
  const std::string members = "/api/v1/groups/" + std::string(team.json().at("id").as_string()) + "/members";
  auto add = [&](const std::string& body) { return request(port(), "POST", members, body, json_auth(v)); };
  EXPECT_EQ(add(R"({"name":"Người quá tuổi","role":"member","birth_year":1950,"joined_on":"2024-07-01"})").status, 400);
  EXPECT_EQ(add(R"({"name":"Người chưa đủ tuổi","role":"member","birth_year":2010,"joined_on":"2024-07-01"})").status, 400);
  EXPECT_EQ(add(R"({"name":"Không năm sinh","role":"member","joined_on":"2024-07-01"})").status, 400);
  EXPECT_EQ(add(R"({"name":"Trước khi lập tổ","role":"member","birth_year":1990,"joined_on":"2024-01-01"})").status, 400);
  auto leader = add(R"({"name":"Tổ trưởng mẫu","role":"leader","birth_year":1975,"joined_on":"2024-07-01"})");
  ASSERT_EQ(leader.status, 201) << leader.body;
  auto recent = add(R"({"name":"Tổ viên mới","role":"member","birth_year":1995,"joined_on":"2026-06-01"})");
  ASSERT_EQ(recent.status, 201) << recent.body;
  auto list = request(port(), "GET", members, "", bearer(v)).json();
  EXPECT_EQ(list.at("checks").as_array()[0].at("ok"), true);  // exactly one leader
  const std::string leader_id(list.at("items").as_array()[0].at("id").as_string());
  const std::string recent_id(list.at("items").as_array()[1].at("id").as_string());
  // A yearly rating needs 9 months of service by 14/11.
  auto rate = [&](const std::string& mid, const std::string& body) {
    return request(port(), "POST", members + "/" + mid + "/ratings", body, json_auth(v));
  };
  EXPECT_EQ(rate(leader_id, R"({"year":2025,"level":"good"})").status, 200);
  EXPECT_EQ(rate(recent_id, R"({"year":2026,"level":"good"})").status, 422);
  EXPECT_EQ(rate(leader_id, R"({"year":2025,"level":"best"})").status, 400);
  // "Excellent" beyond 20% of "good" is flagged (one excellent, nobody good).
  auto rated = rate(leader_id, R"({"year":2025,"level":"excellent"})");
  ASSERT_EQ(rated.status, 200);
  bool flagged = false;
  const auto rated_checks = rated.json().at("checks").as_array();
  for (const auto& c : rated_checks) flagged = flagged || (c.at("rule") == "excellent_share" && c.at("ok") == false);
  EXPECT_TRUE(flagged) << rated.body;
  EXPECT_EQ(request(port(), "PATCH", members + "/" + recent_id, R"({"role":"boss"})", json_auth(v)).status, 400);
  // The group's member count follows its active members.
  auto g = request(port(), "GET", "/api/v1/groups/" + std::string(team.json().at("id").as_string()), "", bearer(v)).json();
  EXPECT_EQ(g.at("members_count").as_int64(), 2);

  // A mediation team: at least 3 mediators, at least one woman — reported until it holds.
  auto med = request(port(), "POST", "/api/v1/groups",
                     R"({"unit":"21220-004","kind":"mediation_team","name":"Tổ hòa giải thôn","started_on":"2020-01-01"})", json_auth(v));
  ASSERT_EQ(med.status, 201) << med.body;
  const std::string mm = "/api/v1/groups/" + std::string(med.json().at("id").as_string()) + "/members";
  auto post = [&](const std::string& body) { return request(port(), "POST", mm, body, json_auth(v)); };
  EXPECT_EQ(post(R"({"name":"Không giới tính","role":"mediator","joined_on":"2020-01-01"})").status, 400);
  ASSERT_EQ(post(R"({"name":"Hòa giải viên 1","role":"leader","gender":"male","joined_on":"2020-01-01"})").status, 201);
  auto two = post(R"({"name":"Hòa giải viên 2","role":"mediator","gender":"male","joined_on":"2020-01-01"})");
  ASSERT_EQ(two.status, 201);
  const auto two_checks = two.json().at("checks").as_array();
  for (const auto& c : two_checks) EXPECT_EQ(c.at("ok"), false) << c;
  auto three = post(R"({"name":"Hòa giải viên 3","role":"mediator","gender":"female","joined_on":"2021-03-01"})");
  ASSERT_EQ(three.status, 201);
  const auto three_checks = three.json().at("checks").as_array();
  for (const auto& c : three_checks) EXPECT_EQ(c.at("ok"), true) << c;
  // Out of scope: another commune's officer cannot see the list.
  const auto other = s_->add_user("p.sontay", "police_officer", "09574");
  EXPECT_EQ(request(port(), "GET", mm, "", bearer(other)).status, 404);
}

TEST_P(RegistersTest, ActivitiesTakePhotosCheckedByContent) {
  const auto w = s_->add_user("w.sontinh", "front_officer", "21220");
  auto a = request(port(), "POST", "/api/v1/activities", samples()[0].body, json_auth(w));
  ASSERT_EQ(a.status, 201) << a.body;
  const std::string files = "/api/v1/activities/" + std::string(a.json().at("id").as_string()) + "/attachments";
  auto h = bearer(w);
  h["Content-Type"] = "application/octet-stream";
  std::ifstream in(source_dir() + "/server/tests/data/photo.jpg", std::ios::binary);
  const std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto up = request(port(), "POST", files, jpeg, h);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json().at("media_type"), "image/jpeg");
  EXPECT_EQ(request(port(), "POST", files, "not a picture at all, just words", h).status, 415);
  auto list = request(port(), "GET", files, "", bearer(w));
  ASSERT_EQ(list.json().at("items").as_array().size(), 1u);
  auto file = request(port(), "GET", files + "/" + std::string(up.json().at("id").as_string()), "", bearer(w));
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, jpeg);  // no metadata to remove in this one: unchanged
  const auto outsider = s_->add_user("w.sontay", "front_officer", "09574");
  auto oh = bearer(outsider);
  oh["Content-Type"] = "application/octet-stream";
  EXPECT_EQ(request(port(), "GET", files, "", bearer(outsider)).status, 404);
  EXPECT_EQ(request(port(), "POST", files, jpeg, oh).status, 404);
  // Registers without photos have no such route.
  EXPECT_EQ(request(port(), "GET", "/api/v1/pledges/1/attachments", "", bearer(w)).status, 404);
}

// nginx sends an edit or a deletion with an Idempotency-Key to another instance when the first
// gave no answer (deploy/nginx): the server answers the retry with the first answer, as for a POST.
TEST_P(RegistersTest, ARetriedEditOrDeletionWithItsIdempotencyKeyGetsTheFirstAnswer) {
  const auto w = s_->add_user("w.sontinh", "front_officer", "21220");
  auto a = request(port(), "POST", "/api/v1/activities", samples()[0].body, json_auth(w));
  ASSERT_EQ(a.status, 201) << a.body;
  const std::string item = "/api/v1/activities/" + std::string(a.json().at("id").as_string());
  const std::string seen = request(port(), "GET", item, "", bearer(w)).header("etag");
  auto keyed = [&](const std::string& key, const std::string& tag = "") {
    auto h = json_auth(w);
    h["Idempotency-Key"] = key;
    if (!tag.empty()) h["If-Match"] = tag;
    return h;
  };
  const std::string edit = bj::serialize(bj::object{{"title", "Ngày hội (sửa một lần)"}});
  auto first = request(port(), "PATCH", item, edit, keyed("edit-1", seen));
  ASSERT_EQ(first.status, 200) << first.body;
  // The retry of the same edit on the version it was made on: without the key a conflict with
  // itself (409), with it the first answer, and the record changed once.
  auto retry = request(port(), "PATCH", item, edit, keyed("edit-1", seen));
  EXPECT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.header("idempotent-replayed"), "true");
  EXPECT_EQ(request(port(), "PATCH", item, edit, keyed("edit-2", seen)).status, 409);
  // the key of that edit for another one: refused
  EXPECT_EQ(request(port(), "PATCH", item, bj::serialize(bj::object{{"title", "Khác"}}), keyed("edit-1")).status, 422);
  const std::string id(a.json().at("id").as_string());
  auto history = request(port(), "GET", "/api/v1/audit?action=activity.update&entity_id=" + id, "", bearer(s_->national_admin()));
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json().at("items").as_array().size(), 1u) << "edited once: " << history.body;

  auto gone = request(port(), "DELETE", item, "", keyed("delete-1"));
  ASSERT_EQ(gone.status, 204) << gone.body;
  auto again = request(port(), "DELETE", item, "", keyed("delete-1"));
  EXPECT_EQ(again.status, 204) << "the retry of a deletion that was done is told it was done, not 404";
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(request(port(), "DELETE", item, "", keyed("delete-2")).status, 404);
}

TEST_P(RegistersTest, AnEditMadeOnAnOlderVersionGets409WithTheRecordAsItIsNow) {
  const auto w = s_->add_user("w.sontinh", "front_officer", "21220");
  auto a = request(port(), "POST", "/api/v1/activities", samples()[0].body, json_auth(w));
  ASSERT_EQ(a.status, 201) << a.body;
  const std::string item = "/api/v1/activities/" + std::string(a.json().at("id").as_string());
  const std::string seen = request(port(), "GET", item, "", bearer(w)).header("etag");
  ASSERT_FALSE(seen.empty());
  auto title_json = [](const std::string& t) { return bj::serialize(bj::object{{"title", t}}); };
  auto with = [&](const std::string& tag) {
    auto h = json_auth(w);
    if (!tag.empty()) h["If-Match"] = tag;
    return h;
  };
  // Someone else saves first, on the version both saw.
  auto first = request(port(), "PATCH", item, title_json("Ngày hội (bản của người sửa trước)"), with(seen));
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string now = first.header("etag");
  EXPECT_NE(now, seen);
  // The second edit, made on the older version, is refused with the record as it is now.
  auto late = request(port(), "PATCH", item, title_json("Ngày hội (bản của người sửa sau)"), with(seen));
  ASSERT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(late.json().at("error").at("code"), "edit_conflict");
  EXPECT_EQ(late.json().at("current").at("title"), "Ngày hội (bản của người sửa trước)");
  EXPECT_EQ(late.header("etag"), now);
  EXPECT_EQ(request(port(), "GET", item, "", bearer(w)).json().at("title"), "Ngày hội (bản của người sửa trước)");
  // Chosen after comparing: sent again on the current version. Without If-Match (or with "*"): as before.
  EXPECT_EQ(request(port(), "PATCH", item, title_json("Ngày hội (bản đã chọn)"), with(now)).status, 200);
  EXPECT_EQ(request(port(), "PATCH", item, R"({"participants":351})", with("")).status, 200);
  EXPECT_EQ(request(port(), "PATCH", item, R"({"participants":352})", with("*")).status, 200);
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/activities/999999", R"({"participants":1})", with(now)).status, 404);

  // Eight edits at once on one version: exactly one wins, the others are told.
  const std::string base = request(port(), "GET", item, "", bearer(w)).header("etag");
  std::atomic<int> ok{0}, conflict{0};
  std::vector<std::thread> editors;
  for (int i = 0; i < 8; ++i) {
    editors.emplace_back([&, i] {
      const auto r = request(port(), "PATCH", item, R"({"participants":)" + std::to_string(400 + i) + "}", with(base));
      if (r.status == 200) ++ok;
      if (r.status == 409) ++conflict;
    });
  }
  for (auto& t : editors) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 7);
}

TEST_P(RegistersTest, APhotoSentAgainWithItsIdempotencyKeyIsStoredOnce) {
  // The offline outbox of a phone sends a photo again when the answer to the first send was lost.
  const auto w = s_->add_user("w.sontinh", "front_officer", "21220");
  auto a = request(port(), "POST", "/api/v1/activities", samples()[0].body, json_auth(w));
  ASSERT_EQ(a.status, 201) << a.body;
  const std::string files = "/api/v1/activities/" + std::string(a.json().at("id").as_string()) + "/attachments";
  std::ifstream in(source_dir() + "/server/tests/data/photo.jpg", std::ios::binary);
  const std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto h = bearer(w);
  h["Content-Type"] = "application/octet-stream";
  h["Idempotency-Key"] = "3f0c9a52-0d7e-4b8e-9b1a-photo-1";
  auto first = request(port(), "POST", files, jpeg, h);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = request(port(), "POST", files, jpeg, h);
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json().at("id"), first.json().at("id"));
  // The same key with other bytes is another request: refused, nothing stored.
  std::string other = jpeg;
  other.back() = static_cast<char>(other.back() ^ 1);
  EXPECT_EQ(request(port(), "POST", files, other, h).status, 422);
  EXPECT_EQ(request(port(), "GET", files, "", bearer(w)).json().at("items").as_array().size(), 1u);
}
