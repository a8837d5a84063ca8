// Two `antq serve` instances on one PostgreSQL (issue 16): what one does, the other sees; the
// limits hold across both; a background job's row goes out once. Each instance is a whole App
// with its own pool, workers and HTTP server, as two processes would be; they share only the
// database, the data key and the attachments directory.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/keyring.hpp"
#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "modules/news/subscriptions.hpp"
#include "modules/tips/proof_of_work.hpp"
#include "support/eventually.hpp"
#include "support/http_stub.hpp"
#include "support/media_fixtures.hpp"
#include "support/smtp_sink.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

const std::map<std::string, std::string> kJson{{"Content-Type", "application/json"}};

std::string tip_body(const std::string& text) {
  return bj::serialize(bj::object{{"unit", "21220-001"}, {"category", "drugs"}, {"description", text}, {"anonymous", true}});
}

// A webhook receiver that keeps every body it is sent.
class Receiver {
 public:
  Receiver()
      : stub_([this](const std::string& req) {
          std::lock_guard g(m_);
          bodies_.push_back(request_body(req));
          return std::make_pair(200, std::string());
        }) {}
  std::uint16_t port() const { return stub_.port(); }
  std::vector<std::string> bodies() {
    std::lock_guard g(m_);
    return bodies_;
  }

 private:
  std::mutex m_;
  std::vector<std::string> bodies_;
  HttpStub stub_;  // last: its thread stops before what it uses goes
};

}  // namespace

class TwoInstancesTest : public ::testing::TestWithParam<std::string> {
 protected:
  // The first instance is the fixture's; the second is started on the same configuration, as a
  // second process on another port would be (`second` changes what differs on that machine).
  void start(ServerOptionsForTest o, const std::function<void(app::Config&)>& second = {}) {
    o.trust_forwarded_for = true;  // the tests choose the client's address
    a_ = std::make_unique<ServerFixture>(GetParam(), o);
    officer_ = a_->add_user("ca.sontinh", "police_officer", "21220");
    app::Config b_config = a_->config();
    if (second) second(b_config);
    b_ = std::make_unique<app::App>(b_config);
    b_port_ = b_->start();
  }
  void TearDown() override {
    if (b_) b_->stop();
  }
  std::uint16_t a() const { return a_->port(); }
  std::uint16_t b() const { return b_port_; }

  HttpReply send_tip(std::uint16_t port, const std::string& text, const std::string& ip, const std::string& answer = "") {
    auto h = kJson;
    h["X-Forwarded-For"] = ip;
    if (!answer.empty()) h["X-Challenge"] = answer;
    return request(port, "POST", "/api/v1/public/tips", tip_body(text), h);
  }
  // An answer to a challenge issued by the instance on `port`.
  static std::string solve(std::uint16_t port) {
    auto ch = get(port, "/api/v1/public/challenge");
    EXPECT_EQ(ch.status, 200) << ch.body;
    const std::string token(ch.json().at("token").as_string());
    const int bits = static_cast<int>(ch.json().at("bits").as_int64());
    for (long n = 0;; ++n) {
      std::string answer = token + ":" + std::to_string(n);
      if (tips::ProofOfWork::leading_zero_bits(answer) >= bits) return answer;
    }
  }

  std::unique_ptr<ServerFixture> a_;
  std::unique_ptr<app::App> b_;
  std::uint16_t b_port_ = 0;
  std::string officer_;
};

TEST_P(TwoInstancesTest, ATipSentToOneIsHandledOnTheOtherAndAChallengeIsSpentOnBoth) {
  ServerOptionsForTest o;
  o.public_challenge = true;
  o.public_challenge_bits = 4;
  start(o);
  // A challenge issued by B, answered on A: the instances sign with the same key.
  const std::string answer = solve(b());
  auto sent = send_tip(a(), "Có đối tượng lạ tụ tập ở bãi sông ban đêm, nghi mua bán ma túy.", "192.0.2.10", answer);
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string code(sent.json().at("tracking_code").as_string());
  // The same answer again, on the other instance: it was spent on A.
  auto again = send_tip(b(), "Gửi lại cùng mã kiểm tra ở máy chủ thứ hai.", "192.0.2.10", answer);
  EXPECT_EQ(again.status, 400) << again.body;
  EXPECT_EQ(again.json().at("error").at("code"), "challenge_failed");

  // The officer on B finds and handles it; A sees the change at once.
  auto found = request(b(), "GET", "/api/v1/tips?q=" + code, "", bearer(officer_));
  ASSERT_EQ(found.status, 200) << found.body;
  const auto items = found.json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << found.body;
  const std::string id(items[0].at("id").as_string());
  auto handled = request(b(), "PATCH", "/api/v1/tips/" + id, R"({"status":"verifying"})", json_auth(officer_));
  ASSERT_EQ(handled.status, 200) << handled.body;
  auto seen = request(a(), "GET", "/api/v1/tips/" + id, "", bearer(officer_));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json().at("status"), "verifying");
}

TEST_P(TwoInstancesTest, ASessionMadeOnOneIsValidOnTheOtherUntilLoggedOutOnEither) {
  start({});
  a_->add_user("canbo.a", "front_officer", std::string("21220"));
  auto r = request(a(), "POST", "/api/v1/auth/login", R"({"username":"canbo.a","password":"Mat-khau-du-dai-2026"})", kJson);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string set = r.header("set-cookie");
  const std::map<std::string, std::string> session{{"Cookie", set.substr(0, set.find(';'))},
                                                   {"X-CSRF-Token", std::string(r.json().at("csrf_token").as_string())}};
  auto me = request(b(), "GET", "/api/v1/auth/me", "", session);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("user").at("username"), "canbo.a");
  EXPECT_EQ(request(b(), "POST", "/api/v1/auth/logout", "", session).status, 204);
  EXPECT_EQ(request(a(), "GET", "/api/v1/auth/me", "", session).status, 401);
}

TEST_P(TwoInstancesTest, ThePerAddressLimitHoldsAcrossBothInstances) {
  ServerOptionsForTest o;
  o.public_rate_limit = true;
  o.public_tips_per_hour = 4;
  start(o);
  // Four tips from one address, alternating instances: all accepted.
  for (int i = 0; i < 4; ++i) {
    auto r = send_tip(i % 2 ? b() : a(), "Tin báo thứ " + std::to_string(i + 1) + " từ cùng một địa chỉ.", "198.51.100.7");
    ASSERT_EQ(r.status, 201) << "tip " << i + 1 << ": " << r.body;
  }
  // The fifth is refused whichever instance answers, with a Retry-After.
  for (auto port : {a(), b()}) {
    auto r = send_tip(port, "Tin báo vượt giới hạn mỗi giờ.", "198.51.100.7");
    EXPECT_EQ(r.status, 429) << r.body;
    EXPECT_FALSE(r.header("retry-after").empty());
  }
  // Another address is not affected.
  EXPECT_EQ(send_tip(b(), "Tin báo từ một địa chỉ khác.", "198.51.100.8").status, 201);
}

// The tip form's lookups (the unit, the categories) are cached by each instance, so a flood of tips
// costs no read; but not past a change made on another: a category withdrawn through A is refused
// by B as soon as B has heard of the change (LISTEN, milliseconds), not when its cache ages out.
TEST_P(TwoInstancesTest, ACategoryWithdrawnOnOneIsRefusedByTheOtherAtOnce) {
  start({});
  // B's listener connects after B starts (a loaded machine: seconds); until it has, B caches nothing
  ASSERT_TRUE(eventually([&] { return b_->database().change_stamp().has_value(); })) << "B's listener never connected";
  ASSERT_EQ(send_tip(b(), "Tin báo trước khi loại tin bị bỏ: máy chủ B nhớ danh mục.", "192.0.2.40").status, 201);
  const auto before = b_->database().change_stamp();
  ASSERT_TRUE(before);
  auto off = request(a(), "PATCH", "/api/v1/tip-categories/drugs", R"({"active":false})", json_auth(a_->national_admin()));
  ASSERT_EQ(off.status, 200) << off.body;
  ASSERT_TRUE(eventually([&] { return b_->database().change_stamp() != before; })) << "B never heard of the change";
  auto refused = send_tip(b(), "Tin báo sau khi loại tin đã bị bỏ trên máy chủ A.", "192.0.2.41");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.body.find("không có trong danh mục"), std::string::npos) << refused.body;
}

TEST_P(TwoInstancesTest, EachWebhookEventIsDeliveredOnceWithBothDispatchersRunning) {
  Receiver receiver;
  ServerOptionsForTest o;
  o.webhook_urls = "http://127.0.0.1:" + std::to_string(receiver.port()) + "/hook";
  start(o);
  std::set<std::string> codes;
  for (int i = 0; i < 12; ++i) {
    auto r = send_tip(i % 2 ? b() : a(), "Tin báo số " + std::to_string(i + 1) + " cho hai máy chủ cùng gửi webhook.", "203.0.113.9");
    ASSERT_EQ(r.status, 201) << r.body;
    codes.insert(std::string(r.json().at("tracking_code").as_string()));
  }
  ASSERT_TRUE(eventually([&] { return receiver.bodies().size() >= codes.size(); })) << receiver.bodies().size() << " delivered";
  // Both dispatchers keep polling: give them a few more rounds to send anything twice.
  std::this_thread::sleep_for(std::chrono::seconds(3));
  const auto bodies = receiver.bodies();
  std::multiset<std::string> delivered;
  for (const auto& body : bodies) delivered.insert(std::string(bj::parse(body).at("tracking_code").as_string()));
  EXPECT_EQ(bodies.size(), codes.size());
  for (const auto& c : codes) EXPECT_EQ(delivered.count(c), 1u) << c;
}

TEST_P(TwoInstancesTest, APhotoStoredThroughOneIsServedByTheOtherFromTheSharedDirectory) {
  start({});
  // A phone photo of a few megabytes (noise does not compress: the JPEG stays that size).
  const auto jpeg = std::filesystem::temp_directory_path() / ("antq-two-" + std::to_string(::getpid()) + ".jpg");
  write_noise_jpeg(jpeg.string(), 2000, 1500, 7, 92);
  std::ifstream in(jpeg, std::ios::binary);
  const std::string photo((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(jpeg);
  ASSERT_GT(photo.size(), 2'000'000u);

  auto sent = send_tip(a(), "Ảnh chụp xe chở hàng lậu qua cầu lúc nửa đêm.", "192.0.2.30");
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string code(sent.json().at("tracking_code").as_string());
  auto stored =
      request(a(), "POST", "/api/v1/public/tips/" + code + "/attachments", photo,
              {{"X-Tip-Secret", std::string(sent.json().at("secret").as_string())}, {"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(stored.status, 201) << stored.body.substr(0, 300);
  const std::string attachment(stored.json().at("id").as_string());
  const auto size = stored.json().at("size").to_number<std::int64_t>();

  auto found = request(b(), "GET", "/api/v1/tips?q=" + code, "", bearer(officer_));
  ASSERT_EQ(found.status, 200) << found.body;
  const auto items = found.json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  const std::string id(items[0].at("id").as_string());
  auto file = request(b(), "GET", "/api/v1/tips/" + id + "/attachments/" + attachment, "", bearer(officer_));
  ASSERT_EQ(file.status, 200) << file.body.substr(0, 300);
  EXPECT_EQ(static_cast<std::int64_t>(file.body.size()), size);
  EXPECT_EQ(file.header("content-type"), "image/jpeg");
}

TEST_P(TwoInstancesTest, EachSubscriberGetsAWarningOnceWhileBothInstancesSendIt) {
  // Each instance sends through a mail server of its own, so the test sees which one sent what:
  // both must take part, and no address may hear twice (issue 15: "several server instances never
  // send one message twice").
  SmtpSink sink_a, sink_b;
  auto news_settings = [](app::Config& c, const std::string& smtp_url) {
    c.news_quiet_hours = "off";
    c.public_url = "https://antq.example.vn";
    c.smtp_url = smtp_url;
    c.mail_from = "ANTQ <no-reply@antq.example.vn>";
  };
  ServerOptionsForTest o;
  o.configure = [&](app::Config& c) { news_settings(c, sink_a.url()); };
  // Subscribers first, as the instances would find them after a day of sign-ups.
  start(o, [&](app::Config& c) { news_settings(c, sink_b.url()); });
  constexpr int kRecipients = 600;
  const auto keys = crypto::Keyring::from_hex(a_->config().data_key);
  a_->database().db().write([&](db::Connection& c) {
    const auto unit = c.query("SELECT id FROM units WHERE code = '21220'").rows.at(0).integer(0);
    const auto now = timeutil::now_utc();
    for (int n = 1; n <= kRecipients; ++n) {
      const std::string email = "nguoi" + std::to_string(n) + "@example.vn";
      c.query(
          "INSERT INTO news_subscriptions (unit_id, email_sealed, email_hash, kinds, status, created_at, confirmed_at) "
          "VALUES ($1, $2, $3, 'warning', 'active', $4, $4)",
          unit, keys.seal(email, news::subscriptions::kEmailPurpose), keys.keyed_hash(email, news::subscriptions::kEmailPurpose), now);
    }
  });
  const bj::object post{{"kind", "warning"},
                        {"title", "Cảnh báo: lừa đảo qua mạng xã hội"},
                        {"body", "Không chuyển tiền cho người lạ."},
                        {"priority", 1},
                        {"target_units", bj::array{"21220"}}};
  auto created = request(a(), "POST", "/api/v1/news", bj::serialize(post), json_auth(officer_));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id(created.json().at("id").as_string());
  ASSERT_EQ(request(b(), "POST", "/api/v1/news/" + id + "/publish", "", json_auth(officer_)).status, 200);

  auto count = [](const SmtpSink& sink, std::map<std::string, int>& by_address) {
    for (const auto& m : sink.messages()) {
      for (const auto& to : m.at("rcpt_tos").as_array()) ++by_address[std::string(to.as_string())];
    }
  };
  ASSERT_TRUE(eventually([&] { return sink_a.messages().size() + sink_b.messages().size() >= kRecipients; }, std::chrono::seconds(60)))
      << sink_a.messages().size() << " + " << sink_b.messages().size() << " sent";
  // Both senders keep polling: give them a few more rounds to send anything twice.
  std::this_thread::sleep_for(std::chrono::seconds(3));
  std::map<std::string, int> by_address;
  count(sink_a, by_address);
  count(sink_b, by_address);
  EXPECT_EQ(by_address.size(), static_cast<std::size_t>(kRecipients));
  for (const auto& [address, n] : by_address) EXPECT_EQ(n, 1) << address;
  EXPECT_GT(sink_a.messages().size(), 0u) << "instance A sent nothing: the test did not exercise two senders";
  EXPECT_GT(sink_b.messages().size(), 0u) << "instance B sent nothing: the test did not exercise two senders";
  std::printf("[   INFO   ] %zu sent by A, %zu by B\n", sink_a.messages().size(), sink_b.messages().size());
}

INSTANTIATE_TEST_SUITE_P(Engines, TwoInstancesTest, ::testing::ValuesIn(antq::test::server_engines()));
