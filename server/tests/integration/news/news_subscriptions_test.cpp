// Residents' e-mail subscriptions and the delivery of posts (issue 15), against a REAL SMTP
// server on loopback: double opt-in, one message per post with a working one-click unsubscribe,
// nothing to an unconfirmed address, retries while the mail server refuses, quiet hours, the
// daily cap, and the address nowhere but sealed in the database.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "integration/news/news_support.hpp"
#include "support/log_capture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
using namespace antq::test::news;
namespace bj = boost::json;

namespace {

const std::string kEmail = "cu.dan+tin@example.vn";
const std::string kOther = "hang.xom@example.vn";

std::string text_of(const bj::object& m) { return std::string(m.at("text").as_string()); }
std::string to_of(const bj::object& m) { return std::string(m.at("rcpt_tos").as_array().at(0).as_string()); }

// Subscribes `email` to `unit` and follows the confirmation link of the e-mail that arrives.
void subscribe_and_confirm(NewsServer& n, SmtpSink& sink, const std::string& unit, const std::string& email, const bj::array& kinds = {}) {
  const auto before = sink.messages().size();
  auto r = n.subscribe(unit, email, kinds);
  ASSERT_EQ(r.status, 202) << r.body;
  auto mails = sink.wait_for(before + 1);
  ASSERT_EQ(mails.size(), before + 1);
  const auto token = token_after(text_of(mails.back()), "/dang-ky-tin/xac-nhan?");
  ASSERT_FALSE(token.empty()) << text_of(mails.back());
  auto ok = request(n.port(), "POST", "/api/v1/public/subscriptions/confirm", bj::serialize(bj::object{{"token", token}}),
                    {{"Content-Type", "application/json"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
}

}  // namespace

class NewsSubscriptionsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(NewsSubscriptionsTest, ConfirmedSubscribersGetEachWarningOnceUntilTheyUnsubscribe) {
  SmtpSink sink;
  LogCapture capture;
  NewsServer n(GetParam(), sink.url());
  // Bad input first: never the address in an answer.
  auto bad = n.subscribe("21220", "khong-phai-email");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json().at("error").at("field"), "email");
  EXPECT_EQ(n.subscribe("21220", "a@b.vn\r\nBcc: x@y.vn").status, 400);
  EXPECT_EQ(n.subscribe("99999", kEmail).status, 404);
  EXPECT_EQ(n.subscribe("21220", kEmail, bj::array{"tin"}).status, 400);

  // Subscribe: one confirmation, with the link; nothing else until it is followed.
  auto r = n.subscribe("21220-001", kEmail);
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.body.find(kEmail), std::string::npos);
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(to_of(mails[0]), kEmail);
  EXPECT_NE(std::string(mails[0].at("subject").as_string()).find("Xác nhận đăng ký"), std::string::npos);
  const auto confirm_token = token_after(text_of(mails[0]), kPublicUrl + "/dang-ky-tin/xac-nhan?");
  ASSERT_EQ(confirm_token.size(), 40u) << text_of(mails[0]);
  // An unconfirmed address receives nothing but the confirmation.
  ASSERT_EQ(n.subscribe("21220", kOther).status, 202);
  sink.wait_for(2);
  const auto first =
      n.publish_new(n.police, {{"kind", "warning"}, {"title", "Cảnh báo <giả danh> công an"}, {"body", "Không **chuyển tiền**."}});
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(sink.messages().size(), 2u) << "nothing before the confirmation";

  auto confirmed = request(n.port(), "POST", "/api/v1/public/subscriptions/confirm", bj::serialize(bj::object{{"token", confirm_token}}),
                           {{"Content-Type", "application/json"}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json().at("unit").at("code"), "21220-001");
  EXPECT_EQ(confirmed.json().at("kinds"), bj::array{"warning"});
  EXPECT_EQ(request(n.port(), "POST", "/api/v1/public/subscriptions/confirm", bj::serialize(bj::object{{"token", confirm_token}}),
                    {{"Content-Type", "application/json"}})
                .status,
            404)
      << "a confirmation link works once";

  // The recipient count the composer shows.
  auto count = request(n.port(), "GET", "/api/v1/news/recipients?units=21220&kind=warning", "", bearer(n.police));
  ASSERT_EQ(count.status, 200) << count.body;
  EXPECT_EQ(count.json().at("subscribers"), 1);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/news/recipients?units=21220&kind=news", "", bearer(n.police)).json().at("subscribers"), 0);

  // The next warning arrives once, title in the subject and the text, with a working unsubscribe.
  const auto second = n.publish_new(n.police, {{"kind", "warning"}, {"title", "Cảnh báo thủ đoạn mới"}, {"body", "Nội dung cảnh báo."}});
  mails = sink.wait_for(3);
  ASSERT_EQ(mails.size(), 3u);
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  ASSERT_EQ(sink.messages().size(), 3u) << "once, and not the earlier post";
  const auto& mail = mails[2];
  EXPECT_EQ(to_of(mail), kEmail);
  EXPECT_EQ(mail.at("subject"), "[Cảnh báo] Cảnh báo thủ đoạn mới");
  EXPECT_NE(text_of(mail).find("Nội dung cảnh báo."), std::string::npos);
  EXPECT_NE(text_of(mail).find(kPublicUrl + "/tin-tuc/" + second), std::string::npos);
  EXPECT_EQ(mail_header(mail, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  const auto stop = token_after(mail_header(mail, "List-Unsubscribe"), "/api/v1/public/subscriptions/unsubscribe?");
  ASSERT_FALSE(stop.empty()) << mail_header(mail, "List-Unsubscribe");
  EXPECT_NE(text_of(mail).find(kPublicUrl + "/dang-ky-tin/huy?token=" + stop), std::string::npos);

  // The staff's figures: who received it, never their address.
  auto figures = request(n.port(), "GET", "/api/v1/news/" + second + "/deliveries", "", bearer(n.police));
  ASSERT_EQ(figures.status, 200) << figures.body;
  EXPECT_EQ(figures.json().at("figures").at("sent"), 1);
  EXPECT_EQ(figures.body.find(kEmail), std::string::npos);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/news/" + second, "", bearer(n.police)).json().at("figures").at("recipients"), 1);

  // One click (RFC 8058: a form POST to the header's address) ends it; the next warning does not arrive.
  auto one_click = request(n.port(), "POST", "/api/v1/public/subscriptions/unsubscribe?token=" + stop, "List-Unsubscribe=One-Click",
                           {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(one_click.status, 200) << one_click.body;
  EXPECT_EQ(
      request(n.port(), "POST", "/api/v1/public/subscriptions/unsubscribe?token=" + stop.substr(0, stop.size() - 2) + "00", "", {}).status,
      404);
  n.publish_new(n.police, {{"kind", "warning"}, {"title", "Sau khi hủy"}, {"body", "x"}});
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(sink.messages().size(), 3u) << "nothing after unsubscribing";
  (void)first;

  // The address: not in the log, the audit trail, or in clear in the database.
  n.s.reset();
  const std::string log = capture.stop();
  EXPECT_EQ(log.find(kEmail), std::string::npos);
  EXPECT_EQ(log.find(kOther), std::string::npos);
}

TEST_P(NewsSubscriptionsTest, RefusalsAreRetriedUntilTheMailServerAccepts) {
  const auto port = free_loopback_port();
  NewsServer n(GetParam(), "smtp://127.0.0.1:" + std::to_string(port));
  ASSERT_EQ(n.subscribe("21220", kEmail).status, 202);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a first attempt fails: nobody listens
  SmtpSink sink(port);
  auto mails = sink.wait_for(1, std::chrono::seconds(20));
  ASSERT_EQ(mails.size(), 1u) << "retried, then sent";
  EXPECT_EQ(to_of(mails[0]), kEmail);
}

TEST_P(NewsSubscriptionsTest, QuietHoursHoldNonUrgentPostsAndTheCapSkipsExtraWarnings) {
  SmtpSink sink;
  // A quiet window around now (Vietnam time), and at most one non-urgent warning a day.
  const auto now_vn = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now() + std::chrono::hours(7));
  const auto minute = (now_vn - std::chrono::floor<std::chrono::days>(now_vn)).count();
  auto hhmm = [](long m) {
    char b[6];
    std::snprintf(b, sizeof b, "%02ld:%02ld", ((m + 1440) % 1440) / 60, ((m + 1440) % 1440) % 60);
    return std::string(b);
  };
  const std::string window = hhmm(minute - 60) + "-" + hhmm(minute + 60);
  NewsServer quiet(GetParam(), sink.url(), [window](app::Config& c) { c.news_quiet_hours = window; });
  subscribe_and_confirm(quiet, sink, "21220", kEmail, bj::array{"news", "notice", "warning"});
  const auto held = quiet.publish_new(quiet.police, {{"kind", "news"}, {"title", "Tin thường"}, {"body", "x"}});
  const auto urgent =
      quiet.publish_new(quiet.police, {{"kind", "warning"}, {"title", "Khẩn: lũ quét"}, {"body", "Sơ tán ngay."}, {"priority", 1}});
  auto mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u) << "the urgent warning goes through quiet hours";
  EXPECT_EQ(mails[1].at("subject"), "[CẢNH BÁO KHẨN] Khẩn: lũ quét");
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  EXPECT_EQ(sink.messages().size(), 2u);
  auto d = request(quiet.port(), "GET", "/api/v1/news/" + held + "/deliveries", "", bearer(quiet.police));
  EXPECT_EQ(d.json().at("figures").at("held"), 1) << d.body;
  (void)urgent;
  quiet.s.reset();

  SmtpSink sink2;
  NewsServer capped(GetParam(), sink2.url(), [](app::Config& c) { c.news_warnings_per_day = 1; });
  subscribe_and_confirm(capped, sink2, "21220", kEmail);
  capped.publish_new(capped.police, {{"kind", "warning"}, {"title", "Một"}, {"body", "x"}});
  ASSERT_EQ(sink2.wait_for(2).size(), 2u);
  const auto over = capped.publish_new(capped.police, {{"kind", "warning"}, {"title", "Hai"}, {"body", "x"}});
  capped.publish_new(capped.police, {{"kind", "warning"}, {"title", "Khẩn"}, {"body", "x"}, {"priority", 1}});
  ASSERT_EQ(sink2.wait_for(3).size(), 3u);
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  const auto all = sink2.messages();
  ASSERT_EQ(all.size(), 3u) << "the second non-urgent warning is skipped, the urgent one is not";
  EXPECT_EQ(all[2].at("subject"), "[CẢNH BÁO KHẨN] Khẩn");
  auto d2 = request(capped.port(), "GET", "/api/v1/news/" + over + "/deliveries", "", bearer(capped.police));
  EXPECT_EQ(d2.json().at("figures").at("skipped"), 1) << d2.body;
}

TEST_P(NewsSubscriptionsTest, WithoutAMailServerSubscribingSays503) {
  NewsServer n(GetParam(), "");
  auto r = n.subscribe("21220", kEmail);
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(r.json().at("error").at("code"), "mail_unavailable");
}

INSTANTIATE_TEST_SUITE_P(Engines, NewsSubscriptionsTest, ::testing::ValuesIn(antq::test::engines()));
