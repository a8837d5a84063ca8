// Posts to the channel groups of the registers (issue 15): a Zalo group with its id on the
// platform goes through the Zalo-OA-style connector to a local stub that checks the API's shape,
// the access token and the signature; a Facebook group or one without an id is recorded with its
// reach; groups outside the caller's area or dissolved cannot be chosen.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <mutex>
#include <thread>

#include "integration/news/news_support.hpp"
#include "modules/notifications/http_post.hpp"
#include "support/http_stub.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
using namespace antq::test::news;
namespace bj = boost::json;

namespace {

const std::string kToken = "oa-access-token-123";
const std::string kSecret = "bi-mat-ky-noi-dung";

// A stand-in for the Zalo OA endpoint: answers as Zalo does, {"error": 0} when the request has the
// group message's shape, the OA's token and a valid signature, an error code otherwise.
class ZaloStub {
 public:
  ZaloStub()
      : stub_([this](const std::string& req) {
          bj::object got;
          if (valid(req, got)) {
            std::lock_guard g(m_);
            accepted_.push_back(got);
            return std::make_pair(200, std::string(R"({"error":0,"message":"Success"})"));
          }
          ++refused_;
          return std::make_pair(200, std::string(R"({"error":-216,"message":"Access token is invalid"})"));
        }) {}
  std::string url() const { return "http://127.0.0.1:" + std::to_string(stub_.port()) + "/v3.0/oa/group/message"; }
  std::vector<bj::object> accepted() {
    std::lock_guard g(m_);
    return accepted_;
  }
  int refused() const { return refused_; }

 private:
  static bool valid(const std::string& req, bj::object& out) {
    const std::string body = request_body(req);
    if (req.rfind("POST /v3.0/oa/group/message ", 0) != 0 || request_header(req, "access_token") != kToken) return false;
    if (request_header(req, "X-Antq-Signature") != "sha256=" + notifications::hmac_sha256_hex(kSecret, body)) return false;
    boost::system::error_code ec;
    const auto v = bj::parse(body, ec);
    if (ec || !v.is_object()) return false;
    const auto* group = v.as_object().if_contains("recipient");
    const auto* message = v.as_object().if_contains("message");
    if (!group || !group->is_object() || !group->as_object().contains("group_id") || !message || !message->is_object() ||
        !message->as_object().contains("text")) {
      return false;
    }
    out = v.as_object();
    return true;
  }
  std::atomic<int> refused_{0};
  std::mutex m_;
  std::vector<bj::object> accepted_;
  HttpStub stub_;  // last: its thread stops before what it uses goes
};

std::string add_group(NewsServer& n, const std::string& token, const bj::object& fields) {
  bj::object body{{"kind", "channel"}, {"started_on", "2024-01-15"}};
  for (const auto& kv : fields) body[kv.key()] = kv.value();
  auto r = request(n.port(), "POST", "/api/v1/groups", bj::serialize(body), json_auth(token));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? std::string(r.json().at("id").as_string()) : "";
}

}  // namespace

class NewsChannelsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(NewsChannelsTest, AZaloGroupGetsThePostThroughTheConnectorOthersAreRecordedWithTheirReach) {
  ZaloStub stub;
  NewsServer n(GetParam(), "", [&stub](app::Config& c) {
    c.news_zalo_url = stub.url();
    c.news_zalo_token = kToken;
    c.news_zalo_secret = kSecret;
  });
  const auto zalo = add_group(
      n, n.police,
      {{"unit", "21220"}, {"name", "Zalo An ninh xã Sơn Tịnh"}, {"platform", "zalo"}, {"members_count", 214}, {"channel_ref", "zg-5501"}});
  const auto facebook =
      add_group(n, n.police, {{"unit", "21220"}, {"name", "Facebook Công an xã"}, {"platform", "facebook"}, {"members_count", 120}});
  const auto unlinked =
      add_group(n, n.police, {{"unit", "21220-001"}, {"name", "Zalo thôn Trường Thọ"}, {"platform", "zalo"}, {"members_count", 50}});
  const auto dissolved = add_group(
      n, n.police, {{"unit", "21220"}, {"name", "Nhóm cũ"}, {"platform", "zalo"}, {"members_count", 9}, {"dissolved_on", "2025-01-01"}});
  const auto elsewhere = add_group(n, n.front, {{"unit", "21211"}, {"name", "Zalo Tịnh Khê"}, {"platform", "zalo"}, {"members_count", 80}});

  // The composer offers the area's active groups, nobody else's.
  auto offer = request(n.port(), "GET", "/api/v1/news/recipients?units=21220&kind=warning", "", bearer(n.police));
  ASSERT_EQ(offer.status, 200) << offer.body;
  std::set<std::string> offered;
  const auto offered_json = offer.json();
  for (const auto& g : offered_json.at("channels").as_array()) offered.insert(std::string(g.at("id").as_string()));
  EXPECT_EQ(offered, (std::set<std::string>{zalo, facebook, unlinked}));

  for (const auto& bad : {elsewhere, dissolved, std::string("999999"), std::string("abc")}) {
    auto r = n.create(n.police, {{"kind", "warning"}, {"title", "x"}, {"body", "x"}, {"channels", bj::array{bj::value(bad)}}});
    EXPECT_EQ(r.status, 404) << bad << " " << r.body;
  }

  const auto id = n.publish_new(n.police, {{"kind", "warning"},
                                           {"title", "Cảnh báo <lừa đảo> qua mạng"},
                                           {"summary", "Không bấm vào đường link lạ."},
                                           {"body", "Nội dung."},
                                           {"channels", bj::array{bj::value(zalo), bj::value(facebook), bj::value(unlinked)}}});
  for (int i = 0; i < 100 && stub.accepted().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto got = stub.accepted();
  ASSERT_EQ(got.size(), 1u) << "refused: " << stub.refused();
  EXPECT_EQ(got[0].at("recipient").at("group_id"), "zg-5501");
  const std::string text(got[0].at("message").at("text").as_string());
  EXPECT_NE(text.find("[Cảnh báo] Cảnh báo <lừa đảo> qua mạng"), std::string::npos) << text;
  EXPECT_NE(text.find(kPublicUrl + "/tin-tuc/" + id), std::string::npos) << text;

  auto d = request(n.port(), "GET", "/api/v1/news/" + id + "/deliveries", "", bearer(n.police));
  for (int i = 0; i < 50 && d.json().at("figures").at("sent") != 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    d = request(n.port(), "GET", "/api/v1/news/" + id + "/deliveries", "", bearer(n.police));
  }
  EXPECT_EQ(d.json().at("figures").at("sent"), 1) << d.body;
  EXPECT_EQ(d.json().at("figures").at("recorded"), 2) << d.body;
  auto post = request(n.port(), "GET", "/api/v1/news/" + id, "", bearer(n.police));
  EXPECT_EQ(post.json().at("figures").at("recipients"), 214 + 120 + 50) << post.body;
  EXPECT_EQ(post.json().at("channels").as_array().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Engines, NewsChannelsTest, ::testing::ValuesIn(antq::test::engines()));
