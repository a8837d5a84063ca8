// The smaller defects of issue 12 (item 9), through the real server: /metrics is not public, a
// malformed chunk size gets a 400, a model's replications list only places in the caller's area.
// (Issuing a report needs reports.issue: reports_test; the poster's address: tips_test; the CSV
// formula guard: unit/core/csv_test.)
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

class SmallDefectsTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::uint16_t port() const { return s_->port(); }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(SmallDefectsTest, MetricsAreForOperatorsOnly) {
  s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
  // From this machine, directly: served.
  EXPECT_EQ(get(port(), "/metrics").status, 200);
  // Relayed by a proxy (it names its client): refused, even though the socket is local.
  EXPECT_EQ(request(port(), "GET", "/metrics", "", {{"X-Forwarded-For", "203.0.113.5"}}).status, 403);
  // With a token configured, only the token opens it.
  ServerOptionsForTest o;
  o.metrics_token = "bi-mat-cua-van-hanh-123";
  s_ = std::make_unique<ServerFixture>(GetParam(), o);
  EXPECT_EQ(get(port(), "/metrics").status, 403);
  EXPECT_EQ(request(port(), "GET", "/metrics", "", {{"Authorization", "Bearer sai"}}).status, 403);
  auto ok = request(port(), "GET", "/metrics", "", {{"Authorization", "Bearer bi-mat-cua-van-hanh-123"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("antq_http_requests_total"), std::string::npos);
}

TEST_P(SmallDefectsTest, AMalformedChunkSizeGetsA400) {
  s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
  auto r = send_raw(port(),
                    "POST /api/v1/public/tips HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("chunked"), std::string::npos);
  // A well-formed chunked body is read.
  const std::string json = R"({"unit":"21220-001","category":"drugs","description":"Có nhóm lạ hay tụ tập ban đêm.","anonymous":true})";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", json.size());
  auto good = send_raw(port(),
                       "POST /api/v1/public/tips HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
                           std::string(size) + "\r\n" + json + "\r\n0\r\n\r\n");
  EXPECT_EQ(good.status, 201) << good.body;
}

TEST_P(SmallDefectsTest, ReplicationsListOnlyPlacesInTheCallersArea) {
  s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{});
  const auto admin = json_auth(s_->national_admin());
  auto m = request(port(), "POST", "/api/v1/models",
                   R"({"unit":"21220-001","name":"Camera an ninh","kind":"model","field":"camera","started_on":"2025-03-01"})", admin);
  ASSERT_EQ(m.status, 201) << m.body;
  const std::string reps = "/api/v1/models/" + std::string(m.json().at("id").as_string()) + "/replications";
  ASSERT_EQ(request(port(), "POST", reps, R"({"unit":"21220-002","started_on":"2025-06-01"})", admin).status, 201);
  ASSERT_EQ(request(port(), "POST", reps, R"({"unit":"09574","started_on":"2025-07-01"})", admin).status, 201);
  EXPECT_EQ(request(port(), "GET", reps, "", bearer(s_->national_admin())).json().at("items").as_array().size(), 2u);
  // The commune sees its model and where it was copied inside the commune, not in Hà Nội.
  auto local = request(port(), "GET", reps, "", bearer(s_->commune_admin()));
  ASSERT_EQ(local.status, 200);
  const bj::value listed = local.json();
  const auto& items = listed.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("unit").at("code"), "21220-002");
}

INSTANTIATE_TEST_SUITE_P(Engines, SmallDefectsTest, ::testing::ValuesIn(antq::test::engines()));
