// Accounts, sessions, CSRF, tokens, roles and scope, end to end on each engine.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "modules/accounts/authentication.hpp"
#include "modules/accounts/passwords.hpp"
#include "modules/accounts/totp.hpp"
#include "modules/accounts/user_admin.hpp"

#include <sodium.h>

#include <cstring>

using namespace antq;
using namespace antq::test;

namespace {

struct Session {
  std::string cookie;  // "antq_session=…"
  std::string csrf;
};

std::string login_body(const std::string& user, const std::string& pass, const std::string& totp = "") {
  boost::json::object o{{"username", user}, {"password", pass}};
  if (!totp.empty()) o["totp"] = totp;
  return boost::json::serialize(o);
}

std::string code_of(const HttpReply& r) { return std::string(r.json().at("error").at("code").as_string()); }

}  // namespace

class AccountsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void start(ServerOptionsForTest o = {}) { s_ = std::make_unique<ServerFixture>(GetParam(), o); }
  void SetUp() override { start(); }
  std::uint16_t port() const { return s_->port(); }

  HttpReply login(const std::string& user, const std::string& pass, const std::string& totp = "") {
    return request(port(), "POST", "/api/v1/auth/login", login_body(user, pass, totp));
  }
  Session login_ok(const std::string& user, const std::string& pass = ServerFixture::kPassword) {
    auto r = login(user, pass);
    EXPECT_EQ(r.status, 200) << r.body;
    const std::string set = r.header("set-cookie");
    return {set.substr(0, set.find(';')), std::string(r.json().at("csrf_token").as_string())};
  }
  HttpReply as(const Session& s, const std::string& method, const std::string& target, const std::string& body = "",
               bool with_csrf = true) {
    std::map<std::string, std::string> h{{"Cookie", s.cookie}};
    if (with_csrf) h["X-CSRF-Token"] = s.csrf;
    return request(port(), method, target, body, h);
  }
  void sql(const std::string& statement) {
    s_->database().db().write([&](db::Connection& c) { c.execute_script(statement); });
  }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(AccountsTest, LoginSetsASafeCookieAndMeAnswers) {
  s_->add_user("canbo.a", "front_officer", std::string("21220"));
  auto r = login("canbo.a", ServerFixture::kPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("antq_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  auto user = r.json().at("user").as_object();
  EXPECT_EQ(user.at("role").as_string(), "front_officer");
  EXPECT_EQ(user.at("unit").at("code").as_string(), "21220");
  EXPECT_FALSE(user.contains("password_hash"));
  const Session s{cookie.substr(0, cookie.find(';')), std::string(r.json().at("csrf_token").as_string())};
  auto me = as(s, "GET", "/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json().at("user").at("username").as_string(), "canbo.a");
  EXPECT_EQ(me.json().at("csrf_token").as_string(), s.csrf);
  // Logout ends the session on the server, not only in the browser.
  EXPECT_EQ(as(s, "POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(as(s, "GET", "/api/v1/auth/me").status, 401);
}

TEST_P(AccountsTest, WrongPasswordAndUnknownUserLookAlike) {
  s_->add_user("canbo.b", "front_officer", std::string("21220"));
  // Median of three of each, interleaved, so a busy neighbour on the machine affects both alike.
  std::vector<double> wrong_t, unknown_t;
  HttpReply wrong, unknown;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    wrong = login("canbo.b", "not-the-password-" + std::to_string(i));
    const auto t1 = std::chrono::steady_clock::now();
    unknown = login("khong.ton.tai" + std::to_string(i), "not-the-password-1");
    const auto t2 = std::chrono::steady_clock::now();
    wrong_t.push_back(std::chrono::duration<double>(t1 - t0).count());
    unknown_t.push_back(std::chrono::duration<double>(t2 - t1).count());
  }
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(code_of(wrong), code_of(unknown));
  EXPECT_EQ(wrong.json().at("error").at("message"), unknown.json().at("error").at("message"));
  // Both spend an Argon2id verification (tens of milliseconds): neither answers noticeably faster.
  std::sort(wrong_t.begin(), wrong_t.end());
  std::sort(unknown_t.begin(), unknown_t.end());
  const double a = wrong_t[1], b = unknown_t[1];
  EXPECT_GT(b, a * 0.33) << a << " vs " << b;
  EXPECT_GT(a, b * 0.33) << a << " vs " << b;
}

TEST_P(AccountsTest, FiveFailuresLockTheAccountUntilItExpires) {
  s_->add_user("canbo.c", "village_officer", std::string("21220-001"));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login("canbo.c", "wrong-password-99").status, 401);
  auto locked = login("canbo.c", ServerFixture::kPassword);  // even the right password
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(code_of(locked), "account_locked");
  EXPECT_EQ(locked.header("retry-after"), "900");
  EXPECT_NE(locked.json().at("error").at("message").as_string().find("15 phút"), std::string::npos);
  // Fifteen minutes later (moved back in the database rather than waited for).
  sql("UPDATE login_failures SET locked_until = '2000-01-01T00:00:00.000Z' WHERE username LIKE 'canbo.c|%'");
  EXPECT_EQ(login("canbo.c", ServerFixture::kPassword).status, 200);
}

TEST_P(AccountsTest, EachClientAddressIsRateLimited) {
  s_.reset();
  ServerOptionsForTest o;
  o.login_attempts_per_minute = 3;
  start(o);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(login("ai.do." + std::to_string(i), "wrong-password-99").status, 401);
  auto r = login("ai.do.4", "wrong-password-99");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(code_of(r), "rate_limited");
  EXPECT_FALSE(r.header("retry-after").empty());
}

TEST_P(AccountsTest, SessionsExpireWhenIdleAndAfterTheirLifetime) {
  s_->add_user("canbo.d", "steering", std::nullopt);
  auto idle = login_ok("canbo.d");
  sql("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'");
  EXPECT_EQ(as(idle, "GET", "/api/v1/auth/me").status, 401);
  auto old = login_ok("canbo.d");
  sql("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'");
  EXPECT_EQ(as(old, "GET", "/api/v1/auth/me").status, 401);
}

TEST_P(AccountsTest, CookieSessionsNeedTheCsrfTokenAndTheSameOrigin) {
  auto s = login_ok("quantri");
  const std::string body = R"({"parent":"21220","name":"Thôn CSRF","kind":"village"})";
  auto missing = as(s, "POST", "/api/v1/units", body, false);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(code_of(missing), "csrf_failed");
  auto wrong = request(port(), "POST", "/api/v1/units", body, {{"Cookie", s.cookie}, {"X-CSRF-Token", "nope"}});
  EXPECT_EQ(wrong.status, 403);
  auto cross =
      request(port(), "POST", "/api/v1/units", body, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Origin", "https://evil.example"}});
  EXPECT_EQ(cross.status, 403);
  auto site =
      request(port(), "POST", "/api/v1/units", body, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(site.status, 403);
  EXPECT_EQ(as(s, "POST", "/api/v1/units", body).status, 201);
  // A login form posted from another site is refused too.
  auto login_cross =
      request(port(), "POST", "/api/v1/auth/login", login_body("quantri", ServerFixture::kPassword), {{"Origin", "https://evil.example"}});
  EXPECT_EQ(login_cross.status, 403);
}

TEST_P(AccountsTest, BearerTokensWorkWithoutCsrfUntilRevoked) {
  const std::string token = s_->add_user("tich.hop", "admin", std::string("21220"));
  const std::string body = R"({"parent":"21220","name":"Thôn Token","kind":"village"})";
  EXPECT_EQ(request(port(), "POST", "/api/v1/units", body, bearer(token)).status, 201);
  EXPECT_EQ(request(port(), "GET", "/api/v1/auth/me", "", bearer("antq_not-a-real-token")).status, 401);
  const auto keys = app::load_keyring(s_->config());
  audit::AuditLog log(keys);
  accounts::Authentication svc(s_->database().db(), keys, log, app::accounts_config(s_->config()));
  accounts::UserAdmin users(s_->database().db(), log);
  svc.revoke_token(token);
  EXPECT_EQ(request(port(), "GET", "/api/v1/auth/me", "", bearer(token)).status, 401);
  // A disabled account's tokens stop at once too.
  const std::string other = s_->add_user("tich.hop2", "steering", std::nullopt);
  EXPECT_EQ(request(port(), "GET", "/api/v1/auth/me", "", bearer(other)).status, 200);
  users.disable_user("tich.hop2");
  EXPECT_EQ(request(port(), "GET", "/api/v1/auth/me", "", bearer(other)).status, 401);
}

TEST_P(AccountsTest, PasswordChangeRevokesSessionsAndRefusesWeakPasswords) {
  s_->add_user("canbo.e", "front_officer", std::string("21220"));
  auto s = login_ok("canbo.e");
  auto other = login_ok("canbo.e");
  auto weak = as(s, "POST", "/api/v1/auth/password",
                 R"({"current_password":")" + std::string(ServerFixture::kPassword) + R"(","new_password":"matkhau123"})");
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.json().at("error").at("field").as_string(), "new_password");
  auto common = as(s, "POST", "/api/v1/auth/password",
                   R"({"current_password":")" + std::string(ServerFixture::kPassword) + R"(","new_password":"1234567890"})");
  EXPECT_EQ(common.status, 400);
  auto bad_current =
      as(s, "POST", "/api/v1/auth/password", R"({"current_password":"wrong-one-123","new_password":"Một mật khẩu mới dài"})");
  EXPECT_EQ(bad_current.status, 401);
  auto ok = as(s, "POST", "/api/v1/auth/password",
               R"({"current_password":")" + std::string(ServerFixture::kPassword) + R"(","new_password":"Một mật khẩu mới dài"})");
  EXPECT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(as(s, "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(as(other, "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(login("canbo.e", "Một mật khẩu mới dài").status, 200);
}

TEST_P(AccountsTest, TotpIsAskedForAndCodesAreNotReplayable) {
  s_->add_user("canbo.f", "police_officer", std::string("21220"));
  auto s = login_ok("canbo.f");
  auto setup = as(s, "POST", "/api/v1/auth/totp/setup");
  ASSERT_EQ(setup.status, 200) << setup.body;
  const std::string secret(setup.json().at("secret").as_string());
  EXPECT_TRUE(setup.json().at("otpauth_uri").as_string().starts_with("otpauth://totp/ANTQ:canbo.f?secret="));
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_EQ(as(s, "POST", "/api/v1/auth/totp/enable", R"({"code":"000000"})").status, 400);
  ASSERT_EQ(as(s, "POST", "/api/v1/auth/totp/enable", R"({"code":")" + accounts::totp::code_at(secret, now) + "\"}").status, 204);
  auto need = login("canbo.f", ServerFixture::kPassword);
  EXPECT_EQ(need.status, 401);
  EXPECT_EQ(code_of(need), "totp_required");
  // The code used to enable cannot log in again (replay); the next step's code can.
  EXPECT_EQ(code_of(login("canbo.f", ServerFixture::kPassword, accounts::totp::code_at(secret, now))), "invalid_totp");
  auto ok = login("canbo.f", ServerFixture::kPassword, accounts::totp::code_at(secret, now + 30));
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.json().at("user").at("totp_enabled").as_bool());
}

TEST_P(AccountsTest, AdminsMustEnrolTotpWhenConfigured) {
  s_.reset();
  ServerOptionsForTest o;
  o.require_totp_for_admins = true;
  start(o);
  auto s = login_ok("quantri");
  auto blocked = as(s, "GET", "/api/v1/users");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(code_of(blocked), "totp_setup_required");
  EXPECT_EQ(as(s, "GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(as(s, "POST", "/api/v1/auth/totp/setup").status, 200);
}

TEST_P(AccountsTest, RolePermissionMatrix) {
  // Every role, at Xã Sơn Tịnh, against every staff endpoint of this capability.
  struct Expect {
    std::string role;
    int create_unit, list_users, read_audit, verify_audit, roles, me;
  };
  const std::vector<Expect> matrix = {
      {"admin", 201, 200, 200, 403, 200, 200},  // verifying the whole chain: national admins only
      {"steering", 403, 403, 403, 403, 200, 200},       {"front_officer", 403, 403, 403, 403, 200, 200},
      {"police_officer", 403, 403, 403, 403, 200, 200}, {"village_officer", 403, 403, 403, 403, 200, 200},
  };
  for (const auto& e : matrix) {
    const auto h =
        bearer(s_->add_user("role." + std::string(e.role == "admin" ? "adm" : e.role.substr(0, 6)) + ".x", e.role, std::string("21220")));
    EXPECT_EQ(request(port(), "POST", "/api/v1/units", R"({"parent":"21220","name":"Thôn )" + e.role + R"(","kind":"village"})", h).status,
              e.create_unit)
        << e.role;
    EXPECT_EQ(request(port(), "PATCH", "/api/v1/units/21220-001", R"({"name":"Thôn Trường Thọ"})", h).status,
              e.create_unit == 201 ? 200 : 403)
        << e.role;
    EXPECT_EQ(request(port(), "GET", "/api/v1/users", "", h).status, e.list_users) << e.role;
    EXPECT_EQ(
        request(port(), "POST", "/api/v1/users",
                R"({"username":"new.one.)" + e.role.substr(0, 3) + R"(","password":"Mot-mat-khau-dai-9","role":"steering","unit":"21220"})",
                h)
            .status,
        e.list_users == 200 ? 201 : 403)
        << e.role;
    EXPECT_EQ(request(port(), "GET", "/api/v1/audit", "", h).status, e.read_audit) << e.role;
    EXPECT_EQ(request(port(), "GET", "/api/v1/audit/verify", "", h).status, e.verify_audit) << e.role;
    EXPECT_EQ(request(port(), "GET", "/api/v1/roles", "", h).status, e.roles) << e.role;
    EXPECT_EQ(request(port(), "GET", "/api/v1/auth/me", "", h).status, e.me) << e.role;
  }
  // Anonymous: 401 everywhere staff.
  for (const auto& [m, t] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/v1/users"}, {"GET", "/api/v1/audit"}, {"GET", "/api/v1/roles"}, {"GET", "/api/v1/auth/me"}}) {
    EXPECT_EQ(request(port(), m, t).status, 401) << t;
  }
}

TEST_P(AccountsTest, AnAdminSeesOnlyTheirArea) {
  const auto commune = bearer(s_->commune_admin());  // admin of Xã Sơn Tịnh (21220)
  s_->add_user("canbo.sontay", "front_officer", std::string("09574"));
  s_->add_user("canbo.thon", "village_officer", std::string("21220-002"));
  auto list = request(port(), "GET", "/api/v1/users?per_page=100", "", commune);
  ASSERT_EQ(list.status, 200);
  std::set<std::string> names;
  const auto list_json = list.json();
  for (const auto& u : list_json.at("items").as_array()) names.insert(std::string(u.at("username").as_string()));
  EXPECT_TRUE(names.count("canbo.thon"));
  EXPECT_TRUE(names.count("admin.sontinh"));
  EXPECT_FALSE(names.count("canbo.sontay"));
  EXPECT_FALSE(names.count("quantri"));  // national accounts are not in a commune's area
  EXPECT_EQ(request(port(), "GET", "/api/v1/users/canbo.sontay", "", commune).status, 404);
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/users/canbo.sontay", R"({"disabled":true})", commune).status, 404);
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/units/09574-001", R"({"name":"X"})", commune).status, 404);
  // Creating an account outside the area, or a national one, is refused.
  EXPECT_EQ(request(port(), "POST", "/api/v1/users",
                    R"({"username":"ngoai.vung","password":"Mot-mat-khau-dai-9","role":"steering","unit":"09574"})", commune)
                .status,
            404);
  EXPECT_EQ(request(port(), "POST", "/api/v1/users", R"({"username":"ca.nuoc","password":"Mot-mat-khau-dai-9","role":"steering"})", commune)
                .status,
            400);
  // The audit list holds only the area's entries.
  request(port(), "POST", "/api/v1/units", R"({"parent":"09574","name":"Tổ 9","kind":"village"})", bearer(s_->national_admin()));
  auto audit = request(port(), "GET", "/api/v1/audit?per_page=500", "", commune);
  ASSERT_EQ(audit.status, 200);
  const auto audit_json = audit.json();
  for (const auto& e : audit_json.at("items").as_array()) {
    const std::string unit(e.at("unit_code").as_string());
    EXPECT_TRUE(unit.starts_with("21220")) << unit << " " << e.at("action").as_string();
  }
}

TEST_P(AccountsTest, UserAdministrationValidatesAndAudits) {
  const auto admin = bearer(s_->national_admin());
  struct Case {
    std::string body;
    std::string field;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"username":"AB","password":"Mot-mat-khau-dai-9","role":"steering"})", "username"},
           {R"({"username":"ok.name","password":"short","role":"steering"})", "password"},
           {R"({"username":"ok.name","password":"Mot-mat-khau-dai-9","role":"king"})", "role"},
           {R"({"username":"ok.name","role":"steering"})", "password"},
           {R"({"username":"ok.name","password":"Mot-mat-khau-dai-9","role":"steering","extra":1})", "extra"},
       }) {
    auto r = request(port(), "POST", "/api/v1/users", c.body, admin);
    EXPECT_EQ(r.status, 400) << c.body << " " << r.body;
    EXPECT_EQ(r.json().at("error").at("field").as_string(), c.field) << c.body;
  }
  auto created =
      request(port(), "POST", "/api/v1/users",
              R"({"username":"ok.name","password":"Mot-mat-khau-dai-9","role":"steering","unit":"51","display_name":"Trần Thị B"})", admin);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(request(port(), "POST", "/api/v1/users",
                    R"({"username":"ok.name","password":"Mot-mat-khau-dai-9","role":"steering","unit":"51"})", admin)
                .status,
            409);
  auto session = login_ok("ok.name", "Mot-mat-khau-dai-9");
  auto disabled = request(port(), "PATCH", "/api/v1/users/ok.name", R"({"disabled":true})", admin);
  ASSERT_EQ(disabled.status, 200);
  EXPECT_TRUE(disabled.json().at("disabled").as_bool());
  EXPECT_EQ(as(session, "GET", "/api/v1/auth/me").status, 401);  // sessions end with the account
  EXPECT_EQ(login("ok.name", "Mot-mat-khau-dai-9").status, 401);
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/users/quantri", R"({"disabled":true})", admin).status, 422);
  auto audit = request(port(), "GET", "/api/v1/audit?entity=user&entity_id=ok.name", "", admin);
  std::set<std::string> actions;
  const auto audit_json = audit.json();
  for (const auto& e : audit_json.at("items").as_array()) actions.insert(std::string(e.at("action").as_string()));
  EXPECT_TRUE(actions.count("user.create"));
  EXPECT_TRUE(actions.count("user.update"));
  EXPECT_TRUE(actions.count("login"));
}

TEST_P(AccountsTest, OlderHashesAreUpgradedAtLogin) {
  s_->add_user("canbo.g", "steering", std::nullopt);
  // A hash made with weaker (older) parameters, as after a change of policy.
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str(weak, ServerFixture::kPassword, std::strlen(ServerFixture::kPassword), crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN),
            0);
  sql(std::string("UPDATE users SET password_hash = '") + weak + "' WHERE username = 'canbo.g'");
  ASSERT_EQ(login("canbo.g", ServerFixture::kPassword).status, 200);
  const auto stored = s_->database().db().read_value(
      [](db::Connection& c) { return c.query("SELECT password_hash FROM users WHERE username = 'canbo.g'").rows[0].text(0); });
  EXPECT_NE(stored, weak);
  EXPECT_FALSE(accounts::needs_rehash(stored));
  EXPECT_EQ(login("canbo.g", ServerFixture::kPassword).status, 200);
}

TEST_P(AccountsTest, AdminsCannotTakeOverThemselvesOrTheirPeers) {
  const auto commune = bearer(s_->commune_admin());  // admin.sontinh, admin of 21220
  s_->add_user("admin.sontinh2", "admin", std::string("21220"));
  s_->add_user("admin.thon", "admin", std::string("21220-001"));
  s_->add_user("canbo.h", "front_officer", std::string("21220"));
  const std::string pw = R"({"password":"Mot-mat-khau-moi-dai-7"})";
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/users/admin.sontinh", pw, commune).status, 422);   // self: via /auth
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/users/admin.sontinh2", pw, commune).status, 403);  // a peer admin
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/users/admin.thon", pw, commune).status, 200);      // below: yes
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/users/canbo.h", pw, commune).status, 200);         // non-admin, same unit
  // A lost authenticator is reset by an administrator above.
  EXPECT_EQ(request(port(), "PATCH", "/api/v1/users/canbo.h", R"({"totp_reset":true})", commune).status, 200);
}

TEST_P(AccountsTest, UserSearchIgnoresDiacriticsAndRolesNeedAUnit) {
  const auto admin = bearer(s_->national_admin());
  ASSERT_EQ(
      request(
          port(), "POST", "/api/v1/users",
          R"({"username":"ngv.a","password":"Mot-mat-khau-dai-9","role":"front_officer","unit":"21220","display_name":"Nguyễn Văn Ánh"})",
          admin)
          .status,
      201);
  for (const std::string q : {"nguyen", "Nguy%E1%BB%85n", "van%20anh", "ngv"}) {
    auto r = request(port(), "GET", "/api/v1/users?q=" + q, "", admin);
    const auto j = r.json();
    ASSERT_EQ(j.at("total").as_int64(), 1) << q;
    EXPECT_EQ(j.at("items").as_array()[0].at("username").as_string(), "ngv.a");
  }
  auto no_unit =
      request(port(), "POST", "/api/v1/users", R"({"username":"thon.x","password":"Mot-mat-khau-dai-9","role":"village_officer"})", admin);
  EXPECT_EQ(no_unit.status, 400);
  EXPECT_EQ(no_unit.json().at("error").at("field").as_string(), "unit");
  auto bad_unit = request(port(), "POST", "/api/v1/users",
                          R"({"username":"thon.y","password":"Mot-mat-khau-dai-9","role":"village_officer","unit":"nope"})", admin);
  EXPECT_EQ(bad_unit.status, 404);
  EXPECT_EQ(bad_unit.json().at("error").at("field").as_string(), "unit");
}

TEST_P(AccountsTest, CredentialsAreNeverKeptForIdempotentReplay) {
  std::map<std::string, std::string> h{{"Idempotency-Key", "login-1"}};
  auto first = request(port(), "POST", "/api/v1/auth/login", login_body("quantri", ServerFixture::kPassword), h);
  auto second = request(port(), "POST", "/api/v1/auth/login", login_body("quantri", ServerFixture::kPassword), h);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(second.status, 200);
  EXPECT_TRUE(second.header("idempotent-replayed").empty());
  EXPECT_NE(first.header("set-cookie"), second.header("set-cookie"));  // two real logins
  const auto rows =
      s_->database().db().read_value([](db::Connection& c) { return c.query("SELECT COUNT(*) FROM idempotency_keys").rows[0].integer(0); });
  EXPECT_EQ(rows, 0);
}

TEST_P(AccountsTest, ForgedRowsOutsideTheChainAreDetected) {
  login_ok("quantri");
  const auto admin = bearer(s_->national_admin());
  ASSERT_TRUE(request(port(), "GET", "/api/v1/audit/verify", "", admin).json().at("ok").as_bool());
  // A CHECK refuses id <= 0; someone who rebuilt the table without it inserts a forged entry.
  EXPECT_THROW(
      sql("INSERT INTO audit_log (id, at, actor, action, key_id, prev_hash, hash) VALUES (-1, 'x', 'x', 'tip.reveal', 'k', 'p', 'h')"),
      std::exception);
  sql("DROP TRIGGER audit_log_no_delete" + std::string(GetParam() == "sqlite" ? "" : " ON audit_log"));
  sql("DELETE FROM audit_log WHERE id = 2");
  auto bad = request(port(), "GET", "/api/v1/audit/verify", "", admin);
  EXPECT_FALSE(bad.json().at("ok").as_bool());
}

TEST_P(AccountsTest, BadLoginInputGetsA400NotA500) {
  for (const std::string body :
       {std::string("{}"), std::string(R"({"username":"","password":"x"})"), std::string(R"({"username":"admin"})"),
        std::string(R"({"password":"abc"})"), R"({"username":")" + std::string(5000, 'a') + R"(","password":"x"})",
        R"({"username":"admin","password":")" + std::string(5000, 'a') + R"("})",
        std::string("{\"username\":\"ad\xff\",\"password\":\"x\"}"), std::string(R"({"username":1,"password":2})"),
        std::string("not json")}) {
    auto r = request(port(), "POST", "/api/v1/auth/login", body);
    EXPECT_EQ(r.status, 400) << body.substr(0, 60) << " → " << r.body;
    EXPECT_FALSE(r.json().at("error").at("message").as_string().empty());
  }
}

TEST_P(AccountsTest, AuditVerifyDetectsARowEditedBehindTheTriggers) {
  const auto admin = bearer(s_->national_admin());
  login_ok("quantri");
  request(port(), "POST", "/api/v1/units", R"({"parent":"21220","name":"Thôn Kiểm Tra","kind":"village"})", admin);
  auto good = request(port(), "GET", "/api/v1/audit/verify", "", admin);
  ASSERT_EQ(good.status, 200);
  EXPECT_TRUE(good.json().at("ok").as_bool()) << good.body;
  // The triggers refuse edits…
  EXPECT_THROW(sql("UPDATE audit_log SET actor = 'someone-else' WHERE id = 3"), std::exception);
  // …so someone drops them first, and edits a row.
  if (GetParam() == "sqlite") sql("DROP TRIGGER audit_log_no_update");
  else sql("DROP TRIGGER audit_log_no_update ON audit_log");
  sql("UPDATE audit_log SET actor = 'someone-else' WHERE id = 3");
  auto bad = request(port(), "GET", "/api/v1/audit/verify", "", admin);
  EXPECT_FALSE(bad.json().at("ok").as_bool());
  EXPECT_EQ(bad.json().at("first_bad_id").as_string(), "3");
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsTest, ::testing::ValuesIn(antq::test::engines()));
