// The yearly "An toàn về an ninh, trật tự" evaluation (C8), on each engine: the result computed
// from the criteria and the circular's rules, the workflow draft → submitted → returned →
// resubmitted → approved, who may submit and who may decide, versioned criteria sets, evidence
// files, the certificate, scope isolation and bad input.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <iterator>

#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

// Last year: its windows have closed whatever day the tests run.
int last_year() { return std::stoi(timeutil::today_vietnam().substr(0, 4)) - 1; }
std::string in_window() { return std::to_string(last_year()) + "-10-20"; }

}  // namespace

class EvaluationsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
    front_ = s_->add_user("mttq.sontinh", "front_officer", "21220");
    ubnd_ = s_->add_user("ubnd.sontinh", "steering", "21220");
    province_ = s_->add_user("bcd.quangngai", "steering", "51");
  }
  std::uint16_t port() const { return s_->port(); }

  HttpReply call(const std::string& method, const std::string& target, const std::string& body, const std::string& token) {
    return request(port(), method, target, body, json_auth(token));
  }
  void register_unit(const std::string& unit, int households = 100, int registered = 100) {
    auto r = call("POST", "/api/v1/evaluations/registrations",
                  bj::serialize(bj::object{{"unit", unit},
                                           {"year", last_year()},
                                           {"registered_on", std::to_string(last_year()) + "-02-10"},
                                           {"households_total", households},
                                           {"households_registered", registered}}),
                  front_);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  // A draft for `unit`, every criterion answered `met`; returns its id.
  std::string draft(const std::string& unit, bool met = true, const std::string& token = {}) {
    auto c = call("POST", "/api/v1/evaluations", bj::serialize(bj::object{{"unit", unit}, {"year", last_year()}}),
                  token.empty() ? front_ : token);
    EXPECT_EQ(c.status, 201) << c.body;
    const auto e = c.json();
    bj::object results;
    for (const auto& cr : e.at("criteria").as_array()) {
      if (!cr.at("auto").as_string().empty()) continue;
      results[cr.at("code").as_string()] = bj::object{{"met", met}, {"evidence", "Biên bản họp ngày 20/10"}};
    }
    const std::string id(e.at("id").as_string());
    auto p = call("PATCH", "/api/v1/evaluations/" + id, bj::serialize(bj::object{{"results", results}, {"evaluated_on", in_window()}}),
                  token.empty() ? front_ : token);
    EXPECT_EQ(p.status, 200) << p.body;
    return id;
  }
  void recognise(const std::string& unit) {
    register_unit(unit);
    const std::string id = draft(unit);
    ASSERT_EQ(call("POST", "/api/v1/evaluations/" + id + "/submit", "", front_).status, 200);
    auto a = call("POST", "/api/v1/evaluations/" + id + "/approve", "{}", ubnd_);
    ASSERT_EQ(a.status, 200) << a.body;
    ASSERT_EQ(a.json().at("result"), "passed");
  }
  std::unique_ptr<ServerFixture> s_;
  std::string front_, ubnd_, province_;
};

TEST_P(EvaluationsTest, SubmitReturnResubmitApproveAndCertificate) {
  register_unit("21220-001", 320, 320);
  auto c = call("POST", "/api/v1/evaluations", bj::serialize(bj::object{{"unit", "21220-001"}, {"year", last_year()}}), front_);
  ASSERT_EQ(c.status, 201) << c.body;
  const std::string id(c.json().at("id").as_string());
  const std::string item = "/api/v1/evaluations/" + id;
  EXPECT_EQ(c.json().at("status"), "draft");
  EXPECT_EQ(c.json().at("target_kind"), "residential_area");
  EXPECT_EQ(c.json().at("criteria_set").at("code"), "tt124-residential");
  EXPECT_EQ(c.json().at("window").at("from"), bj::value(std::to_string(last_year() - 1) + "-11-01"));
  EXPECT_EQ(c.json().at("approver_unit").at("code"), "21220");
  EXPECT_EQ(c.json().at("result"), nullptr);

  // Two answers: progress 2/5, no result yet, and it cannot be submitted.
  auto p = call("PATCH", item, R"({"results":{"c1":{"met":true,"evidence":"Nghị quyết chi bộ"},"c2":{"met":true}}})", front_);
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json().at("progress").at("answered"), 2);
  EXPECT_EQ(p.json().at("progress").at("total"), 5);
  auto early = call("POST", item + "/submit", "", front_);
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(early.json().at("error").at("field"), "results");

  // One criterion not met: the result is "not passed".
  p = call("PATCH", item, R"({"results":{"c3":{"met":true},"c4":{"met":false,"evidence":"Có 1 vụ trộm cắp"},"c5":{"met":true}}})", front_);
  EXPECT_EQ(p.json().at("result"), "not_passed");
  p = call("PATCH", item, R"({"results":{"c4":{"met":true}}})", front_);
  EXPECT_EQ(p.json().at("result"), "passed");
  EXPECT_EQ(p.json().at("criteria").at(0).at("evidence"), "Nghị quyết chi bộ") << "a partial update keeps the other answers";
  EXPECT_EQ(call("POST", item + "/submit", "", front_).json().at("error").at("field"), "evaluated_on");
  ASSERT_EQ(call("PATCH", item, bj::serialize(bj::object{{"evaluated_on", in_window()}}), front_).status, 200);
  auto sub = call("POST", item + "/submit", "", front_);
  ASSERT_EQ(sub.status, 200) << sub.body;
  EXPECT_EQ(sub.json().at("status"), "submitted");
  EXPECT_EQ(call("PATCH", item, R"({"notes":"sửa sau khi gửi"})", front_).status, 422) << "a submitted dossier is frozen";

  // The commune's steering committee returns it with a comment.
  EXPECT_EQ(call("POST", item + "/return", R"({})", ubnd_).status, 400) << "a return needs its reason";
  auto ret = call("POST", item + "/return", R"({"comment":"Bổ sung biên bản họp khu dân cư có chữ ký"})", ubnd_);
  ASSERT_EQ(ret.status, 200) << ret.body;
  EXPECT_EQ(ret.json().at("status"), "returned");
  // The commune sees the comment, fixes and resubmits.
  auto seen = call("GET", item, "", front_).json();
  const auto& last = seen.at("history").as_array().back();
  EXPECT_EQ(last.at("action"), "return");
  EXPECT_EQ(last.at("comment"), "Bổ sung biên bản họp khu dân cư có chữ ký");
  EXPECT_EQ(last.at("by"), "ubnd.sontinh");
  ASSERT_EQ(call("PATCH", item, R"({"results":{"c1":{"met":true,"evidence":"Biên bản họp có chữ ký"}}})", front_).status, 200);
  ASSERT_EQ(call("POST", item + "/submit", "", front_).status, 200);
  auto ok = call("POST", item + "/approve", R"({"comment":"Đồng ý công nhận"})", ubnd_);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("status"), "approved");
  EXPECT_EQ(ok.json().at("result"), "passed");
  EXPECT_EQ(ok.json().at("certificate").at("number"), "1/GCN-UBND");
  std::vector<std::string> actions;
  const auto approved = ok.json();
  for (const auto& h : approved.at("history").as_array()) actions.emplace_back(h.at("action").as_string());
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "return", "submit", "approve"}));
  EXPECT_EQ(call("POST", item + "/approve", "{}", ubnd_).status, 422) << "decided once";

  auto cert = request(port(), "GET", item + "/certificate", "", bearer(front_));
  ASSERT_EQ(cert.status, 200) << cert.body;
  EXPECT_NE(cert.header("content-type").find("text/html"), std::string::npos);
  for (const std::string s : {std::string("Cộng hòa xã hội chủ nghĩa Việt Nam"), std::string("Độc lập - Tự do - Hạnh phúc"),
                              std::string("Giấy công nhận"), std::string("Số: 1/GCN-UBND"), std::string("Thôn Trường Thọ"),
                              std::string("năm ") + std::to_string(last_year()), std::string("Ủy ban nhân dân xã Sơn Tịnh"),
                              std::string("size: A4 portrait"), std::string("Times New Roman"), std::string("Nơi nhận")}) {
    EXPECT_NE(cert.body.find(s), std::string::npos) << s;
  }
  // Audited at each step.
  auto audit = request(port(), "GET", "/api/v1/audit?entity=evaluation", "", bearer(s_->national_admin()));
  EXPECT_GE(audit.json().at("total").as_int64(), 6) << audit.body;

  // A not-passed evaluation is decided too, without a certificate.
  register_unit("21220-002");
  const std::string id2 = draft("21220-002", false);
  ASSERT_EQ(call("POST", "/api/v1/evaluations/" + id2 + "/submit", "", front_).status, 200);
  auto no = call("POST", "/api/v1/evaluations/" + id2 + "/approve", "{}", ubnd_);
  EXPECT_EQ(no.json().at("result"), "not_passed");
  EXPECT_EQ(no.json().at("certificate"), nullptr);
  EXPECT_EQ(request(port(), "GET", "/api/v1/evaluations/" + id2 + "/certificate", "", bearer(front_)).status, 422);
}

TEST_P(EvaluationsTest, WhoMaySubmitAndWhoMayDecide) {
  register_unit("21220-001");
  const std::string id = draft("21220-001");
  const std::string item = "/api/v1/evaluations/" + id;
  const auto village = s_->add_user("thon.truongtho", "village_officer", "21220-001");
  const auto outsider_front = s_->add_user("mttq.sontay", "front_officer", "09574");
  const auto outsider_ubnd = s_->add_user("ubnd.sontay", "steering", "09574");
  EXPECT_EQ(call("POST", "/api/v1/evaluations", bj::serialize(bj::object{{"unit", "21220-003"}, {"year", last_year()}}), village).status,
            403);
  EXPECT_EQ(
      call("POST", "/api/v1/evaluations", bj::serialize(bj::object{{"unit", "21220-003"}, {"year", last_year()}}), outsider_front).status,
      400);
  EXPECT_EQ(call("GET", item, "", outsider_front).status, 404);
  EXPECT_EQ(call("PATCH", item, R"({"notes":"x"})", outsider_front).status, 404);
  EXPECT_EQ(call("POST", item + "/submit", "", ubnd_).status, 403) << "the steering committee decides, it does not draft";
  ASSERT_EQ(call("POST", item + "/submit", "", front_).status, 200);
  EXPECT_EQ(call("POST", item + "/approve", "{}", front_).status, 403) << "no right to decide";
  EXPECT_EQ(call("POST", item + "/approve", "{}", outsider_ubnd).status, 404) << "another commune's committee";
  EXPECT_EQ(call("GET", "/api/v1/evaluations?unit=21220", "", outsider_front).status, 404);
  const auto theirs = call("GET", "/api/v1/evaluations", "", outsider_front).json();
  for (const auto& x : theirs.at("items").as_array()) {
    EXPECT_NE(x.at("unit").at("code"), "21220-001");
  }
  // Whoever submitted does not decide their own dossier, even with the right to.
  const auto commune_admin = s_->commune_admin();
  register_unit("21220-002");
  const std::string own = draft("21220-002", true, commune_admin);
  ASSERT_EQ(call("POST", "/api/v1/evaluations/" + own + "/submit", "", commune_admin).status, 200);
  EXPECT_EQ(call("POST", "/api/v1/evaluations/" + own + "/approve", "{}", commune_admin).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/evaluations/" + own + "/approve", "{}", ubnd_).status, 200);
  // A commune is decided by the level above it, not by its own committee.
  register_unit("21220");
  const std::string commune = draft("21220");
  ASSERT_EQ(call("POST", "/api/v1/evaluations/" + commune + "/submit", "", front_).status, 200);
  auto self = call("POST", "/api/v1/evaluations/" + commune + "/approve", "{}", ubnd_);
  EXPECT_EQ(self.status, 403) << self.body;
  EXPECT_EQ(call("POST", "/api/v1/evaluations/" + commune + "/approve", "{}", province_).status, 200);
}

TEST_P(EvaluationsTest, ACommuneNeedsItsUnitsRegisteredAndSeventyPercentRecognised) {
  // Xã Sơn Tịnh has 7 units to evaluate in the demo: 5 villages, a school and an enterprise.
  register_unit("21220");
  for (const char* u : {"21220-001", "21220-002", "21220-003", "21220-004"}) recognise(u);
  const std::string id = draft("21220");
  const std::string item = "/api/v1/evaluations/" + id;
  auto e = call("GET", item, "", front_).json();
  EXPECT_EQ(e.at("result"), "not_passed");
  EXPECT_EQ(e.at("criteria").at(3).at("auto"), "subunits");
  EXPECT_EQ(e.at("criteria").at(3).at("met"), false);
  std::map<std::string, std::string> detail;
  for (const auto& r : e.at("rules").as_array()) detail[std::string(r.at("code").as_string())] = r.at("detail").as_string();
  EXPECT_EQ(detail["subunits_registered"], "4/7");
  EXPECT_EQ(detail["subunits_recognised"], "4/7 (57%)");
  // The pending list: the commune and the three units not yet recognised.
  auto pending = call("GET", "/api/v1/evaluations/pending?unit=21220&year=" + std::to_string(last_year()), "", front_).json();
  std::vector<std::string> codes;
  for (const auto& x : pending.at("items").as_array()) codes.emplace_back(x.at("unit").at("code").as_string());
  EXPECT_EQ(codes, (std::vector<std::string>{"21220", "21220-005", "21220-101", "21220-102"}));

  register_unit("21220-101");
  register_unit("21220-102");
  recognise("21220-005");
  e = call("GET", item, "", front_).json();
  detail.clear();
  for (const auto& r : e.at("rules").as_array()) detail[std::string(r.at("code").as_string())] = r.at("detail").as_string();
  EXPECT_EQ(detail["subunits_registered"], "7/7");
  EXPECT_EQ(detail["subunits_recognised"], "5/7 (71%)");
  EXPECT_EQ(e.at("result"), "passed");
  ASSERT_EQ(call("POST", item + "/submit", "", front_).status, 200);
  auto ok = call("POST", item + "/approve", "{}", province_);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("certificate").at("number"), "1/GCN-UBND") << "numbered by the province, from 1";
  auto cert = request(port(), "GET", item + "/certificate", "", bearer(front_));
  EXPECT_NE(cert.body.find("Ủy ban nhân dân tỉnh Quảng Ngãi"), std::string::npos) << cert.body.substr(0, 2000);
}

TEST_P(EvaluationsTest, CriteriaSetsAreVersionedAndEvaluationsKeepTheirVersion) {
  auto sets = call("GET", "/api/v1/evaluation-criteria", "", front_);
  ASSERT_EQ(sets.status, 200);
  std::map<std::string, bj::object> by_code;
  const auto listed = sets.json();
  for (const auto& s : listed.at("items").as_array()) by_code[std::string(s.at("code").as_string())] = s.as_object();
  for (const char* code : {"tt124-residential", "tt124-commune", "tt124-agency", "tt124-enterprise", "tt124-school", "6-khong"}) {
    EXPECT_TRUE(by_code.count(code)) << code;
  }
  EXPECT_EQ(by_code["6-khong"].at("optional"), true);
  EXPECT_EQ(by_code["tt124-residential"].at("criteria").at(3).at("confirmed"), false) << "unconfirmed criteria ship as placeholders";

  register_unit("21220-001");
  const std::string old_id = draft("21220-001");
  const std::string v2 =
      R"J({"code":"tt124-residential","target_kind":"residential_area","title":"Tiêu chuẩn khu dân cư (đã đối chiếu)","criteria":[)J"
      R"({"code":"c1","text":"Quý I: nghị quyết, đăng ký, 100% hộ"},{"code":"c2","text":"Chấp hành chính sách"},)"
      R"({"code":"c3","text":"Không xảy ra vụ việc"},{"code":"c4","text":"Kiềm chế tội phạm"}]})";
  EXPECT_EQ(call("POST", "/api/v1/evaluation-criteria", v2, front_).status, 403);
  auto created = call("POST", "/api/v1/evaluation-criteria", v2, s_->national_admin());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("version"), 2);
  // The old evaluation keeps its five criteria; a new one gets the four of version 2.
  EXPECT_EQ(call("GET", "/api/v1/evaluations/" + old_id, "", front_).json().at("criteria").as_array().size(), 5u);
  register_unit("21220-002");
  auto fresh = call("POST", "/api/v1/evaluations", bj::serialize(bj::object{{"unit", "21220-002"}, {"year", last_year()}}), front_);
  EXPECT_EQ(fresh.json().at("criteria_set").at("version"), 2);
  EXPECT_EQ(fresh.json().at("criteria").as_array().size(), 4u);
  // The optional "6 không" set is chosen explicitly, as a separate evaluation of the same year.
  auto six =
      call("POST", "/api/v1/evaluations",
           bj::serialize(bj::object{{"unit", "21220-001"}, {"year", last_year()}, {"criteria_set", by_code["6-khong"].at("id")}}), front_);
  ASSERT_EQ(six.status, 201) << six.body;
  EXPECT_EQ(six.json().at("criteria").as_array().size(), 6u);
  for (const char* bad :
       {R"({"code":"x","target_kind":"village","title":"X","criteria":[{"code":"c1","text":"a"}]})",
        R"({"code":"x","target_kind":"commune","title":"X","criteria":[]})",
        R"({"code":"x","target_kind":"commune","title":"X","criteria":[{"code":"c1","text":"a"},{"code":"c1","text":"b"}]})",
        R"({"code":"x","target_kind":"school","title":"X","criteria":[{"code":"c1","text":"a","auto":"subunits"}]})",
        R"({"code":"Có dấu","target_kind":"school","title":"X","criteria":[{"code":"c1","text":"a"}]})"}) {
    EXPECT_EQ(call("POST", "/api/v1/evaluation-criteria", bad, s_->national_admin()).status, 400) << bad;
  }
  EXPECT_EQ(call("POST", "/api/v1/evaluation-criteria",
                 R"({"code":"6-khong","target_kind":"school","title":"X","criteria":[{"code":"c1","text":"a"}]})", s_->national_admin())
                .status,
            409);
}

TEST_P(EvaluationsTest, EvidenceFilesAndBadInput) {
  register_unit("21220-001");
  const std::string id = draft("21220-001");
  const std::string item = "/api/v1/evaluations/" + id;
  auto h = bearer(front_);
  h["Content-Type"] = "application/octet-stream";
  std::ifstream in(source_dir() + "/server/tests/data/photo.jpg", std::ios::binary);
  const std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto up = request(port(), "POST", item + "/attachments?criterion=c1", jpeg, h);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(request(port(), "POST", item + "/attachments?criterion=c9", jpeg, h).status, 400);
  EXPECT_EQ(request(port(), "POST", item + "/attachments", jpeg, h).status, 400);
  EXPECT_EQ(request(port(), "POST", item + "/attachments?criterion=c1", "just words", h).status, 415);
  auto e = call("GET", item, "", front_).json();
  ASSERT_EQ(e.at("criteria").at(0).at("attachments").as_array().size(), 1u);
  auto file = request(port(), "GET", item + "/attachments/" + std::string(up.json().at("id").as_string()), "", bearer(front_));
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, jpeg);
  const auto outsider = s_->add_user("mttq.sontay", "front_officer", "09574");
  EXPECT_EQ(request(port(), "GET", item + "/attachments/" + std::string(up.json().at("id").as_string()), "", bearer(outsider)).status, 404);

  const std::string y = std::to_string(last_year());
  auto expect = [&](const std::string& method, const std::string& target, const std::string& body, int status, const std::string& field) {
    auto r = call(method, target, body, front_);
    EXPECT_EQ(r.status, status) << body << " → " << r.body;
    if (r.status == status && !field.empty()) EXPECT_EQ(r.json().at("error").at("field"), bj::value(field)) << r.body;
  };
  expect("POST", "/api/v1/evaluations", "{oops", 400, "");
  expect("POST", "/api/v1/evaluations", R"({"year":2025})", 400, "unit");
  expect("POST", "/api/v1/evaluations", R"({"unit":"21220-003"})", 400, "year");
  expect("POST", "/api/v1/evaluations", R"({"unit":"21220-003","year":1900})", 400, "year");
  expect("POST", "/api/v1/evaluations", R"({"unit":"51","year":)" + y + "}", 400, "unit");
  expect("POST", "/api/v1/evaluations", R"({"unit":"21220-001","year":)" + y + "}", 409, "unit");
  expect("POST", "/api/v1/evaluations", R"({"unit":"21220-003","year":)" + y + R"(,"colour":"red"})", 400, "colour");
  expect("POST", "/api/v1/evaluations", R"({"unit":"21220-003","year":)" + y + R"(,"criteria_set":"2"})", 400, "criteria_set");
  expect("PATCH", item, R"({"results":{"c9":{"met":true}}})", 400, "results");
  expect("PATCH", item, R"({"results":{"c1":{"met":"yes"}}})", 400, "results");
  expect("PATCH", item, R"({"results":{"c1":true}})", 400, "results");
  expect("PATCH", item, R"({"results":[]})", 400, "results");
  expect("PATCH", item, R"({"evaluated_on":"2099-01-01"})", 400, "evaluated_on");
  expect("PATCH", item, R"({"notes":")" + std::string(6000, 'a') + R"("})", 400, "notes");
  expect("PATCH", item, R"({"evaluated_on":")" + std::to_string(last_year() - 2) + R"(-06-01"})", 200, "");
  expect("POST", item + "/submit", "", 422, "evaluated_on");
  expect(
      "POST", "/api/v1/evaluations/registrations",
      R"({"unit":"21220-003","year":)" + y + R"(,"registered_on":")" + y + R"(-02-01","households_total":10,"households_registered":11})",
      400, "households_registered");
  expect("POST", "/api/v1/evaluations/registrations", R"({"unit":"21220-001","year":)" + y + R"(,"registered_on":")" + y + R"(-02-01"})",
         409, "unit");
  expect("GET", "/api/v1/evaluations?status=lost", "", 400, "status");
  expect("GET", item + "/certificate", "", 422, "status");
  EXPECT_EQ(call("GET", "/api/v1/evaluations/abc", "", front_).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/evaluations/999999", "", front_).status, 404);
  // Drafts can be deleted; nothing else.
  EXPECT_EQ(call("DELETE", item, "", front_).status, 204);
  EXPECT_EQ(call("GET", item, "", front_).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, EvaluationsTest, ::testing::ValuesIn(antq::test::engines()));
