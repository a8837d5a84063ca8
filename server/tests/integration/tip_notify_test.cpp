// E-mail to a reporter when the police answer or decide (issue 18, item 17), against a REAL SMTP
// server on loopback (support/smtp_sink.py): one e-mail per update with the link and nothing of
// the tip, the one-click unsubscribe (RFC 8058), retries while the mail server is down, and the
// address nowhere else — not in the log, the audit trail, the staff views, the outbox or in clear
// in the database.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "app/config.hpp"
#include "core/errors.hpp"
#include "integration/server_fixture.hpp"
#include "modules/notifications/smtp_sender.hpp"
#include "support/log_capture.hpp"
#include "support/smtp_sink.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

const std::string kEmail = "nguoi.bao.tin+antq@example.vn";
const std::string kPublicUrl = "https://antq.example.vn";
const std::string kDescription = "Có nhóm thanh niên lạ đem hàng cấm cất giấu trong kho lúa bỏ hoang cuối thôn.";
const std::string kAnswer = "Cảm ơn bạn. Bạn nhớ biển số chiếc xe tải màu xanh không?";
const std::string kNote = "Đã kiểm tra kho lúa, thu giữ tang vật.";

std::map<std::string, std::string> json_header() { return {{"Content-Type", "application/json"}}; }

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The token of an e-mail's one-click link (List-Unsubscribe), or "".
std::string token_of(const bj::object& mail) {
  std::smatch m;
  const std::string h = mail_header(mail, "List-Unsubscribe");
  return std::regex_search(h, m, std::regex("token=([0-9a-f]+)>")) ? m[1].str() : "";
}

}  // namespace

class TipNotifyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void start(const std::string& smtp_url) {
    ServerOptionsForTest o;
    if (!smtp_url.empty()) {
      o.configure = [smtp_url](app::Config& c) {
        c.smtp_url = smtp_url;
        c.mail_from = "ANTQ <no-reply@antq.example.vn>";
        c.public_url = kPublicUrl + "/";
      };
    }
    s_ = std::make_unique<ServerFixture>(GetParam(), o);
    officer_ = s_->add_user("ca.sontinh", "police_officer", "21220");
  }
  std::uint16_t port() const { return s_->port(); }

  void send_tip() {
    const std::string body =
        bj::serialize(bj::object{{"unit", "21220-001"}, {"category", "drugs"}, {"description", kDescription}, {"anonymous", true}});
    auto r = request(port(), "POST", "/api/v1/public/tips", body, json_header());
    ASSERT_EQ(r.status, 201) << r.body;
    code_ = std::string(r.json().at("tracking_code").as_string());
    secret_ = std::string(r.json().at("secret").as_string());
    auto list = request(port(), "GET", "/api/v1/tips?q=" + code_, "", bearer(officer_));
    id_ = std::string(list.json().at("items").as_array().at(0).at("id").as_string());
  }
  HttpReply track() { return request(port(), "GET", "/api/v1/public/tips/" + code_, "", {{"X-Tip-Secret", secret_}}); }
  HttpReply subscribe(const std::string& email, const std::string& secret = "") {
    return request(port(), "POST", "/api/v1/public/tips/" + code_ + "/notify", bj::serialize(bj::object{{"email", email}}),
                   {{"Content-Type", "application/json"}, {"X-Tip-Secret", secret.empty() ? secret_ : secret}});
  }
  HttpReply answer(const std::string& body) {
    return request(port(), "POST", "/api/v1/tips/" + id_ + "/messages", bj::serialize(bj::object{{"body", body}}), json_auth(officer_));
  }
  HttpReply patch(const std::string& body) { return request(port(), "PATCH", "/api/v1/tips/" + id_, body, json_auth(officer_)); }
  HttpReply unsubscribe_token(const std::string& token) {
    return request(port(), "POST", "/api/v1/public/notifications/unsubscribe", bj::serialize(bj::object{{"token", token}}), json_header());
  }

  std::unique_ptr<ServerFixture> s_;
  std::string officer_, code_, secret_, id_;
};

TEST_P(TipNotifyTest, WithoutAMailServerTheFormIsHiddenAndSubscribingSays503) {
  start("");
  send_tip();
  auto view = track();
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json().at("notify"), false);
  EXPECT_EQ(view.json().at("notify_available"), false);
  auto r = subscribe(kEmail);
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(r.json().at("error").at("code"), "email_unavailable");
  EXPECT_NE(r.body.find("Máy chủ chưa cấu hình gửi thư"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find(kEmail), std::string::npos);
  // Stopping is always possible (nothing to stop here).
  EXPECT_EQ(request(port(), "DELETE", "/api/v1/public/tips/" + code_ + "/notify", "", {{"X-Tip-Secret", secret_}}).status, 204);
}

TEST_P(TipNotifyTest, OneEmailPerUpdateWithTheLinkOnlyUntilUnsubscribed) {
  SmtpSink sink;
  LogCapture capture;
  start(sink.url());
  send_tip();
  auto view = track();
  EXPECT_EQ(view.json().at("notify"), false);
  EXPECT_EQ(view.json().at("notify_available"), true);

  // Refusals: never the address in a message; the secret is checked as everywhere.
  auto bad = subscribe("khong-phai-email");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json().at("error").at("field"), "email");
  EXPECT_EQ(bad.body.find("khong-phai-email"), std::string::npos) << bad.body;
  EXPECT_EQ(subscribe("a@b.vn\r\nBcc: x@y.vn").status, 400);  // no header injection
  EXPECT_EQ(subscribe(kEmail, "AAAAA-BBBBB-CCCCC-DDDDD").status, 404);
  EXPECT_EQ(request(port(), "POST", "/api/v1/public/tips/" + code_ + "/notify", R"({"email":")" + kEmail + R"(","x":1})",
                    {{"Content-Type", "application/json"}, {"X-Tip-Secret", secret_}})
                .status,
            400);

  auto ok = subscribe(kEmail);
  ASSERT_EQ(ok.status, 204) << ok.body;
  EXPECT_TRUE(ok.body.empty());
  EXPECT_EQ(track().json().at("notify"), true);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(sink.messages().size(), 0u) << "nothing happened yet";

  // An officer answers: exactly one e-mail, with the link and nothing else.
  ASSERT_EQ(answer(kAnswer).status, 201);
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  ASSERT_EQ(sink.messages().size(), 1u) << "one e-mail per update";
  const auto& mail = mails[0];
  EXPECT_EQ(mail.at("mail_from"), "no-reply@antq.example.vn");
  ASSERT_EQ(mail.at("rcpt_tos").as_array().size(), 1u);
  EXPECT_EQ(mail.at("rcpt_tos").as_array()[0].as_string(), kEmail);
  EXPECT_EQ(mail.at("subject"), "Có cập nhật mới");
  const std::string text(mail.at("text").as_string());
  EXPECT_NE(text.find("Có cập nhật mới"), std::string::npos) << text;
  // The link: the public address, the tracking page, the code in the fragment; never the secret.
  EXPECT_NE(text.find(kPublicUrl + "/tra-cuu-tin-bao#code=" + code_), std::string::npos) << text;
  const std::string token = token_of(mail);
  ASSERT_EQ(token.size(), 40u) << mail_header(mail, "List-Unsubscribe");
  EXPECT_EQ(mail_header(mail, "List-Unsubscribe"), "<" + kPublicUrl + "/api/v1/public/notifications/unsubscribe?token=" + token + ">");
  EXPECT_EQ(mail_header(mail, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_NE(text.find(kPublicUrl + "/huy-nhan-tin?token=" + token), std::string::npos) << text;
  const std::string raw = sink.raw(1);
  for (const std::string& never :
       {secret_, kDescription, kAnswer, std::string("ca.sontinh"), std::string("Sơn Tịnh"), std::string("Trường Thọ")}) {
    EXPECT_EQ(text.find(never), std::string::npos) << never;
    EXPECT_EQ(raw.find(never), std::string::npos) << never;
    EXPECT_EQ(std::string(mail.at("subject").as_string()).find(never), std::string::npos) << never;
  }
  EXPECT_EQ(raw.find("\r\n.\r\n"), std::string::npos);

  // A decision the reporter sees (status and note in one change): one more e-mail, without the note.
  auto decided =
      patch(R"({"status":"resolved","assignee":"ca.sontinh","outcome":{"valid":true,"cases_solved":1,"public_note":")" + kNote + "\"}}");
  ASSERT_EQ(decided.status, 200) << decided.body;
  mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(std::string(mails[1].at("text").as_string()).find(kNote), std::string::npos);
  EXPECT_NE(token_of(mails[1]), token) << "each e-mail has its own link";

  // The one-click link of the first e-mail ends it; the next update sends nothing.
  auto gone = unsubscribe_token(token);
  ASSERT_EQ(gone.status, 204) << gone.body;
  EXPECT_EQ(track().json().at("notify"), false);
  EXPECT_EQ(unsubscribe_token(token).status, 404);
  EXPECT_EQ(unsubscribe_token(token_of(mails[1])).status, 404);
  EXPECT_EQ(unsubscribe_token("khong-co").status, 404);
  ASSERT_EQ(answer("Chúng tôi đã xử lý xong, cảm ơn bạn.").status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));
  EXPECT_EQ(sink.messages().size(), 2u) << "no e-mail after unsubscribing";

  // Asking again starts afresh; a mail client's one-click POST (RFC 8058: the token in the
  // address, a form body) ends it as well.
  ASSERT_EQ(subscribe(kEmail).status, 204);
  ASSERT_EQ(answer("Bạn có thể gửi thêm ảnh nếu có.").status, 201);
  mails = sink.wait_for(3);
  ASSERT_EQ(mails.size(), 3u);
  auto one_click = request(port(), "POST", "/api/v1/public/notifications/unsubscribe?token=" + token_of(mails[2]),
                           "List-Unsubscribe=One-Click", {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(one_click.status, 204) << one_click.body;
  EXPECT_EQ(track().json().at("notify"), false);

  // And from the tracking page, with the secret.
  ASSERT_EQ(subscribe(kEmail).status, 204);
  ASSERT_EQ(request(port(), "DELETE", "/api/v1/public/tips/" + code_ + "/notify", "", {{"X-Tip-Secret", secret_}}).status, 204);
  EXPECT_EQ(track().json().at("notify"), false);
  ASSERT_EQ(answer("Một tin nhắn nữa.").status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));
  EXPECT_EQ(sink.messages().size(), 3u);

  // The address is nowhere but sealed: not in the staff views, the audit trail, the outbox, the
  // database in clear, or the server's log.
  ASSERT_EQ(subscribe(kEmail).status, 204);  // kept, for the database check below
  const auto detail = request(port(), "GET", "/api/v1/tips/" + id_, "", bearer(officer_));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body.find(kEmail), std::string::npos);
  EXPECT_EQ(detail.body.find("example.vn"), std::string::npos);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?q=" + code_, "", bearer(officer_)).body.find(kEmail), std::string::npos);
  const auto audit = request(port(), "GET", "/api/v1/audit?per_page=500", "", bearer(s_->national_admin()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.body.find("example.vn"), std::string::npos);
  s_->database().db().read([&](db::Connection& c) {
    for (const auto& r : c.query("SELECT target, payload, last_error FROM outbox").rows) {
      for (int i = 0; i < 3; ++i) EXPECT_EQ(r.opt_text(i).value_or("").find("example.vn"), std::string::npos) << r.opt_text(i).value_or("");
    }
    const auto sub = c.query("SELECT email_sealed, email_hash FROM tip_notify_subscriptions");
    ASSERT_EQ(sub.rows.size(), 1u);
    EXPECT_EQ(sub.rows[0].text(0).find("example.vn"), std::string::npos);
    EXPECT_TRUE(sub.rows[0].text(0).starts_with("v1."));
    EXPECT_EQ(sub.rows[0].text(1).find("example.vn"), std::string::npos);
    EXPECT_GE(sub.rows[0].text(1).size(), 64u);  // a keyed hash
  });
  if (GetParam() == "sqlite") {
    for (const auto& e : std::filesystem::directory_iterator(s_->database().dir())) {
      if (e.is_regular_file()) EXPECT_EQ(file_bytes(e.path()).find(kEmail), std::string::npos) << e.path();
    }
  }
  s_.reset();  // stop the server: every log line is written
  const std::string log = capture.stop();
  EXPECT_NE(log.find("/notify"), std::string::npos) << "the log did capture the requests";
  EXPECT_EQ(log.find("example.vn"), std::string::npos);
}

TEST_P(TipNotifyTest, AMailServerThatIsDownIsRetriedWithBackoffOffTheRequestPath) {
  const std::uint16_t smtp_port = free_loopback_port();
  start("smtp://127.0.0.1:" + std::to_string(smtp_port));
  send_tip();
  ASSERT_EQ(subscribe(kEmail).status, 204);
  const auto before = std::chrono::steady_clock::now();
  ASSERT_EQ(answer(kAnswer).status, 201);
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(2));
  // The dispatcher tries, fails, and keeps the row for later, with a reason that has no address.
  std::string error;
  for (int i = 0; i < 100 && error.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    s_->database().db().read([&](db::Connection& c) {
      const auto r = c.query("SELECT attempts, last_error, delivered_at, failed_at FROM outbox WHERE channel = 'email'");
      ASSERT_EQ(r.rows.size(), 1u);
      if (r.rows[0].integer(0) > 0) error = r.rows[0].text(1);
      EXPECT_TRUE(r.rows[0].is_null(2));
      EXPECT_TRUE(r.rows[0].is_null(3));
    });
  }
  ASSERT_FALSE(error.empty());
  EXPECT_EQ(error.find("example.vn"), std::string::npos) << error;
  // Two more updates while it waits: still one e-mail to send (it only says "có cập nhật mới").
  ASSERT_EQ(answer("Thêm một câu hỏi.").status, 201);
  ASSERT_EQ(patch(R"({"status":"verifying"})").status, 200);
  // The mail server comes back: the next attempt delivers.
  SmtpSink sink(smtp_port);
  auto mails = sink.wait_for(1, std::chrono::seconds(20));
  ASSERT_EQ(mails.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(sink.messages().size(), 1u);
  s_->database().db().read([&](db::Connection& c) {
    const auto r = c.query("SELECT attempts FROM outbox WHERE channel = 'email' AND delivered_at IS NOT NULL");
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_GE(r.rows[0].integer(0), 2);
  });
}

TEST(MailSettings, SmtpNeedsASenderAndThePublicAddress) {
  app::Config c;
  EXPECT_NO_THROW(app::check_mail_settings(c));
  c.smtp_url = "smtp://127.0.0.1:2525";
  EXPECT_THROW(app::check_mail_settings(c), OperatorError);  // no mail_from
  c.mail_from = "no-reply@antq.example.vn";
  EXPECT_THROW(app::check_mail_settings(c), OperatorError);  // no public_url: the link would come from a Host header
  c.public_url = "https://antq.example.vn";
  EXPECT_NO_THROW(app::check_mail_settings(c));
  c.smtp_url = "http://127.0.0.1:2525";
  EXPECT_THROW(app::check_mail_settings(c), OperatorError);
}

TEST(MailFormat, HeadersEncodedLinesShortNoDotLines) {
  using namespace antq::notifications;
  EXPECT_TRUE(plausible_email("nguoi.bao.tin+antq@example.vn"));
  for (const char* bad :
       {"", "a@b", "khong-phai-email", "a b@c.vn", "a@b.vn\r\nBcc: x@y.vn", "<a@b.vn>", "a@@b.vn", "a@b..vn", "a,b@c.vn"}) {
    EXPECT_FALSE(plausible_email(bad)) << bad;
  }
  EXPECT_FALSE(plausible_email("a@b.vn\nx"));
  EXPECT_FALSE(plausible_email(std::string(250, 'a') + "@b.vn"));
  EXPECT_EQ(envelope_address("ANTQ <no-reply@antq.vn>"), "no-reply@antq.vn");
  EXPECT_EQ(envelope_address("no-reply@antq.vn"), "no-reply@antq.vn");
  Mail m{"a@b.vn", "Có cập nhật mới", ".\nCó cập nhật mới.\n", {{"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}}};
  const std::string out = format_mail(m, "ANTQ <no-reply@antq.vn>", std::chrono::system_clock::from_time_t(0), "x@antq.vn");
  EXPECT_NE(out.find("Subject: =?UTF-8?B?"), std::string::npos) << out;
  EXPECT_NE(out.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("To: <a@b.vn>\r\n"), std::string::npos);
  EXPECT_NE(out.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size(), 78u) << line;
    EXPECT_FALSE(line.starts_with(".")) << line;
    for (unsigned char ch : line) EXPECT_LT(ch, 0x80) << line;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, TipNotifyTest, ::testing::ValuesIn(antq::test::engines()));
