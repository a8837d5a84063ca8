// Citizen tips (C3) end to end on each engine: the anonymous dialogue, scope, the audited reveal
// and what must never leak, deadlines, status rules, duplicates, attachments, abuse controls,
// notifications and webhooks.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <atomic>
#include <cstring>
#include <ctime>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include "core/keyring.hpp"
#include "core/log.hpp"
#include "integration/server_fixture.hpp"
#include "modules/tips/proof_of_work.hpp"
#include "modules/tips/tips_demo.hpp"
#include "support/http_stub.hpp"
#include "support/log_capture.hpp"
#include "support/media_fixtures.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

const std::string kReporterName = "Nguyễn Thị Tố Giác";
const std::string kReporterPhone = "0912 345 678";

std::string tip_body(const std::string& unit, const std::string& category, const std::string& description, bool anonymous = true) {
  bj::object o{{"unit", unit}, {"category", category}, {"description", description}, {"anonymous", anonymous}};
  if (!anonymous) {
    o["reporter"] = bj::object{{"name", kReporterName}, {"phone", kReporterPhone}, {"address", "Thôn Trường Thọ, Xã Sơn Tịnh"}};
  }
  return bj::serialize(o);
}

std::string error_code(const HttpReply& r) { return std::string(r.json().at("error").at("code").as_string()); }

std::map<std::string, std::string> with(std::map<std::string, std::string> h, const std::string& k, const std::string& v) {
  h[k] = v;
  return h;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

class TipsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void start(ServerOptionsForTest o = {}) {
    s_ = std::make_unique<ServerFixture>(GetParam(), o);
    officer_ = s_->add_user("ca.sontinh", "police_officer", "21220");
    other_officer_ = s_->add_user("ca.sontay", "police_officer", "09574");
  }
  std::uint16_t port() const { return s_->port(); }

  struct Sent {
    std::string code, secret;
  };
  Sent send_tip(const std::string& description, bool anonymous = true, const std::string& unit = "21220-001",
                const std::string& category = "drugs") {
    auto r = request(port(), "POST", "/api/v1/public/tips", tip_body(unit, category, description, anonymous),
                     {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return {std::string(r.json().at("tracking_code").as_string()), std::string(r.json().at("secret").as_string())};
  }
  std::int64_t staff_id(const std::string& code) {
    auto r = request(port(), "GET", "/api/v1/tips?q=" + code, "", bearer(officer_));
    EXPECT_EQ(r.status, 200) << r.body;
    const auto items = r.json().at("items").as_array();
    EXPECT_EQ(items.size(), 1u) << r.body;
    return items.empty() ? 0 : std::stoll(std::string(items[0].at("id").as_string()));
  }
  HttpReply track(const Sent& t) { return request(port(), "GET", "/api/v1/public/tips/" + t.code, "", {{"X-Tip-Secret", t.secret}}); }
  HttpReply patch(std::int64_t id, const std::string& body, const std::string& token = "") {
    return request(port(), "PATCH", "/api/v1/tips/" + std::to_string(id), body,
                   with(bearer(token.empty() ? officer_ : token), "Content-Type", "application/json"));
  }

  std::unique_ptr<ServerFixture> s_;
  std::string officer_, other_officer_;
};

TEST_P(TipsTest, AnonymousDialogueFromSendingToTheAnswer) {
  start();
  const Sent t = send_tip("Có người lạ thường xuyên tụ tập sử dụng ma túy tại bãi đất trống cuối thôn vào buổi tối.");
  // Easy to read aloud: no 0/O, no 1/I; the secret carries 100 bits.
  EXPECT_TRUE(std::regex_match(t.code, std::regex("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"))) << t.code;
  EXPECT_TRUE(std::regex_match(t.secret, std::regex("^([2-9A-HJ-NP-Z]{5}-){3}[2-9A-HJ-NP-Z]{5}$"))) << t.secret;

  auto view = track(t);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json().at("status").as_string(), "received");
  EXPECT_EQ(view.header("cache-control"), "no-store");
  // Typed in lower case without the dash: still found.
  std::string loose = t.code;
  loose.erase(4, 1);
  for (auto& c : loose) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(request(port(), "GET", "/api/v1/public/tips/" + loose, "", {{"X-Tip-Secret", t.secret}}).status, 200);

  // A wrong secret and an unknown code answer exactly alike.
  auto wrong = request(port(), "GET", "/api/v1/public/tips/" + t.code, "", {{"X-Tip-Secret", "AAAAA-AAAAA-AAAAA-AAAAA"}});
  auto unknown = request(port(), "GET", "/api/v1/public/tips/ZZZZ-ZZZZ", "", {{"X-Tip-Secret", t.secret}});
  auto missing = request(port(), "GET", "/api/v1/public/tips/" + t.code);
  for (const auto* r : {&wrong, &unknown, &missing}) {
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(r->json().at("error").at("message"), wrong.json().at("error").at("message"));
  }

  // The commune's police see it in the inbox and were notified.
  const auto id = staff_id(t.code);
  auto notes = request(port(), "GET", "/api/v1/notifications", "", bearer(officer_));
  ASSERT_EQ(notes.status, 200);
  EXPECT_GE(notes.json().at("unread").as_int64(), 1);
  EXPECT_EQ(notes.json().at("items").as_array()[0].at("label").as_string(), t.code);

  auto sent = request(port(), "POST", "/api/v1/tips/" + std::to_string(id) + "/messages",
                      R"({"body":"Cảm ơn bạn. Bạn có nhớ khoảng mấy giờ họ thường tụ tập không?"})",
                      with(bearer(officer_), "Content-Type", "application/json"));
  ASSERT_EQ(sent.status, 201) << sent.body;

  view = track(t);
  const auto msgs = view.json().at("messages").as_array();
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].at("from"), "police");
  EXPECT_NE(msgs[0].at("body").as_string().find("mấy giờ"), bj::string::npos);
  // Officers are never named to the reporter.
  EXPECT_EQ(view.body.find("ca.sontinh"), std::string::npos) << view.body;

  auto reply = request(port(), "POST", "/api/v1/public/tips/" + t.code + "/messages", R"({"body":"Khoảng 21 giờ đến 23 giờ."})",
                       {{"X-Tip-Secret", t.secret}, {"Content-Type", "application/json"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto detail = request(port(), "GET", "/api/v1/tips/" + std::to_string(id), "", bearer(officer_));
  ASSERT_EQ(detail.status, 200);
  const auto thread = detail.json().at("messages").as_array();
  ASSERT_EQ(thread.size(), 2u);
  EXPECT_EQ(thread[1].at("from"), "reporter");
  EXPECT_EQ(thread[0].at("author"), "ca.sontinh");

  // The outcome reaches the reporter as a decision, with the note meant for them.
  auto done = patch(
      id,
      R"({"status":"resolved","assignee":"ca.sontinh","outcome":{"valid":true,"cases_solved":1,"suspects_arrested":3,"wanted_caught":0,"decision":"prosecute","public_note":"Đã bắt giữ các đối tượng, cảm ơn bạn."}})");
  ASSERT_EQ(done.status, 200) << done.body;
  view = track(t);
  EXPECT_EQ(view.json().at("status"), "resolved");
  EXPECT_EQ(view.json().at("decision").at("note"), "Đã bắt giữ các đối tượng, cảm ơn bạn.");
}

TEST_P(TipsTest, StaffSeeOnlyTheirArea) {
  start();
  const Sent t = send_tip("Nghi vấn có điểm đánh bạc trong nhà kho gần chợ, nhiều xe máy ra vào ban đêm.");
  const auto id = staff_id(t.code);
  const std::string tip = "/api/v1/tips/" + std::to_string(id);
  // Phường Sơn Tây's police: the tip does not exist for them.
  auto list = request(port(), "GET", "/api/v1/tips", "", bearer(other_officer_));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("total").as_int64(), 0);
  EXPECT_EQ(request(port(), "GET", tip, "", bearer(other_officer_)).status, 404);
  EXPECT_EQ(patch(id, R"({"status":"verifying"})", other_officer_).status, 404);
  EXPECT_EQ(
      request(port(), "POST", tip + "/messages", R"({"body":"xin chào"})", with(bearer(other_officer_), "Content-Type", "application/json"))
          .status,
      404);
  EXPECT_EQ(request(port(), "POST", tip + "/reveal", R"({"reason":"Kiểm tra thông tin người báo"})",
                    with(bearer(other_officer_), "Content-Type", "application/json"))
                .status,
            404);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?unit=21220", "", bearer(other_officer_)).status, 404);
  // Staff entry is scoped too: recording a tip for another area is refused.
  auto outside = request(port(), "POST", "/api/v1/tips",
                         R"({"unit":"21220-001","category":"theft","description":"Mất trộm xe máy trước cổng chợ","channel":"phone"})",
                         with(bearer(other_officer_), "Content-Type", "application/json"));
  EXPECT_EQ(outside.status, 400);
  // A province steering member reads but does not handle; a front officer has no tips at all.
  const auto steering = s_->add_user("bcd.tinh", "steering", "51");
  EXPECT_EQ(request(port(), "GET", tip, "", bearer(steering)).status, 200);
  EXPECT_EQ(patch(id, R"({"status":"verifying"})", steering).status, 403);
  const auto front = s_->add_user("mttq.sontinh", "front_officer", "21220");
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips", "", bearer(front)).status, 403);
  // Assigning to someone who cannot handle tips here is refused.
  auto bad_assignee = patch(id, R"({"assignee":"ca.sontay"})");
  EXPECT_EQ(bad_assignee.status, 400);
  EXPECT_EQ(bad_assignee.json().at("error").at("field"), "assignee");
}

TEST_P(TipsTest, ReporterIdentityOnlyThroughAnAuditedReveal) {
  LogCapture capture;  // the server's log for the whole test
  start();
  const Sent t =
      send_tip("Tôi thấy một người mang theo vật giống súng tự chế vào quán karaoke trên đường chính.", false, "21220-001", "weapons");
  const auto id = staff_id(t.code);
  const std::string tip = "/api/v1/tips/" + std::to_string(id);
  auto json_headers = with(bearer(officer_), "Content-Type", "application/json");

  // Without a reason, or too short a reason: refused, nothing revealed.
  EXPECT_EQ(request(port(), "POST", tip + "/reveal", R"({})", json_headers).status, 400);
  EXPECT_EQ(request(port(), "POST", tip + "/reveal", R"({"reason":"cần"})", json_headers).status, 400);
  // A village officer has no reveal permission.
  const auto village = s_->add_user("thon.truongtho", "village_officer", "21220-001");
  EXPECT_EQ(request(port(), "POST", tip + "/reveal", R"({"reason":"Cần liên hệ lại người báo để xác minh"})",
                    with(bearer(village), "Content-Type", "application/json"))
                .status,
            403);

  auto revealed = request(port(), "POST", tip + "/reveal", R"({"reason":"Cần liên hệ lại người báo để xác minh vũ khí"})", json_headers);
  ASSERT_EQ(revealed.status, 200) << revealed.body;
  EXPECT_EQ(revealed.json().at("reporter").at("name").as_string(), kReporterName);
  EXPECT_EQ(revealed.json().at("reporter").at("phone").as_string(), kReporterPhone);
  auto audit = request(port(), "GET", "/api/v1/audit?action=tip.reveal", "", bearer(s_->national_admin()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  const auto entries = audit.json().at("items").as_array();
  ASSERT_EQ(entries.size(), 1u) << audit.body;
  EXPECT_EQ(entries[0].at("actor"), "ca.sontinh");
  EXPECT_EQ(entries[0].at("reason"), "Cần liên hệ lại người báo để xác minh vũ khí");

  // Everywhere else: lists, searches, detail, tracking, notifications, the audit trail, errors, the log.
  std::vector<HttpReply> outputs{
      request(port(), "GET", "/api/v1/tips", "", bearer(officer_)),
      request(port(), "GET", "/api/v1/tips?q=karaoke", "", bearer(officer_)),
      request(port(), "GET", "/api/v1/tips?q=" + std::string("T%E1%BB%91%20Gi%C3%A1c"), "", bearer(officer_)),
      request(port(), "GET", tip, "", bearer(officer_)),
      request(port(), "GET", tip, "", bearer(s_->national_admin())),
      track(t),
      request(port(), "GET", "/api/v1/notifications", "", bearer(officer_)),
      request(port(), "GET", "/api/v1/audit", "", bearer(s_->national_admin())),
      request(port(), "PATCH", tip, R"({"status":"nope"})", json_headers),
      request(port(), "POST", "/api/v1/public/tips", tip_body("21220-001", "weapons", "ngắn", false),
              {{"Content-Type", "application/json"}}),
  };
  EXPECT_EQ(outputs[2].json().at("total").as_int64(), 0) << "the reporter's name is not searchable";
  EXPECT_EQ(outputs[3].json().at("reporter").at("provided"), true);
  s_.reset();  // stop the server: every log line is written
  const std::string log_text = capture.stop();
  EXPECT_NE(log_text.find("/api/v1/tips"), std::string::npos) << "the log was captured";
  for (const auto& needle : {kReporterName, kReporterPhone, std::string("912345678")}) {
    for (const auto& o : outputs) EXPECT_EQ(o.body.find(needle), std::string::npos) << needle << " in " << o.body;
    EXPECT_EQ(log_text.find(needle), std::string::npos)
        << needle << " in the log: …" << log_text.substr(log_text.find(needle) > 200 ? log_text.find(needle) - 200 : 0, 400);
  }
}

TEST_P(TipsTest, StoredIdentityIsSealed) {
  start();
  const Sent t =
      send_tip("Có đối tượng cho vay lãi nặng, đe dọa người dân trong thôn phải trả nợ gấp.", false, "21220-002", "loan_sharking");
  auto rows = s_->database().db().read_value([&](db::Connection& c) {
    return c.query("SELECT reporter_sealed, secret_hash, description, search_text FROM tips WHERE tracking_code = $1", t.code);
  });
  ASSERT_EQ(rows.rows.size(), 1u);
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string v = rows.rows[0].text(i);
    EXPECT_EQ(v.find("Tố Giác"), std::string::npos);
    // Whole numbers, not a fragment: "345" alone turns up by chance in hex ciphertext about once in a hundred runs.
    EXPECT_EQ(v.find("0912345678"), std::string::npos);
    EXPECT_EQ(v.find("0912 345 678"), std::string::npos);
    EXPECT_EQ(v.find(t.secret), std::string::npos);
  }
}

TEST_P(TipsTest, DeadlinesExtensionsAndOverdue) {
  start();
  const Sent t =
      send_tip("Một nhóm thanh niên đua xe trái phép trên tỉnh lộ mỗi tối thứ bảy, rất nguy hiểm.", true, "21220-003", "traffic");
  const auto id = staff_id(t.code);
  auto d = request(port(), "GET", "/api/v1/tips/" + std::to_string(id), "", bearer(officer_)).json();
  const std::string received = std::string(d.at("received_at").as_string());
  const std::string due = std::string(d.at("deadlines").at("settle_due_at").as_string());
  // 20 days after receipt.
  auto tp = [](const std::string& s) {
    std::tm tm{};
    strptime(s.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    return timegm(&tm);
  };
  EXPECT_EQ(tp(due) - tp(received), 20 * 86400);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?overdue=true", "", bearer(officer_)).json().at("total").as_int64(), 0);

  // The commune cannot settle it: pass on within 24 hours.
  auto tr = patch(id, R"({"transfer_required":true})");
  ASSERT_EQ(tr.status, 200) << tr.body;
  const std::string pass_on = std::string(tr.json().at("deadlines").at("pass_on_due_at").as_string());
  EXPECT_EQ(tp(pass_on) - tp(received), 24 * 3600);

  // Extensions: the first up to 2 months after receipt, the second up to 4, never a third.
  const std::time_t r0 = tp(received);
  auto date_after = [&](int days) {
    std::time_t x = r0 + 7 * 3600 + static_cast<std::time_t>(days) * 86400;
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&x));
    return std::string(buf);
  };
  EXPECT_EQ(patch(id, R"({"extend":{"until":")" + date_after(75) + R"(","reason":"Vụ việc phức tạp"}})").status, 422);
  EXPECT_EQ(patch(id, R"({"extend":{"until":")" + date_after(45) + R"("}})").status, 400);  // a reason is required
  auto first = patch(id, R"({"extend":{"until":")" + date_after(45) + R"(","reason":"Vụ việc phức tạp, cần giám định"}})");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json().at("deadlines").at("extensions").as_array().size(), 1u);
  auto too_far = patch(id, R"({"extend":{"until":")" + date_after(130) + R"(","reason":"VKS gia hạn"}})");
  EXPECT_EQ(too_far.status, 422) << too_far.body;
  ASSERT_EQ(patch(id, R"({"extend":{"until":")" + date_after(110) + R"(","reason":"VKS gia hạn lần hai"}})").status, 200);
  EXPECT_EQ(patch(id, R"({"extend":{"until":")" + date_after(115) + R"(","reason":"Thêm nữa"}})").status, 422);
  // The reporter sees that the deadline moved, not why.
  auto pub = track(t);
  EXPECT_NE(pub.body.find("\"extended\""), std::string::npos);
  EXPECT_EQ(pub.body.find("giám định"), std::string::npos);

  // Time passes: the tip is overdue (settle deadline), and another one misses its pass-on deadline.
  s_->database().db().write(
      [&](db::Connection& c) { c.query("UPDATE tips SET settle_due_at = '2026-01-01T00:00:00.000Z' WHERE id = $1", id); });
  auto overdue = request(port(), "GET", "/api/v1/tips?overdue=true", "", bearer(officer_));
  ASSERT_EQ(overdue.json().at("total").as_int64(), 1) << overdue.body;
  EXPECT_EQ(overdue.json().at("items").as_array()[0].at("overdue"), true);
  // Settled tips are never overdue.
  ASSERT_EQ(patch(id, R"({"status":"resolved","outcome":{"valid":false}})").status, 200);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?overdue=true", "", bearer(officer_)).json().at("total").as_int64(), 0);
}

TEST_P(TipsTest, StatusesMoveForwardWithWhatEachStepNeeds) {
  start();
  const Sent t = send_tip("Khu vực nhà văn hóa thôn có nguy cơ cháy do đường dây điện cũ chằng chịt.", true, "21220-001", "fire_risk");
  const auto id = staff_id(t.code);
  // "Tin báo có cơ sở" has no default: resolving without saying yes or no is refused on that field.
  auto r = patch(id, R"({"status":"resolved"})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json().at("error").at("field"), "outcome.valid");
  for (const char* outcome : {R"({})", R"({"valid":null})", R"({"valid":"true"})", R"({"valid":1,"cases_solved":1})"}) {
    r = patch(id, std::string(R"({"status":"resolved","assignee":"ca.sontinh","outcome":)") + outcome + "}");
    EXPECT_EQ(r.status, 400) << outcome << " → " << r.body;
    EXPECT_EQ(r.json().at("error").at("field"), "outcome.valid") << outcome;
  }
  EXPECT_EQ(patch(id, R"({"status":"assigned"})").status, 422);  // nobody to assign to
  EXPECT_EQ(patch(id, R"({"status":"rejected"})").status, 422);  // a reason is needed
  // An assignment alone moves a new tip to "assigned".
  r = patch(id, R"({"assignee":"ca.sontinh"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("status"), "assigned");
  EXPECT_EQ(patch(id, R"({"status":"verifying"})").status, 422);  // backwards
  r = patch(id, R"({"status":"closed","outcome":{"valid":true,"cases_solved":0}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(patch(id, R"({"status":"rejected","reason":"Không có căn cứ"})").status, 422);  // already ended
  EXPECT_EQ(patch(id, R"({"outcome":{"valid":false}})").status, 422);                       // nor edited
  EXPECT_EQ(patch(id, R"({"assignee":"ca.sontinh"})").status, 422);
  // Every change is audited.
  auto audit = request(port(), "GET", "/api/v1/audit?action=tip.update", "", bearer(s_->national_admin()));
  EXPECT_EQ(audit.json().at("items").as_array().size(), 2u) << audit.body;
}

TEST_P(TipsTest, LikelyDuplicatesAreSuggestedAndMergingKeepsBothThreads) {
  start();
  const Sent first = send_tip("Có nhóm người tụ tập sử dụng ma túy tại bãi đất trống cuối thôn Trường Thọ vào buổi tối.");
  const Sent second = send_tip("Tối nào cũng có nhóm người tụ tập sử dụng ma tuý ở bãi đất trống cuối thôn Trường Thọ.", true, "21220-002");
  const Sent unrelated = send_tip("Mất trộm hai con bò trong chuồng nhà ông Ba ở xóm trên, xảy ra đêm qua.", true, "21220-002", "theft");
  const auto a = staff_id(first.code), b = staff_id(second.code), c = staff_id(unrelated.code);
  bj::value detail;
  for (int i = 0; i < 100; ++i) {  // computed in the background, off the request path
    detail = request(port(), "GET", "/api/v1/tips/" + std::to_string(b), "", bearer(officer_)).json();
    if (!detail.at("suggestions").as_array().empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto& sug = detail.at("suggestions").as_array();
  ASSERT_EQ(sug.size(), 1u) << detail;
  EXPECT_EQ(std::stoll(std::string(sug[0].at("id").as_string())), a);
  EXPECT_TRUE(
      request(port(), "GET", "/api/v1/tips/" + std::to_string(c), "", bearer(officer_)).json().at("suggestions").as_array().empty());

  // An officer whose area is the second village does not learn of the first village's tip.
  const auto village_police = s_->add_user("ca.thon2", "police_officer", "21220-002");
  auto theirs = request(port(), "GET", "/api/v1/tips?q=" + second.code, "", bearer(village_police));
  ASSERT_EQ(theirs.json().at("total").as_int64(), 1) << theirs.body;
  EXPECT_EQ(theirs.json().at("items").as_array()[0].at("duplicates").as_int64(), 0);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?q=" + second.code, "", bearer(officer_))
                .json()
                .at("items")
                .as_array()[0]
                .at("duplicates")
                .as_int64(),
            1);
  EXPECT_TRUE(
      request(port(), "GET", "/api/v1/tips/" + std::to_string(b), "", bearer(village_police)).json().at("suggestions").as_array().empty());
  auto merged = patch(b, R"({"status":"duplicate","duplicate_of":")" + std::to_string(a) + "\"}");
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(std::stoll(std::string(merged.json().at("duplicate_of").at("id").as_string())), a);
  // The second reporter can still write, and the officer reads it on the main tip.
  auto msg = request(port(), "POST", "/api/v1/public/tips/" + second.code + "/messages", R"({"body":"Hôm nay họ lại đến."})",
                     {{"X-Tip-Secret", second.secret}, {"Content-Type", "application/json"}});
  ASSERT_EQ(msg.status, 201) << msg.body;
  auto main_tip = request(port(), "GET", "/api/v1/tips/" + std::to_string(a), "", bearer(officer_)).json();
  ASSERT_EQ(main_tip.at("merged").as_array().size(), 1u);
  EXPECT_EQ(main_tip.at("merged").as_array()[0].at("messages").as_array().size(), 1u);
  EXPECT_EQ(track(second).json().at("status"), "duplicate");
}

namespace {
std::string with_gps(const std::string& fixture) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("antq-gps-" + std::to_string(::getpid()) + "-" + std::filesystem::path(fixture).filename().string());
  std::filesystem::copy_file(source_dir() + "/server/tests/data/" + fixture, path, std::filesystem::copy_options::overwrite_existing);
  add_gps(path.string());
  const std::string bytes = read_file(path.string());
  std::filesystem::remove(path);
  return bytes;
}

// A real MP4 (H.264 + AAC container) with the location phones write: ©xyz in moov/udta and in a
// top-level udta after moov.
std::string mp4_with_location() {
  const auto path = std::filesystem::temp_directory_path() / ("antq-loc-" + std::to_string(::getpid()) + ".mp4");
  write_mp4(path.string(), 64 << 10, true);
  const std::string bytes = read_file(path.string());
  std::filesystem::remove(path);
  return bytes;
}
}  // namespace

TEST_P(TipsTest, AttachmentsAreCheckedByContentAndCleanedOfLocation) {
  start();
  const Sent t =
      send_tip("Xe tải đổ trộm phế thải xây dựng xuống mương thoát nước đầu thôn, có ảnh kèm theo.", true, "21220-001", "environment");
  const auto id = staff_id(t.code);
  const std::string up = "/api/v1/public/tips/" + t.code + "/attachments";
  const std::map<std::string, std::string> h{{"X-Tip-Secret", t.secret}, {"Content-Type", "application/octet-stream"}};

  const std::string jpeg = with_gps("photo.jpg");
  ASSERT_TRUE(has_gps(jpeg));
  auto a1 = request(port(), "POST", up, jpeg, h);
  ASSERT_EQ(a1.status, 201) << a1.body;
  EXPECT_EQ(a1.json().at("media_type"), "image/jpeg");
  EXPECT_EQ(a1.json().at("location_removed"), true);
  auto a2 = request(port(), "POST", up + "?keep_location=true", jpeg, h);
  ASSERT_EQ(a2.status, 201) << a2.body;
  auto a3 = request(port(), "POST", up, with_gps("photo.png"), h);
  ASSERT_EQ(a3.status, 201) << a3.body;
  auto a4 = request(port(), "POST", up, mp4_with_location(), h);
  ASSERT_EQ(a4.status, 201) << a4.body;
  EXPECT_EQ(a4.json().at("media_type"), "video/mp4");

  auto fetch = [&](const HttpReply& a, const std::string& token) {
    return request(port(), "GET", "/api/v1/tips/" + std::to_string(id) + "/attachments/" + std::string(a.json().at("id").as_string()), "",
                   bearer(token));
  };
  auto f1 = fetch(a1, officer_);
  ASSERT_EQ(f1.status, 200);
  EXPECT_EQ(f1.header("content-type"), "image/jpeg");
  EXPECT_FALSE(has_gps(f1.body));
  // Only orientation and capture time survive: a camera's make and model identify a device.
  EXPECT_EQ(f1.body.find("ANTQTestCam"), std::string::npos);
  EXPECT_TRUE(has_gps(fetch(a2, officer_).body));
  EXPECT_FALSE(has_gps(fetch(a3, officer_).body));
  const auto video = fetch(a4, officer_).body;
  ASSERT_NE(mp4_with_location().find("+15.1234"), std::string::npos);
  EXPECT_EQ(video.find("+15.1234"), std::string::npos);
  EXPECT_GT(video.size(), 60000u);
  EXPECT_EQ(fetch(a1, other_officer_).status, 404);

  // Type by content: a text file named like a photo is refused; so is an empty body.
  auto fake = request(port(), "POST", up, "GIF89a not really an image, just text", h);
  EXPECT_EQ(fake.status, 415) << fake.body;
  EXPECT_EQ(request(port(), "POST", up, "", h).status, 400);
  // Too large: refused from the declared length, before the body is read.
  auto big = send_raw(port(), "POST " + up + " HTTP/1.1\r\nHost: x\r\nX-Tip-Secret: " + t.secret +
                                  "\r\nContent-Length: 30000000\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(big.status, 413);
  // Wrong secret: refused on the headers, before any body is read (none is sent here).
  auto early = send_raw(port(), "POST " + up +
                                    " HTTP/1.1\r\nHost: x\r\nX-Tip-Secret: AAAAA-AAAAA-AAAAA-AAAAA"
                                    "\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(early.status, 404);
  // A forged 64-bit box size must not make the cleaner write past the file.
  {
    const std::string ftyp = std::string(
                                 "\0\0\0\x1C"
                                 "ftyp",
                                 8) +
                             std::string("isom\0\0\x02\0isomiso2mp41", 20);
    const std::string udta = std::string("\0\0\0\x01udta", 8) + std::string("\x7F\xFF\xFF\xFF\xFF\xFF\xFF\xF0", 8);
    std::string moov_payload = udta + std::string(16, '\0');
    const auto n = static_cast<std::uint32_t>(8 + moov_payload.size());
    const std::string forged =
        ftyp + std::string{static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8), static_cast<char>(n)} +
        "moov" + moov_payload;
    auto r = request(port(), "POST", up, forged, h);
    EXPECT_EQ(r.status, 415) << r.body;
  }
  // At most 10 per tip.
  for (int i = 0; i < 6; ++i) ASSERT_EQ(request(port(), "POST", up, jpeg, h).status, 201);
  EXPECT_EQ(request(port(), "POST", up, jpeg, h).status, 422);
  // Nothing is left in the upload area, and the files are outside the web root.
  const auto incoming = std::filesystem::path(s_->config().attachments_dir) / "incoming";
  EXPECT_TRUE(std::filesystem::is_empty(incoming));
}

TEST_P(TipsTest, RateLimitAnswers429WithRetryAfter) {
  ServerOptionsForTest o;
  o.public_rate_limit = true;
  o.public_tips_per_hour = 3;
  start(o);
  for (int i = 0; i < 3; ++i) send_tip("Tin báo thử số " + std::to_string(i) + " về trật tự công cộng ở chợ.");
  auto r = request(port(), "POST", "/api/v1/public/tips", tip_body("21220-001", "drugs", "Tin báo thứ tư trong cùng một giờ."),
                   {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.header("retry-after").empty());
  EXPECT_NE(r.json().at("error").at("message").as_string().find("thử lại"), bj::string::npos);
}

TEST_P(TipsTest, ProofOfWorkIsRequiredAndSingleUse) {
  ServerOptionsForTest o;
  o.public_challenge = true;
  o.public_challenge_bits = 10;
  start(o);
  const std::string body = tip_body("21220-001", "gambling", "Có sòng bạc hoạt động trong nhà dân ở xóm dưới.");
  const std::map<std::string, std::string> json{{"Content-Type", "application/json"}};
  auto none = request(port(), "POST", "/api/v1/public/tips", body, json);
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(error_code(none), "challenge_required");
  auto ch = get(port(), "/api/v1/public/challenge").json();
  ASSERT_TRUE(ch.at("required").as_bool());
  const std::string token(ch.at("token").as_string());
  std::string answer;
  for (int nonce = 0;; ++nonce) {
    answer = token + ":" + std::to_string(nonce);
    if (tips::ProofOfWork::leading_zero_bits(answer) >= 10) break;
  }
  EXPECT_EQ(request(port(), "POST", "/api/v1/public/tips", body, with(json, "X-Challenge", token + ":notanumber")).status, 400);
  EXPECT_EQ(request(port(), "POST", "/api/v1/public/tips", body, with(json, "X-Challenge", answer)).status, 201);
  auto again = request(port(), "POST", "/api/v1/public/tips", body, with(json, "X-Challenge", answer));
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(error_code(again), "challenge_failed");
}

TEST_P(TipsTest, BadInputGetsAClearVietnameseMessage) {
  start();
  const std::map<std::string, std::string> json{{"Content-Type", "application/json"}};
  struct Case {
    std::string body, field;
  };
  const std::vector<Case> cases{
      {"{", ""},
      {"[]", ""},
      {R"({"unit":"21220-001","category":"drugs","anonymous":true})", "description"},
      {R"({"unit":"21220-001","category":"drugs","description":"ngắn","anonymous":true})", "description"},
      {R"({"unit":"21220-001","category":"drugs","description":")" + std::string(5001, 'a') + R"(","anonymous":true})", "description"},
      {R"({"unit":"99999-999","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true})", "unit"},
      {R"({"unit":"51","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true})", "unit"},
      {R"({"unit":"21220-001","category":"aliens","description":"Mô tả đủ dài để hợp lệ","anonymous":true})", "category"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ"})", "anonymous"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true,"reporter":{"name":"A"}})",
       "reporter"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":false})", "reporter"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true,"lat":15.1})", "lat"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true,"lat":95,"lng":1})", "lat"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true,"occurred_at":"2099-01-01T00:00:00Z"})",
       "occurred_at"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true,"occurred_at":"hôm qua"})",
       "occurred_at"},
      {R"({"unit":"21220-001","category":"drugs","description":"Mô tả đủ dài để hợp lệ","anonymous":true,"channel":"phone"})", "channel"},
  };
  for (const auto& c : cases) {
    auto r = request(port(), "POST", "/api/v1/public/tips", c.body, json);
    EXPECT_EQ(r.status, 400) << c.body.substr(0, 120) << " → " << r.body;
    if (r.status == 400 && !c.field.empty()) EXPECT_EQ(std::string(r.json().at("error").at("field").as_string()), c.field) << r.body;
  }
  // Staff side: unknown ids, filters and fields.
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips/abc", "", bearer(officer_)).status, 404);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips/999999", "", bearer(officer_)).status, 404);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?status=lost", "", bearer(officer_)).status, 400);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?from=22/11/2026", "", bearer(officer_)).status, 400);
  EXPECT_EQ(
      request(port(), "POST", "/api/v1/notifications/read", R"({"ids":[null]})", with(bearer(officer_), "Content-Type", "application/json"))
          .status,
      400);
  EXPECT_EQ(
      request(port(), "POST", "/api/v1/notifications/read", R"({"ids":["x1"]})", with(bearer(officer_), "Content-Type", "application/json"))
          .status,
      400);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips", "").status, 401);
  const Sent t = send_tip("Một tin báo để thử dữ liệu sai khi xử lý.");
  const auto id = staff_id(t.code);
  EXPECT_EQ(patch(id, "{}").status, 400);
  EXPECT_EQ(patch(id, R"({"colour":"red"})").status, 400);
  EXPECT_EQ(patch(id, R"({"outcome":{"cases_solved":-1,"valid":true}})").status, 400);
  EXPECT_EQ(patch(id, R"({"outcome":{"cases_solved":2}})").status, 400);
  EXPECT_EQ(patch(id, R"({"extend":{"until":"31/12/2026","reason":"x"}})").status, 400);
  EXPECT_EQ(patch(id, R"({"status":"duplicate","duplicate_of":)" + std::to_string(id) + "}").status, 400);
  EXPECT_EQ(
      request(port(), "POST", "/api/v1/public/tips/" + t.code + "/messages", R"({"body":""})", with(json, "X-Tip-Secret", t.secret)).status,
      400);
  EXPECT_EQ(request(port(), "POST", "/api/v1/public/tips/" + t.code + "/messages", R"({"body":")" + std::string(2001, 'x') + "\"}",
                    with(json, "X-Tip-Secret", t.secret))
                .status,
            400);
  // An anonymous tip has no identity to reveal.
  EXPECT_EQ(request(port(), "POST", "/api/v1/tips/" + std::to_string(id) + "/reveal", R"({"reason":"Cần liên hệ người báo gấp"})",
                    with(bearer(officer_), "Content-Type", "application/json"))
                .status,
            422);
}

TEST_P(TipsTest, StaffRecordsATipReceivedByPhone) {
  start();
  auto r = request(
      port(), "POST", "/api/v1/tips",
      R"({"unit":"21220-004","category":"online_fraud","channel":"hotline","description":"Người dân gọi đường dây nóng báo bị lừa chuyển khoản 20 triệu đồng qua mạng.","reporter":{"name":"Trần Văn Gọi","phone":"0987654321"}})",
      with(bearer(officer_), "Content-Type", "application/json"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("channel"), "hotline");
  EXPECT_EQ(r.json().at("received_by"), "ca.sontinh");
  EXPECT_EQ(r.json().at("reporter").at("anonymous"), false);
  EXPECT_FALSE(r.json().at("secret").as_string().empty());
  EXPECT_EQ(r.body.find("Trần Văn Gọi"), std::string::npos);
  // Filters: by channel category, diacritic-free search, unit subtree, dates.
  auto q =
      request(port(), "GET", "/api/v1/tips?q=lua%20chuyen%20khoan&category=online_fraud&unit=21220&from=2020-01-01", "", bearer(officer_));
  EXPECT_EQ(q.json().at("total").as_int64(), 1) << q.body;
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?to=2020-01-01", "", bearer(officer_)).json().at("total").as_int64(), 0);
}

TEST_P(TipsTest, PosterCarriesAQrCodeToTheUnitsForm) {
  // Without a configured public address the poster is refused: it was built from the request's
  // Host header, so whoever asked chose where the printed QR code sends citizens.
  start();
  auto unset = request(port(), "GET", "/api/v1/units/21220-001/tip-poster", "", {{"Host", "attacker.example"}});
  EXPECT_EQ(unset.status, 422) << unset.body;
  EXPECT_NE(unset.body.find("public_url"), std::string::npos);
  // The units page asks first (?check=1): a 200 either way, with the reason when it cannot print.
  auto check_unset = request(port(), "GET", "/api/v1/units/21220-001/tip-poster?check=1");
  ASSERT_EQ(check_unset.status, 200) << check_unset.body;
  EXPECT_EQ(check_unset.json().at("available"), false);
  EXPECT_NE(check_unset.body.find("public_url"), std::string::npos);
  EXPECT_EQ(get(port(), "/api/v1/units/00000/tip-poster?check=1").status, 404);
  ServerOptionsForTest o;
  o.public_url = "https://antq.quangngai.gov.vn/";
  start(o);
  auto check = request(port(), "GET", "/api/v1/units/21220-001/tip-poster?check=1");
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_EQ(check.json().at("available"), true);
  EXPECT_FALSE(check.json().as_object().contains("message"));
  auto r = request(port(), "GET", "/api/v1/units/21220-001/tip-poster", "", {{"Host", "attacker.example"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("https://antq.quangngai.gov.vn/gui-tin-bao?unit=21220-001"), std::string::npos);
  EXPECT_EQ(r.body.find("attacker.example"), std::string::npos);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<svg"), std::string::npos);
  EXPECT_NE(r.body.find("/gui-tin-bao?unit=21220-001"), std::string::npos);
  EXPECT_NE(r.body.find("113"), std::string::npos);
  EXPECT_EQ(get(port(), "/api/v1/units/00000/tip-poster").status, 404);
}

namespace {
// A webhook receiver: answers 500 to the first delivery, 200 after, and keeps the bodies.
class Receiver {
 public:
  Receiver()
      : stub_([this](const std::string& req) {
          const int n = ++attempts_;
          if (n == 1) return std::make_pair(500, std::string());
          std::lock_guard g(m_);
          bodies_.push_back(request_body(req));
          return std::make_pair(200, std::string());
        }) {}
  std::uint16_t port() const { return stub_.port(); }
  std::vector<std::string> bodies() {
    std::lock_guard g(m_);
    return bodies_;
  }
  int attempts() const { return attempts_; }

 private:
  std::atomic<int> attempts_{0};
  std::mutex m_;
  std::vector<std::string> bodies_;
  HttpStub stub_;  // last: its thread stops before what it uses goes
};
}  // namespace

TEST_P(TipsTest, WebhooksAreRetriedAndCarryNoPersonalData) {
  Receiver receiver;
  ServerOptionsForTest o;
  o.webhook_urls = "http://127.0.0.1:" + std::to_string(receiver.port()) + "/hook";
  start(o);
  const Sent t =
      send_tip("Phát hiện đường dây mua bán người qua biên giới, có xe đón ở đầu làng.", false, "21220-001", "human_trafficking");
  for (int i = 0; i < 100 && receiver.bodies().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto bodies = receiver.bodies();
  ASSERT_EQ(bodies.size(), 1u) << "attempts: " << receiver.attempts();
  EXPECT_GE(receiver.attempts(), 2);
  const auto payload = bj::parse(bodies[0]);
  EXPECT_EQ(payload.at("event"), "tip.received");
  EXPECT_EQ(payload.at("tracking_code").as_string(), t.code);
  EXPECT_EQ(bodies[0].find("biên giới"), std::string::npos);
  EXPECT_EQ(bodies[0].find("Tố Giác"), std::string::npos);
}

TEST_P(TipsTest, AssigneesAreTheHandlersOfTheTipsBranchInTheCallersArea) {
  start();
  const std::string province = s_->add_user("ca.quangngai", "police_officer", "51");
  s_->add_user("ca.tinhkhe", "police_officer", "21211");        // another commune: not on the branch
  s_->add_user("ca.truongtho", "police_officer", "21220-001");  // the tip's village
  s_->add_user("ca.thonkhac", "police_officer", "21220-002");   // a sister village: not on the branch
  s_->add_user("ca.nghihuu", "police_officer", "21220");
  s_->add_user("mttq.sontinh", "front_officer", "21220");  // may not handle tips
  ASSERT_EQ(request(port(), "PATCH", "/api/v1/users/ca.nghihuu", R"({"disabled":true})", json_auth(s_->national_admin())).status, 200);
  const Sent t = send_tip("Có người lạ đến hỏi mua ruộng giá cao bất thường, nghi lừa đảo chiếm đoạt tài sản.");
  const auto id = staff_id(t.code);
  auto names = [&](const std::string& token) {
    auto r = request(port(), "GET", "/api/v1/tips/" + std::to_string(id) + "/assignees", "", bearer(token));
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    if (r.status != 200) return out;
    const auto reply = r.json();
    for (const auto& a : reply.at("items").as_array()) {
      out.push_back(std::string(a.at("username").as_string()));
      if (a.at("username") == "ca.truongtho") {
        EXPECT_EQ(a.at("unit").at("code"), "21220-001");
        EXPECT_FALSE(a.at("unit").at("full_name").as_string().empty());
        EXPECT_TRUE(a.as_object().contains("display_name"));
      }
      if (a.at("username") == "quantri") EXPECT_TRUE(a.at("unit").is_null()) << "a nationwide account";
    }
    return out;
  };
  // The commune's officer: the village's and the commune's handlers, nearest first; not the
  // province (outside the caller's area), a sister village, another commune, a disabled account
  // or a role without tips.write.
  EXPECT_EQ(names(officer_), (std::vector<std::string>{"ca.truongtho", "admin.sontinh", "ca.sontinh"}));
  // The province's officer sees the province's too; the national administrator everyone on the branch.
  EXPECT_EQ(names(province), (std::vector<std::string>{"ca.truongtho", "admin.sontinh", "ca.sontinh", "ca.quangngai"}));
  EXPECT_EQ(names(s_->national_admin()),
            (std::vector<std::string>{"ca.truongtho", "admin.sontinh", "ca.sontinh", "ca.quangngai", "quantri"}));
  // Outside the caller's area: 404, as the tip itself.
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips/" + std::to_string(id) + "/assignees", "", bearer(other_officer_)).status, 404);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips/999999/assignees", "", bearer(officer_)).status, 404);
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips/" + std::to_string(id) + "/assignees", "").status, 401);
  // Every name offered is accepted by the handling form.
  auto r = patch(id, R"({"assignee":"ca.truongtho"})");
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_P(TipsTest, AReporterReadsResolvedAlsoOnceTheTipIsClosed) {
  start();
  const Sent t = send_tip("Một nhóm thanh niên tụ tập đua xe trái phép trên đường liên xã vào ban đêm.");
  const auto id = staff_id(t.code);
  ASSERT_EQ(patch(id, R"({"status":"resolved","assignee":"ca.sontinh","outcome":{"valid":true,"public_note":"Đã xử lý."}})").status, 200);
  auto view = track(t);
  EXPECT_EQ(view.json().at("status_label"), "Đã giải quyết");
  ASSERT_EQ(patch(id, R"({"status":"closed"})").status, 200);
  view = track(t);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(view.json().at("status"), "closed");
  EXPECT_EQ(view.json().at("status_label"), "Đã giải quyết") << view.body;
  EXPECT_EQ(view.json().at("decision").at("label"), "Đã giải quyết") << view.body;
  EXPECT_EQ(view.body.find("Đã kết thúc"), std::string::npos);
  // Staff still see the step they took.
  auto staff = request(port(), "GET", "/api/v1/tips/" + std::to_string(id), "", bearer(officer_));
  EXPECT_EQ(staff.json().at("decision").at("label"), "Đã kết thúc");
}

INSTANTIATE_TEST_SUITE_P(Engines, TipsTest, ::testing::ValuesIn(antq::test::engines()));

TEST_P(TipsTest, DemoTipsCoverEveryStateOnce) {
  start();
  auto& db = s_->database().db();
  const auto keys = crypto::Keyring::from_hex(s_->config().data_key);
  EXPECT_EQ(tips::seed_demo(db, keys), 12);
  EXPECT_EQ(tips::seed_demo(db, keys), 0);  // idempotent
  auto statuses = db.read_value([](db::Connection& c) { return c.query("SELECT DISTINCT status FROM tips ORDER BY status"); });
  std::vector<std::string> got;
  for (const auto& r : statuses.rows) got.push_back(r.text(0));
  EXPECT_EQ(got, (std::vector<std::string>{"assigned", "closed", "duplicate", "received", "rejected", "resolved", "verifying"}));
  // The inbox shows one of them overdue.
  EXPECT_EQ(request(port(), "GET", "/api/v1/tips?overdue=true", "", bearer(officer_)).json().at("total").as_int64(), 1);
}
