// Logins from many places, and the first day of an account.
// Issue 12, defect 7: five wrong passwords from anywhere locked any account (admins included) for
// everyone. Now the lock holds per (account, client address); a locked user still gets in with
// their second factor; an administrator can lift it.
// Issue 18, items 5 and 6: a new account needs a unit (nationwide only explicitly, by a national
// admin, also when editing an account); a password an administrator sets is temporary and must be
// changed at first login.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>

#include "integration/server_fixture.hpp"
#include "modules/accounts/totp.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

std::string code_of(const HttpReply& r) { return std::string(r.json().at("error").at("code").as_string()); }
std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

class AccountLockoutTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ServerOptionsForTest o;
    o.trust_forwarded_for = true;  // each request says which address it comes from
    s_ = std::make_unique<ServerFixture>(GetParam(), o);
  }
  std::uint16_t port() const { return s_->port(); }
  HttpReply login(const std::string& from, const std::string& user, const std::string& pass, const std::string& totp = "") {
    bj::object o{{"username", user}, {"password", pass}};
    if (!totp.empty()) o["totp"] = totp;
    return request(port(), "POST", "/api/v1/auth/login", bj::serialize(o),
                   {{"Content-Type", "application/json"}, {"X-Forwarded-For", from}});
  }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(AccountLockoutTest, AStrangersFailuresLockTheStrangerNotTheOfficer) {
  s_->add_user("qt.tinh", "admin", std::string("51"));
  const std::string attacker = "203.0.113.9", office = "198.51.100.20";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login(attacker, "qt.tinh", "doan-mo-" + std::to_string(i)).status, 401);
  auto locked = login(attacker, "qt.tinh", ServerFixture::kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(code_of(locked), "account_locked");
  // The administrator at their own desk is not locked out.
  EXPECT_EQ(login(office, "qt.tinh", ServerFixture::kPassword).status, 200);
  // IPv6: one client owns a /64, so rotating the last 64 bits does not buy more guesses.
  for (int i = 0; i < 5; ++i) login("2001:db8:1:2::" + std::to_string(i + 1), "qt.tinh", "doan-mo-v6");
  EXPECT_EQ(login("2001:db8:1:2:ffff::9", "qt.tinh", ServerFixture::kPassword).status, 429);
  EXPECT_EQ(login("2001:db8:1:3::1", "qt.tinh", ServerFixture::kPassword).status, 200);
}

TEST_P(AccountLockoutTest, ALockedUserGetsInWithTheSecondFactorOrAnAdmin) {
  s_->add_user("ca.totp", "police_officer", std::string("21220"));
  s_->add_user("ca.plain", "police_officer", std::string("21220"));
  const std::string here = "198.51.100.7";
  // ca.totp enables TOTP.
  auto first = login(here, "ca.totp", ServerFixture::kPassword);
  ASSERT_EQ(first.status, 200);
  const std::string set = first.header("set-cookie");
  const std::map<std::string, std::string> session{{"Cookie", set.substr(0, set.find(';'))},
                                                   {"X-CSRF-Token", std::string(first.json().at("csrf_token").as_string())},
                                                   {"X-Forwarded-For", here}};
  auto setup = request(port(), "POST", "/api/v1/auth/totp/setup", "", session);
  ASSERT_EQ(setup.status, 200) << setup.body;
  const std::string secret(setup.json().at("secret").as_string());
  const auto now = unix_now();
  ASSERT_EQ(
      request(port(), "POST", "/api/v1/auth/totp/enable", R"({"code":")" + accounts::totp::code_at(secret, now) + "\"}", session).status,
      204);
  for (int i = 0; i < 5; ++i) login(here, "ca.totp", "sai-mat-khau-" + std::to_string(i), accounts::totp::code_at(secret, now));
  EXPECT_EQ(code_of(login(here, "ca.totp", ServerFixture::kPassword)), "account_locked");
  // While locked, a wrong password with a code and a right password with a wrong code answer alike.
  auto wrong_pass = login(here, "ca.totp", "sai-mat-khau-x", accounts::totp::code_at(secret, now + 30));
  auto wrong_code = login(here, "ca.totp", ServerFixture::kPassword, "000000");
  EXPECT_EQ(wrong_pass.status, 401);
  EXPECT_EQ(wrong_code.status, 401);
  EXPECT_EQ(code_of(wrong_pass), code_of(wrong_code));
  // Password and a fresh code (the next step's: a code is good for one step either side): in.
  EXPECT_EQ(login(here, "ca.totp", ServerFixture::kPassword, accounts::totp::code_at(secret, now + 30)).status, 200);

  // Without a second factor: an administrator of the area lifts the lock (audited).
  for (int i = 0; i < 5; ++i) login(here, "ca.plain", "sai-mat-khau-" + std::to_string(i));
  EXPECT_EQ(code_of(login(here, "ca.plain", ServerFixture::kPassword)), "account_locked");
  // The administrator sees whom to unlock, in the list and the detail.
  auto listed = request(port(), "GET", "/api/v1/users?q=ca.", "", bearer(s_->commune_admin()));
  const auto listed_json = listed.json();
  for (const auto& u : listed_json.at("items").as_array()) {
    EXPECT_EQ(u.at("login_locked"), u.at("username") == "ca.plain") << u;
  }
  EXPECT_EQ(request(port(), "GET", "/api/v1/users/ca.plain", "", bearer(s_->commune_admin())).json().at("login_locked"), true);
  auto unlock = request(port(), "PATCH", "/api/v1/users/ca.plain", R"({"unlock":true})", json_auth(s_->commune_admin()));
  ASSERT_EQ(unlock.status, 200) << unlock.body;
  EXPECT_EQ(unlock.json().at("login_locked"), false);
  EXPECT_EQ(login(here, "ca.plain", ServerFixture::kPassword).status, 200);
  auto audit = request(port(), "GET", "/api/v1/audit?action=user.update&entity_id=ca.plain", "", bearer(s_->national_admin()));
  EXPECT_NE(audit.body.find("unlock"), std::string::npos) << audit.body;
}

TEST_P(AccountLockoutTest, ANewAccountNeedsAUnitAndChangesItsTemporaryPassword) {
  const auto admin = json_auth(s_->national_admin());
  const auto province_admin = s_->add_user("qt.qn", "admin", std::string("51"));
  // No unit, and not explicitly nationwide: refused, naming the field.
  auto none =
      request(port(), "POST", "/api/v1/users", R"({"username":"bcd.moi","password":"Mot-mat-khau-dai-9","role":"steering"})", admin);
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.json().at("error").at("field"), "unit");
  // Nationwide is a national admin's explicit choice.
  EXPECT_EQ(
      request(port(), "POST", "/api/v1/users",
              R"({"username":"bcd.tw","password":"Mot-mat-khau-dai-9","role":"steering","nationwide":true})", json_auth(province_admin))
          .status,
      403);
  auto nationwide = request(port(), "POST", "/api/v1/users",
                            R"({"username":"bcd.tw","password":"Mot-mat-khau-dai-9","role":"steering","nationwide":true})", admin);
  ASSERT_EQ(nationwide.status, 201) << nationwide.body;
  EXPECT_TRUE(nationwide.json().at("unit").is_null());
  // The password an administrator chose is temporary.
  auto created = request(port(), "POST", "/api/v1/users",
                         R"({"username":"thon.moi","password":"Mot-mat-khau-dai-9","role":"village_officer","unit":"21220-001"})", admin);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("must_change_password"), true);
  auto in = login("192.0.2.1", "thon.moi", "Mot-mat-khau-dai-9");
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(in.json().at("user").at("must_change_password"), true);
  const std::string set = in.header("set-cookie");
  const std::map<std::string, std::string> session{{"Cookie", set.substr(0, set.find(';'))},
                                                   {"X-CSRF-Token", std::string(in.json().at("csrf_token").as_string())}};
  // Nothing but the way to a password of one's own.
  auto blocked = request(port(), "GET", "/api/v1/activities", "", session);
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(code_of(blocked), "password_change_required");
  EXPECT_EQ(request(port(), "GET", "/api/v1/auth/me", "", session).status, 200);
  auto changed = request(port(), "POST", "/api/v1/auth/password",
                         R"({"current_password":"Mot-mat-khau-dai-9","new_password":"Mật khẩu riêng của thôn"})", session);
  ASSERT_EQ(changed.status, 204) << changed.body;
  auto again = login("192.0.2.1", "thon.moi", "Mật khẩu riêng của thôn");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json().at("user").at("must_change_password"), false);
  const std::string set2 = again.header("set-cookie");
  EXPECT_EQ(request(port(), "GET", "/api/v1/activities", "", {{"Cookie", set2.substr(0, set2.find(';'))}}).status, 200);
  // A reset by an administrator makes it temporary again.
  ASSERT_EQ(request(port(), "PATCH", "/api/v1/users/thon.moi", R"({"password":"Mat-khau-tam-thoi-2"})", admin).status, 200);
  auto reset = login("192.0.2.1", "thon.moi", "Mat-khau-tam-thoi-2");
  EXPECT_EQ(reset.json().at("user").at("must_change_password"), true);
}

// Issue 18, item 6 on an existing account: the whole country is chosen explicitly with
// "nationwide": true (a national admin only, for the roles that may work nationwide); the older
// "unit": null keeps working.
TEST_P(AccountLockoutTest, AnExistingAccountBecomesNationwideOnlyExplicitly) {
  const auto admin = json_auth(s_->national_admin());
  const auto province_admin = json_auth(s_->add_user("qt.qn", "admin", std::string("51")));
  ASSERT_EQ(request(port(), "POST", "/api/v1/users",
                    R"({"username":"bcd.qn","password":"Mot-mat-khau-dai-9","role":"steering","unit":"51"})", admin)
                .status,
            201);
  auto patch = [&](const std::string& body, const std::map<std::string, std::string>& who) {
    return request(port(), "PATCH", "/api/v1/users/bcd.qn", body, who);
  };
  // Only a national administrator gives nationwide scope.
  auto by_province = patch(R"({"nationwide":true})", province_admin);
  EXPECT_EQ(by_province.status, 403) << by_province.body;
  // A unit and the whole country at once, or "false" without a unit, say nothing clear.
  auto both = patch(R"({"nationwide":true,"unit":"51"})", admin);
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(both.json().at("error").at("field"), "nationwide");
  auto no_unit = patch(R"({"nationwide":false})", admin);
  EXPECT_EQ(no_unit.status, 400);
  EXPECT_EQ(no_unit.json().at("error").at("field"), "unit");
  EXPECT_EQ(patch(R"({"nationwide":"yes"})", admin).status, 400);
  auto unchanged = request(port(), "GET", "/api/v1/users/bcd.qn", "", admin);
  EXPECT_EQ(unchanged.json().at("unit").at("code"), "51");

  auto wide = patch(R"({"nationwide":true})", admin);
  ASSERT_EQ(wide.status, 200) << wide.body;
  EXPECT_TRUE(wide.json().at("unit").is_null());
  auto audit = request(port(), "GET", "/api/v1/audit?action=user.update&entity_id=bcd.qn", "", bearer(s_->national_admin()));
  EXPECT_NE(audit.body.find(R"("changed":["unit"])"), std::string::npos) << audit.body;
  // Back to a unit, with or without saying "nationwide": false; "unit": null still clears it.
  auto back = patch(R"({"nationwide":false,"unit":"51"})", admin);
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json().at("unit").at("code"), "51");
  auto old_way = patch(R"({"unit":null})", admin);
  ASSERT_EQ(old_way.status, 200) << old_way.body;
  EXPECT_TRUE(old_way.json().at("unit").is_null());
  // A role that works in one unit never becomes nationwide, either way.
  s_->add_user("thon.tt", "village_officer", std::string("21220-001"));
  for (const std::string body : {R"({"nationwide":true})", R"({"unit":null})", R"({"unit":null,"role":"police_officer"})"}) {
    auto village = request(port(), "PATCH", "/api/v1/users/thon.tt", body, admin);
    EXPECT_EQ(village.status, 400) << body << ": " << village.body;
    EXPECT_EQ(village.json().at("error").at("field"), "unit");
  }
  // Neither by a change of role of a nationwide account.
  auto demoted = patch(R"({"role":"village_officer"})", admin);
  EXPECT_EQ(demoted.status, 400) << demoted.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountLockoutTest, ::testing::ValuesIn(antq::test::engines()));
