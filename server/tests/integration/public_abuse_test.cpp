// Abuse of the public side (issue 12, defects 5 and 6), through the real server.
// 5: sixteen slow uploads, sent without logging in (a self-submitted tip's code and secret
//    suffice), held every upload slot for 600 s each. Now: at most two public uploads at once per
//    address, a minimum transfer rate, and staff uploads in a pool of their own.
// 6: 300 forged tips an hour silenced a unit's citizens for an hour (429, Retry-After: 3600).
//    Now the flood is kept but held for review, the work asked of senders grows, and a genuine
//    citizen still gets through.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <regex>
#include <thread>

#include "integration/server_fixture.hpp"
#include "modules/tips/proof_of_work.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

const std::map<std::string, std::string> kJson{{"Content-Type", "application/json"}};

std::string tip_body(const std::string& text) {
  return bj::serialize(bj::object{{"unit", "21220-001"}, {"category", "drugs"}, {"description", text}, {"anonymous", true}});
}

// Starts an upload that never finishes: headers and a few bytes of a large announced body.
int hold_upload(std::uint16_t port, const std::string& target, const std::map<std::string, std::string>& headers) {
  const int fd = connect_to(port);
  std::string req = "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 5000000\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  req += "\r\n\xFF\xD8\xFF";
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  return fd;
}

// The server's own count of uploads streaming now (a gauge in /metrics).
int uploads_in_progress(std::uint16_t port, const std::string& caller) {
  const auto m = get(port, "/metrics").body;
  std::smatch match;
  if (!std::regex_search(m, match, std::regex("antq_http_uploads_in_progress\\{caller=\"" + caller + "\"\\} (\\d+)"))) return -1;
  return std::stoi(match[1]);
}

bool wait_for(const std::function<bool()>& f) {
  for (int i = 0; i < 400; ++i) {
    if (f()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return false;
}

}  // namespace

class PublicAbuseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void start(ServerOptionsForTest o) {
    o.trust_forwarded_for = true;  // each request says which address it comes from
    s_ = std::make_unique<ServerFixture>(GetParam(), o);
  }
  std::uint16_t port() const { return s_->port(); }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(PublicAbuseTest, SlowPublicUploadsCannotTakeEverySlot) {
  ServerOptionsForTest o;
  o.upload_grace_ms = 60000;  // the held uploads below stay within their allowance
  start(o);
  auto t = request(port(), "POST", "/api/v1/public/tips", tip_body("Có người lạ theo dõi nhà tôi nhiều đêm liền."), kJson);
  ASSERT_EQ(t.status, 201) << t.body;
  const std::string target = "/api/v1/public/tips/" + std::string(t.json().at("tracking_code").as_string()) + "/attachments";
  const std::string secret(t.json().at("secret").as_string());
  std::vector<int> held;
  auto from = [&](const std::string& ip) { return std::map<std::string, std::string>{{"X-Tip-Secret", secret}, {"X-Forwarded-For", ip}}; };
  // Two at once from one address…
  held.push_back(hold_upload(port(), target, from("203.0.113.1")));
  held.push_back(hold_upload(port(), target, from("203.0.113.1")));
  ASSERT_TRUE(wait_for([&] { return uploads_in_progress(port(), "public") == 2; }));
  // …a third is refused at once, with Retry-After.
  std::string third_req = "POST " + target + " HTTP/1.1\r\nHost: x\r\nX-Tip-Secret: " + secret +
                          "\r\nX-Forwarded-For: 203.0.113.1\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n";
  auto third = send_raw(port(), third_req);
  EXPECT_EQ(third.status, 503);
  EXPECT_FALSE(third.header("retry-after").empty());
  // Others fill the public pool (16), two addresses at a time…
  for (int i = 0; i < 14; ++i) held.push_back(hold_upload(port(), target, from("198.51.100." + std::to_string(i / 2 + 1))));
  ASSERT_TRUE(wait_for([&] { return uploads_in_progress(port(), "public") == 16; }));
  auto seventeenth = send_raw(port(), std::regex_replace(third_req, std::regex("203\\.0\\.113\\.1"), "192.0.2.200"));
  EXPECT_EQ(seventeenth.status, 503);
  // …and an officer still attaches evidence: staff uploads have their own pool.
  const auto officer = s_->add_user("w.sontinh", "front_officer", "21220");
  auto act = request(
      port(), "POST", "/api/v1/activities",
      R"({"unit":"21220-001","type":"propaganda","date":"2026-08-19","title":"Tuyên truyền","organizers":["police"],"participants":30})",
      json_auth(officer));
  ASSERT_EQ(act.status, 201) << act.body;
  std::ifstream in(source_dir() + "/server/tests/data/photo.jpg", std::ios::binary);
  const std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto h = bearer(officer);
  h["Content-Type"] = "application/octet-stream";
  auto staff = request(port(), "POST", "/api/v1/activities/" + std::string(act.json().at("id").as_string()) + "/attachments", jpeg, h);
  EXPECT_EQ(staff.status, 201) << staff.body;
  for (int fd : held) ::close(fd);
  EXPECT_TRUE(wait_for([&] { return uploads_in_progress(port(), "public") == 0; }));
}

TEST_P(PublicAbuseTest, AnUploadTricklingBelowTheMinimumRateIsCutOff) {
  ServerOptionsForTest o;
  o.upload_grace_ms = 800;
  o.upload_min_rate_bytes = 64 * 1024;
  start(o);
  auto t = request(port(), "POST", "/api/v1/public/tips", tip_body("Xe máy không biển số chạy đêm quanh chợ."), kJson);
  ASSERT_EQ(t.status, 201);
  const std::string target = "/api/v1/public/tips/" + std::string(t.json().at("tracking_code").as_string()) + "/attachments";
  const int fd = hold_upload(port(), target, {{"X-Tip-Secret", std::string(t.json().at("secret").as_string())}});
  // One byte every half second: never idle for the body timeout (2 s here), yet far below the rate.
  const auto start_at = std::chrono::steady_clock::now();
  bool closed = false;
  for (int i = 0; i < 40 && !closed; ++i) {
    ::send(fd, "\x00", 1, MSG_NOSIGNAL);
    closed = closed_within(fd, std::chrono::milliseconds(500));
  }
  EXPECT_TRUE(closed) << "the server kept a trickling upload open";
  EXPECT_LT(std::chrono::steady_clock::now() - start_at, std::chrono::seconds(8));
  ::close(fd);
  EXPECT_TRUE(wait_for([&] { return uploads_in_progress(port(), "public") == 0; }));
}

TEST_P(PublicAbuseTest, AFloodIsHeldForReviewAndACitizenStillGetsThrough) {
  ServerOptionsForTest o;
  o.public_rate_limit = true;
  o.public_tips_per_hour = 1000;  // per address: not what this test is about
  o.public_tips_per_hour_per_unit = 5;
  o.public_challenge = true;
  o.public_challenge_bits = 4;
  start(o);
  auto solve = [&](const std::string& unit) {
    auto ch = get(port(), "/api/v1/public/challenge?unit=" + unit);
    EXPECT_EQ(ch.status, 200);
    const std::string token(ch.json().at("token").as_string());
    const int bits = static_cast<int>(ch.json().at("bits").as_int64());
    for (long n = 0;; ++n) {
      const std::string answer = token + ":" + std::to_string(n);
      if (tips::ProofOfWork::leading_zero_bits(answer) >= bits) return std::make_pair(answer, bits);
    }
  };
  auto send = [&](const std::string& text, const std::string& ip) {
    const auto [answer, bits] = solve("21220-001");
    (void)bits;
    return request(port(), "POST", "/api/v1/public/tips", tip_body(text),
                   {{"Content-Type", "application/json"}, {"X-Challenge", answer}, {"X-Forwarded-For", ip}});
  };
  EXPECT_EQ(solve("21220-001").second, 4);
  // A flood from many addresses, past the unit's threshold of 5 an hour.
  for (int i = 0; i < 12; ++i) {
    auto r = send("Tin báo giả mạo số " + std::to_string(i) + " gửi hàng loạt để làm tê liệt.", "198.51.100." + std::to_string(i + 1));
    ASSERT_EQ(r.status, 201) << "a flood must never refuse: " << r.body;
  }
  // The work asked grows…
  EXPECT_GT(solve("21220-001").second, 4);
  EXPECT_EQ(solve("21220-002").second, 4) << "only for the flooded unit";
  // …an answer to the old, easier challenge is no longer enough…
  auto ch = get(port(), "/api/v1/public/challenge");
  const std::string easy_token(ch.json().at("token").as_string());
  std::string easy;
  for (long n = 0;; ++n) {
    easy = easy_token + ":" + std::to_string(n);
    if (tips::ProofOfWork::leading_zero_bits(easy) >= 4) break;
  }
  auto harder = request(port(), "POST", "/api/v1/public/tips", tip_body("Tin báo thật nhưng với mã kiểm tra cũ."),
                        {{"Content-Type", "application/json"}, {"X-Challenge", easy}, {"X-Forwarded-For", "192.0.2.50"}});
  EXPECT_EQ(harder.status, 400);
  EXPECT_EQ(harder.json().at("error").at("code"), "challenge_harder");
  // …and a genuine citizen who solves the current one gets through (never a 429).
  auto genuine = send("Tôi thấy có người bán ma túy ở quán nước đầu thôn Trường Thọ mỗi tối.", "192.0.2.77");
  ASSERT_EQ(genuine.status, 201) << genuine.body;
  const std::string code(genuine.json().at("tracking_code").as_string());
  // Staff see what waits for screening; the first five were not held.
  const auto police = s_->add_user("ca.sontinh", "police_officer", "21220");
  auto held = request(port(), "GET", "/api/v1/tips?held=true&per_page=100", "", bearer(police));
  ASSERT_EQ(held.status, 200) << held.body;
  EXPECT_EQ(held.json().at("total").as_int64(), 8);  // 7 of the flood and the genuine one
  auto normal = request(port(), "GET", "/api/v1/tips?held=false&q=" + code, "", bearer(police));
  EXPECT_EQ(normal.json().at("total").as_int64(), 0);
  auto mine = request(port(), "GET", "/api/v1/tips?q=" + code, "", bearer(police));
  const bj::value listed = mine.json();  // kept: `item` refers into it
  ASSERT_EQ(listed.at("items").as_array().size(), 1u);
  const auto& item = listed.at("items").as_array()[0];
  EXPECT_EQ(item.at("held_for_review"), true);
  // Screening releases it into the ordinary inbox (audited).
  const std::string id(item.at("id").as_string());
  auto released = request(port(), "POST", "/api/v1/tips/" + id + "/release", "", json_auth(police));
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?held=false&q=" + code, "", bearer(police)).json().at("total").as_int64(), 1);
  // The per-address limit is unchanged: past it, 429 with Retry-After.
}

TEST_P(PublicAbuseTest, ThePerAddressLimitGroupsIpv6ByItsSlash64) {
  ServerOptionsForTest o;
  o.public_rate_limit = true;
  o.public_tips_per_hour = 3;
  start(o);
  for (int i = 0; i < 3; ++i) {
    auto r = request(port(), "POST", "/api/v1/public/tips", tip_body("Tin báo thử số " + std::to_string(i) + " về trật tự."),
                     {{"Content-Type", "application/json"}, {"X-Forwarded-For", "2001:db8:aa:bb::" + std::to_string(i + 1)}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto fourth = request(port(), "POST", "/api/v1/public/tips", tip_body("Tin báo thứ tư từ cùng một mạng /64."),
                        {{"Content-Type", "application/json"}, {"X-Forwarded-For", "2001:db8:aa:bb:1234::9"}});
  EXPECT_EQ(fourth.status, 429);
  EXPECT_FALSE(fourth.header("retry-after").empty());
  auto other = request(port(), "POST", "/api/v1/public/tips", tip_body("Tin báo từ một mạng khác hẳn."),
                       {{"Content-Type", "application/json"}, {"X-Forwarded-For", "2001:db8:aa:cc::1"}});
  EXPECT_EQ(other.status, 201);
}

INSTANTIATE_TEST_SUITE_P(Engines, PublicAbuseTest, ::testing::ValuesIn(antq::test::engines()));
