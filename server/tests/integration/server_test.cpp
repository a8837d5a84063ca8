// The HTTP API end to end: a real server on port 0, real sockets, a real database on each engine.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "core/keyring.hpp"
#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "modules/units/units_service.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

std::string error_code(const HttpReply& r) { return std::string(r.json().at("error").at("code").as_string()); }
std::string error_message(const HttpReply& r) { return std::string(r.json().at("error").at("message").as_string()); }

}  // namespace

class ServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{}); }
  std::uint16_t port() const { return s_->port(); }
  std::map<std::string, std::string> admin() const { return bearer(s_->national_admin()); }
  std::map<std::string, std::string> commune_admin() const { return bearer(s_->commune_admin()); }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(ServerTest, HealthzNamesTheEngine) {
  auto r = get(port(), "/healthz");
  ASSERT_EQ(r.status, 200);
  auto j = r.json().as_object();
  EXPECT_EQ(j.at("status").as_string(), "ok");
  EXPECT_EQ(j.at("database").as_string(), GetParam());
  EXPECT_FALSE(j.at("version").as_string().empty());
  EXPECT_FALSE(r.header("x-request-id").empty());
}

TEST_P(ServerTest, UnitTreeIsPublic) {
  auto top = get(port(), "/api/v1/units");
  ASSERT_EQ(top.status, 200);
  auto items = top.json().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  // Vietnamese order: Hà Nội before Quảng Ngãi.
  EXPECT_EQ(items[0].at("code").as_string(), "01");
  EXPECT_EQ(items[1].at("code").as_string(), "51");
  EXPECT_EQ(items[1].at("kind").as_string(), "province");
  EXPECT_TRUE(items[1].at("parent_code").is_null());

  auto villages = get(port(), "/api/v1/units?parent=21220").json().at("items").as_array();
  ASSERT_GE(villages.size(), 5u);
  std::set<std::string> names;
  for (const auto& v : villages) names.insert(std::string(v.at("full_name").as_string()));
  EXPECT_TRUE(names.count("Thôn Trường Thọ"));
  EXPECT_EQ(villages[0].at("kind").as_string(), "village");  // villages before establishments

  auto d = get(port(), "/api/v1/units/21220-001");
  ASSERT_EQ(d.status, 200);
  auto anc = d.json().at("ancestors").as_array();
  ASSERT_EQ(anc.size(), 2u);
  EXPECT_EQ(anc[0].at("code").as_string(), "51");
  EXPECT_EQ(anc[1].at("code").as_string(), "21220");

  auto found = get(port(), "/api/v1/units/search?q=son%20tinh");
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.json().at("items").as_array().at(0).at("code").as_string(), "21220");
  auto missing = get(port(), "/api/v1/units/99999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(error_code(missing), "not_found");
  EXPECT_EQ(error_message(missing), "Không tìm thấy đơn vị.");
  EXPECT_EQ(get(port(), "/api/v1/units?parent=99999").status, 404);
}

TEST_P(ServerTest, SearchValidatesItsParameters) {
  EXPECT_EQ(get(port(), "/api/v1/units/search").status, 400);
  EXPECT_EQ(get(port(), "/api/v1/units/search?q=a&limit=0").status, 400);
  EXPECT_EQ(get(port(), "/api/v1/units/search?q=a&limit=abc").status, 400);
  EXPECT_EQ(get(port(), "/api/v1/units/search?q=a&include_retired=maybe").status, 400);
  EXPECT_EQ(get(port(), "/api/v1/units/search?q=" + std::string(300, 'a')).status, 400);
  EXPECT_EQ(get(port(), "/api/v1/units/search?q=%ZZ").status, 400);
  EXPECT_EQ(get(port(), "/api/v1/units/search?q=a%00b").status, 400);
  auto bad_utf8 = get(port(), "/api/v1/units/search?q=%C3%28");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_EQ(error_code(bad_utf8), "bad_query");
}

TEST_P(ServerTest, StaffEndpointsRefuseAnonymousCallers) {
  auto r = request(port(), "POST", "/api/v1/units", R"({"parent":"21220","name":"Thôn Mới","kind":"village"})");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(error_code(r), "unauthorized");
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/units/21220-001", R"({"name":"X"})").status, 401);
}

TEST_P(ServerTest, CreatesAVillageInScope) {
  auto r = request(port(), "POST", "/api/v1/units", R"({"parent":"21220","name":"Thôn Mới","kind":"village"})", commune_admin());
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string code(r.json().at("code").as_string());
  EXPECT_TRUE(code.starts_with("21220-")) << code;
  EXPECT_EQ(r.json().at("ancestors").as_array().size(), 2u);
  // Outside the caller's area: 404, as if it did not exist.
  auto outside = request(port(), "POST", "/api/v1/units", R"({"parent":"09574","name":"Tổ 9","kind":"village"})", commune_admin());
  EXPECT_EQ(outside.status, 404);
  auto patch = request(port(), "PATCH", "/api/v1/units/" + code, R"({"name":"Thôn Mới Đổi Tên"})", commune_admin());
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(patch.json().at("full_name").as_string(), "Thôn Mới Đổi Tên");
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/units/09574-001", R"({"name":"X"})", commune_admin()).status, 404);
}

TEST_P(ServerTest, BadBodiesGetClearVietnameseErrors) {
  struct Case {
    std::string body;
    int status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"{not json", 400, "malformed_json", ""},
      {"", 400, "malformed_json", ""},
      {"[1,2]", 400, "malformed_json", ""},
      {R"({"parent":"21220","name":"Thôn","kind":"village","colour":"red"})", 400, "unknown_field", "colour"},
      {R"({"parent":21220,"name":"Thôn","kind":"village"})", 400, "validation_failed", "parent"},
      {R"({"parent":"21220","name":["Thôn"],"kind":"village"})", 400, "validation_failed", "name"},
      {R"({"parent":"21220","kind":"village"})", 400, "validation_failed", "name"},
      {R"({"parent":"21220","name":"   ","kind":"village"})", 400, "validation_failed", "name"},
      {R"({"parent":"21220","name":")" + std::string(300, 'a') + R"(","kind":"village"})", 400, "validation_failed", "name"},
      {"{\"parent\":\"21220\",\"name\":\"Th\xC3\x28n\",\"kind\":\"village\"}", 400, "invalid_utf8", ""},
      {R"({"parent":"21220","name":"Thôn","kind":"castle"})", 400, "validation_failed", "kind"},
      {R"({"parent":"21220","name":"Thôn","kind":"village","code":"bad code!"})", 400, "validation_failed", "code"},
      {R"({"parent":"21220","name":"Thôn","kind":"village","code":"21223"})", 400, "validation_failed", "code"},
      {std::string(100, '[') + std::string(100, ']'), 400, "malformed_json", ""},
  };
  for (const auto& c : cases) {
    auto r = request(port(), "POST", "/api/v1/units", c.body, admin());
    EXPECT_EQ(r.status, c.status) << c.body.substr(0, 80) << " → " << r.body;
    if (r.status >= 400 && r.status < 500) {
      EXPECT_EQ(error_code(r), c.code) << c.body.substr(0, 80);
      if (!c.field.empty()) EXPECT_EQ(r.json().at("error").at("field").as_string(), c.field);
      EXPECT_FALSE(error_message(r).empty());
    }
  }
  // None of them created anything.
  EXPECT_EQ(get(port(), "/api/v1/units?parent=21220").json().at("items").as_array().size(), 7u);
}

TEST_P(ServerTest, OversizedBodyIs413) {
  const std::string big = R"({"name":")" + std::string(2 << 20, 'a') + R"("})";
  auto r = request(port(), "POST", "/api/v1/units", big, admin());
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(error_code(r), "payload_too_large");
  // Chunked without a declared length: the limit holds while reading.
  std::string chunked = "POST /api/v1/units HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + s_->national_admin() +
                        "\r\nContent-Type: application/json\r\n"
                        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  for (int i = 0; i < 40; ++i) chunked += "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(send_raw(port(), chunked).status, 413);
  EXPECT_EQ(get(port(), "/healthz").status, 200);
}

TEST_P(ServerTest, PathsCannotEscapeOrConfuseRouting) {
  for (const std::string target : {"/api/v1/units/..%2f..%2fetc", "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                                   "/assets/%2e%2e/%2e%2e/secret.txt", "/a%5c..%5csecret.txt", "/index.html%00.js", "/%C0%AF"}) {
    auto r = get(port(), target);
    EXPECT_EQ(r.status, 400) << target << " → " << r.body;
    EXPECT_EQ(r.body.find("outside the web root"), std::string::npos);
    EXPECT_EQ(error_code(r), "bad_path") << target;
  }
  auto unknown = get(port(), "/api/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(error_code(unknown), "not_found");
  auto method = request(port(), "DELETE", "/api/v1/units");
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(error_code(method), "method_not_allowed");
}

TEST_P(ServerTest, MalformedHttpGetsA4xxAndTheServerCarriesOn) {
  auto garbage = send_raw(port(), "HELLO\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
  auto huge_header = send_raw(port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(huge_header.status, 431);
  auto bad_length = send_raw(port(), "POST /api/v1/units HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
  EXPECT_EQ(bad_length.status, 400);
  EXPECT_EQ(get(port(), "/healthz").status, 200);
}

TEST_P(ServerTest, SlowHeadersAreCutOffWithoutBlockingOthers) {
  // A client sending its headers one byte a second (slowloris) is dropped at the header timeout.
  const int fd = connect_to(port());
  const std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  for (std::size_t i = 0; i < req.size() && !closed; ++i) {
    if (::send(fd, &req[i], 1, MSG_NOSIGNAL) <= 0) break;
    EXPECT_EQ(get(port(), "/healthz").status, 200);  // others are served meanwhile
    closed = closed_within(fd, std::chrono::milliseconds(1000));
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ::close(fd);
  EXPECT_TRUE(closed);
  EXPECT_LT(elapsed, std::chrono::seconds(5));  // header timeout in this fixture: 1.5 s
}

TEST_P(ServerTest, IdempotencyKeyReplaysTheFirstAnswer) {
  auto headers = admin();
  headers["Idempotency-Key"] = "retry-7f3a";
  const std::string body = R"({"parent":"21220","name":"Thôn Gửi Lại","kind":"village"})";
  auto first = request(port(), "POST", "/api/v1/units", body, headers);
  ASSERT_EQ(first.status, 201) << first.body;
  auto second = request(port(), "POST", "/api/v1/units", body, headers);
  EXPECT_EQ(second.status, 201);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.header("idempotent-replayed"), "true");
  int count = 0;
  const auto list = get(port(), "/api/v1/units?parent=21220").json();
  for (const auto& v : list.at("items").as_array()) {
    count += v.at("full_name").as_string() == "Thôn Gửi Lại";
  }
  EXPECT_EQ(count, 1);
  // The same key for a different request is refused; another caller's key space is separate.
  auto other_body = request(port(), "POST", "/api/v1/units", R"({"parent":"21220","name":"Khác","kind":"village"})", headers);
  EXPECT_EQ(other_body.status, 422);
  // A key that is not printable ASCII is refused before anything is stored.
  headers["Idempotency-Key"] =
      "kh\xC3\xB3"
      "a";
  auto bad_key = request(port(), "POST", "/api/v1/units", body, headers);
  EXPECT_EQ(bad_key.status, 400);
  EXPECT_EQ(bad_key.json().at("error").at("field").as_string(), "Idempotency-Key");
  // An error answer is replayed too (nothing was created the first time either).
  headers["Idempotency-Key"] = "bad-1";
  EXPECT_EQ(request(port(), "POST", "/api/v1/units", "{oops", headers).status, 400);
  EXPECT_EQ(request(port(), "POST", "/api/v1/units", "{oops", headers).status, 400);
}

// An instance killed while holding a key (issue 16): the key says whether the request wrote, in
// the same transaction as the write, so a retry on another instance neither loses nor repeats it.
TEST_P(ServerTest, AKeyLeftByADeadInstanceIsRunAgainOnlyWhenNothingWasWritten) {
  auto headers = admin();
  auto& db = s_->database().db();
  auto row = [&](const std::string& key) {
    return db.read_value(
        [&](db::Connection& c) { return c.query("SELECT caller, status, acted FROM idempotency_keys WHERE key = $1", key); });
  };
  auto villages = [&](const std::string& name) {
    int n = 0;
    const auto list = get(port(), "/api/v1/units?parent=21220").json();
    for (const auto& v : list.at("items").as_array()) n += v.at("full_name").as_string() == name;
    return n;
  };
  // A request that writes marks its key in its own transaction; one refused before writing does not.
  headers["Idempotency-Key"] = "wrote-1";
  const std::string wrote = R"({"parent":"21220","name":"Thôn Đã Ghi","kind":"village"})";
  ASSERT_EQ(request(port(), "POST", "/api/v1/units", wrote, headers).status, 201);
  EXPECT_EQ(row("wrote-1").rows.at(0).integer(2), 1);
  headers["Idempotency-Key"] = "refused-1";
  ASSERT_EQ(request(port(), "POST", "/api/v1/units", "{oops", headers).status, 400);
  EXPECT_EQ(row("refused-1").rows.at(0).integer(2), 0);

  // It wrote, then its instance died before the answer was stored: a retry must not write again.
  db.write([](db::Connection& c) {
    c.query("UPDATE idempotency_keys SET status = NULL, content_type = NULL, body = NULL WHERE key = 'wrote-1'");
  });
  headers["Idempotency-Key"] = "wrote-1";
  auto unanswered = request(port(), "POST", "/api/v1/units", wrote, headers);
  EXPECT_EQ(unanswered.status, 409) << unanswered.body;
  EXPECT_EQ(unanswered.json().at("error").at("code"), "idempotency_unanswered");
  EXPECT_EQ(villages("Thôn Đã Ghi"), 1);

  // It died before writing anything: while the claim is recent it may still be running (409);
  // once it is old, the retry runs and writes once.
  const std::string caller = row("wrote-1").rows.at(0).text(0);
  const std::string body = R"({"parent":"21220","name":"Thôn Chưa Ghi","kind":"village"})";
  const auto keys = app::load_keyring(s_->config());
  const std::string fingerprint = keys.keyed_hash("POST /api/v1/units\n" + body, "idempotency");
  auto claim_at = [&](std::chrono::system_clock::time_point at) {
    db.write([&](db::Connection& c) {
      c.query("DELETE FROM idempotency_keys WHERE key = 'died-1'");
      c.query("INSERT INTO idempotency_keys (caller, key, fingerprint, created_at) VALUES ($1, 'died-1', $2, $3)", caller, fingerprint,
              timeutil::to_rfc3339(at));
    });
  };
  headers["Idempotency-Key"] = "died-1";
  claim_at(std::chrono::system_clock::now() - std::chrono::seconds(30));
  auto running = request(port(), "POST", "/api/v1/units", body, headers);
  EXPECT_EQ(running.status, 409) << running.body;
  EXPECT_EQ(running.json().at("error").at("code"), "conflict");
  claim_at(std::chrono::system_clock::now() - std::chrono::minutes(10));
  auto taken_over = request(port(), "POST", "/api/v1/units", body, headers);
  EXPECT_EQ(taken_over.status, 201) << taken_over.body;
  auto replayed = request(port(), "POST", "/api/v1/units", body, headers);
  EXPECT_EQ(replayed.header("idempotent-replayed"), "true");
  EXPECT_EQ(villages("Thôn Chưa Ghi"), 1);
}

TEST_P(ServerTest, ServesTheWebAppWithCachingAndCompression) {
  auto index = get(port(), "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("ANTQ"), std::string::npos);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  const std::string etag = index.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(request(port(), "GET", "/", "", {{"If-None-Match", etag}}).status, 304);
  // Client-side routes get the app; missing assets do not.
  EXPECT_EQ(get(port(), "/units/21220").body, index.body);
  EXPECT_EQ(get(port(), "/assets/missing-123.js").status, 404);
  auto js = request(port(), "GET", "/assets/app-1a2b3c.js", "", {{"Accept-Encoding", "gzip, deflate"}});
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.header("content-encoding"), "gzip");
  EXPECT_EQ(js.body, "GZIP-BYTES");
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js.header("cache-control").find("immutable"), std::string::npos);
  auto plain = get(port(), "/assets/app-1a2b3c.js");
  EXPECT_EQ(plain.body.size(), 4000u);
  EXPECT_TRUE(plain.header("content-encoding").empty());
  EXPECT_NE(index.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(index.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(index.header("referrer-policy"), "no-referrer");
}

TEST_P(ServerTest, ACitizenPageGetsItsPrerenderedHtmlAndEveryOtherAddressTheApp) {
  const auto put = [](const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  };
  put(s_->web_root() / "pages" / "gui-tin-bao.html", "<p class=p-lead>Gửi tin báo</p>");
  put(s_->web_root() / "pages" / "dang-ky-tin" / "huy.html", "<p>Huỷ đăng ký</p>");
  const auto app = get(port(), "/lam-viec");
  ASSERT_EQ(app.status, 200);
  for (const std::string path : {"/gui-tin-bao", "/gui-tin-bao/"}) {
    auto page = get(port(), path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.body, "<p class=p-lead>Gửi tin báo</p>") << path;
    EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(page.header("cache-control"), "no-cache");
    EXPECT_NE(page.header("content-security-policy").find("script-src 'self'"), std::string::npos);
  }
  EXPECT_EQ(get(port(), "/dang-ky-tin/huy").body, "<p>Huỷ đăng ký</p>");
  // no page of its own: the app (the home page has none in this web root)
  EXPECT_EQ(get(port(), "/tra-cuu-tin-bao").body, app.body);
  EXPECT_EQ(get(port(), "/").body, app.body);
  // the pages' folder is not a way to other files
  EXPECT_EQ(get(port(), "/pages/gui-tin-bao").body, app.body);
  put(s_->web_root() / "pages" / "index.html", "<p>Trang chủ</p>");
  EXPECT_EQ(get(port(), "/").body, "<p>Trang chủ</p>");
  EXPECT_EQ(get(port(), "/lam-viec").body, app.body);
}

TEST_P(ServerTest, MetricsCountRequestsByRoute) {
  get(port(), "/api/v1/units/21220");
  get(port(), "/api/v1/units/nope");
  auto m = get(port(), "/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.body.find(R"(antq_http_requests_total{route="/api/v1/units/{code}",method="GET",status="200"} 1)"), std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find(R"(antq_http_requests_total{route="/api/v1/units/{code}",method="GET",status="404"} 1)"), std::string::npos);
  EXPECT_NE(m.body.find("antq_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m.body.find("antq_db_connections_open"), std::string::npos);
  // Made-up methods are counted together: a client cannot grow the series without bound.
  send_raw(port(), "FOOA /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  send_raw(port(), "FOOB /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto after = get(port(), "/metrics").body;
  EXPECT_EQ(after.find("FOOA"), std::string::npos);
  EXPECT_NE(after.find(R"(method="OTHER")"), std::string::npos);
}

TEST_P(ServerTest, WritesFromAnotherProcessAreVisibleAtOnce) {
  // `antq` CLI commands open their own connection while the server runs.
  auto other = s_->database().open_again();
  const auto keys = app::load_keyring(s_->config());
  audit::AuditLog log(keys);
  units::UnitsService svc(*other, log);
  http::Principal cli{"cli", "cli", "admin", "", ""};
  cli.permissions = {"units.write"};
  svc.create(cli, {"21211", "Thôn Từ CLI", "village", std::nullopt, std::nullopt});
  auto r = get(port(), "/api/v1/units?parent=21211");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(r.json().at("items").as_array()[0].at("full_name").as_string(), "Thôn Từ CLI");
}

TEST_P(ServerTest, StopClosesIdleKeepAliveConnectionsPromptly) {
  const int fd = connect_to(port());
  const std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_GT(::send(fd, req.data(), req.size(), MSG_NOSIGNAL), 0);
  char buf[2048];
  ASSERT_GT(::recv(fd, buf, sizeof buf, 0), 0);  // answered, connection kept alive and idle
  const auto start = std::chrono::steady_clock::now();
  s_->app().stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_TRUE(closed_within(fd, std::chrono::milliseconds(1000)));
  ::close(fd);
}

TEST_P(ServerTest, OpenApiDocumentMatchesTheRoutes) {
  auto r = get(port(), "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto doc = r.json().as_object();
  EXPECT_EQ(doc.at("openapi").as_string().subview().substr(0, 2), "3.");
  std::set<std::string> documented;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      if (method == "parameters") continue;
      std::string m(method);
      for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert(m + " " + std::string(path));
      EXPECT_TRUE(op.as_object().contains("summary")) << m << " " << path;
    }
  }
  std::set<std::string> routed;
  for (const auto& route : s_->app().route_list()) routed.insert(route);
  EXPECT_EQ(documented, routed);
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerTest, ::testing::ValuesIn(antq::test::engines()));

// The acceptance check of the pre-reform list: loaded from the file shipped in data/units/.
class ThreeTierTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ThreeTierTest, SonTinhDistrictIsFoundUnderQuangNgai) {
  ServerOptionsForTest o;
  o.units_csv = read_source_file("data/units/vn_admin_3tier_2025-03-01.csv");
  ASSERT_GT(o.units_csv.size(), 100000u);
  o.units_label = "vn-3tier";
  o.seed_demo = false;
  ServerFixture s(GetParam(), o);
  auto found = get(s.port(), "/api/v1/units/search?q=son%20tinh");
  ASSERT_EQ(found.status, 200);
  bool has_527 = false;
  const auto found_json = found.json();
  for (const auto& item : found_json.at("items").as_array()) has_527 = has_527 || item.at("code").as_string() == "527";
  EXPECT_TRUE(has_527) << found.body;
  auto d = get(s.port(), "/api/v1/units/527");
  ASSERT_EQ(d.status, 200);
  EXPECT_EQ(d.json().at("full_name").as_string(), "Huyện Sơn Tịnh");
  auto anc = d.json().at("ancestors").as_array();
  ASSERT_EQ(anc.size(), 1u);
  EXPECT_EQ(anc[0].at("code").as_string(), "51");
  EXPECT_EQ(get(s.port(), "/api/v1/units").json().at("items").as_array().size(), 63u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ThreeTierTest, ::testing::ValuesIn(antq::test::engines()));
