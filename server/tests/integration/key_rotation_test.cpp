// `antq keys rotate` on a working system, on each engine: what was hashed with the older key is
// still found after the server restarts on the new one. A hash cannot be made again without its
// value, so these would otherwise break for good: a citizen's tracking link, a search by a
// person's name or ID number, a retried request's Idempotency-Key, the unsubscribe link in a
// message already sent, the subscription an address already has.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>

#include "core/crypto.hpp"
#include "core/keyring.hpp"
#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "modules/news/subscriptions.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

const std::map<std::string, std::string> kJson{{"Content-Type", "application/json"}};

std::string person_body() {
  return bj::serialize(bj::object{{"unit", "21220-001"},
                                  {"category", "released_prisoner"},
                                  {"name", "Trần Văn Xoay"},
                                  {"birth_year", 1988},
                                  {"id_number", "036088004321"},
                                  {"start_date", "2025-05-01"}});
}

std::int64_t search_total(std::uint16_t port, const std::string& token, const std::string& body) {
  auto r = request(port, "POST", "/api/v1/reintegration/people/search", body, json_auth(token));
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json().at("total").as_int64() : -1;
}

}  // namespace

class KeyRotationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("antq-rotation-" + crypto::random_hex(4));
    key_file_ = (dir_ / "antq.key").string();
    crypto::Keyring::create_file(key_file_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string key_file_;
};

TEST_P(KeyRotationTest, WhatWasHashedBeforeARotationIsStillFoundAfterIt) {
  ServerOptionsForTest o;
  const std::string key_file = key_file_;
  o.configure = [key_file](app::Config& c) {
    c.data_key.clear();  // the key file, as `antq init` leaves it
    c.data_key_file = key_file;
  };
  ServerFixture before(GetParam(), o);
  const auto police = before.add_user("ca.sontinh", "police_officer", "21220");
  const auto steering = before.add_user("bcd.sontinh", "steering", "21220");

  // Before the rotation: a tip, a person, a request with a key, a confirmed subscriber.
  auto tip = request(before.port(), "POST", "/api/v1/public/tips",
                     R"({"unit":"21220-001","category":"drugs","description":"Tin báo trước khi đổi khóa","anonymous":true})", kJson);
  ASSERT_EQ(tip.status, 201) << tip.body;
  const std::string code(tip.json().at("tracking_code").as_string()), secret(tip.json().at("secret").as_string());
  auto h = json_auth(police);
  h["Idempotency-Key"] = "rotation-retry-1";
  auto person = request(before.port(), "POST", "/api/v1/reintegration/people", person_body(), h);
  ASSERT_EQ(person.status, 201) << person.body;
  const auto old_keys = crypto::Keyring::from_file(key_file_);
  const std::string email = "dan.thon1@example.vn";
  std::int64_t subscriber = 0;
  std::string confirmed_at;
  before.database().db().write([&](db::Connection& c) {
    const auto unit = c.query("SELECT id FROM units WHERE code = '21220'").rows.at(0).integer(0);
    const auto now = timeutil::now_utc();
    news::subscriptions::subscribe(c, old_keys, unit, email, "warning", now);
    subscriber = c.query("SELECT id FROM news_subscriptions").rows.at(0).integer(0);
    const auto token = news::subscriptions::mint_confirm_token(c, old_keys, subscriber, now);
    confirmed_at = news::subscriptions::confirm(c, old_keys, token, now).value().confirmed_at.value();
  });
  const auto old_stop_link = news::subscriptions::unsubscribe_token(old_keys, subscriber, confirmed_at);

  // `antq keys rotate`, then an instance that starts on the new key.
  const auto new_keys = crypto::Keyring::rotate_file(key_file_);
  ASSERT_NE(new_keys.current_id(), old_keys.current_id());
  app::App after(before.config());
  const auto port = after.start();

  // The citizen's tracking link still opens the tip; a wrong secret still does not.
  EXPECT_EQ(request(port, "GET", "/api/v1/public/tips/" + code, "", {{"X-Tip-Secret", secret}}).status, 200);
  EXPECT_EQ(request(port, "GET", "/api/v1/public/tips/" + code, "", {{"X-Tip-Secret", "AAAAA-AAAAA-AAAAA-AAAAA"}}).status, 404);
  // A tip sent now is followed with the new key.
  auto fresh = request(port, "POST", "/api/v1/public/tips",
                       R"({"unit":"21220-001","category":"drugs","description":"Tin báo sau khi đổi khóa","anonymous":true})", kJson);
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  EXPECT_EQ(request(port, "GET", "/api/v1/public/tips/" + std::string(fresh.json().at("tracking_code").as_string()), "",
                    {{"X-Tip-Secret", std::string(fresh.json().at("secret").as_string())}})
                .status,
            200);

  // The person is found by name and ID number, as before.
  EXPECT_EQ(search_total(port, steering, R"({"name":"tran van xoay"})"), 1);
  EXPECT_EQ(search_total(port, steering, R"({"id_number":"036088004321"})"), 1);

  // The retried request is the same request: its answer again, not a second person or a 422.
  auto retried = request(port, "POST", "/api/v1/reintegration/people", person_body(), h);
  EXPECT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(retried.json().at("id"), person.json().at("id"));
  EXPECT_EQ(search_total(port, steering, R"({"name":"Trần Văn Xoay"})"), 1);

  // Subscribing the same address again finds its subscription rather than making a second one.
  after.database().write([&](db::Connection& c) {
    const auto unit = c.query("SELECT id FROM units WHERE code = '21220'").rows.at(0).integer(0);
    news::subscriptions::subscribe(c, new_keys, unit, "Dan.Thon1@Example.vn", "warning", timeutil::now_utc());
  });
  EXPECT_EQ(before.database().db().read_value([](db::Connection& c) { return c.query("SELECT id FROM news_subscriptions").rows.size(); }),
            1u);
  // The unsubscribe link of a message sent before the rotation still ends it; a forged one does not.
  auto forged = old_stop_link.substr(0, old_stop_link.size() - 2) + (old_stop_link.ends_with("00") ? "11" : "00");
  EXPECT_EQ(request(port, "POST", "/api/v1/public/subscriptions/unsubscribe?token=" + forged, "", {}).status, 404);
  auto stop = request(port, "POST", "/api/v1/public/subscriptions/unsubscribe?token=" + old_stop_link, "List-Unsubscribe=One-Click",
                      {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(stop.status, 200) << stop.body;
  EXPECT_EQ(after.database().read_value([&](db::Connection& c) {
    return c.query("SELECT status FROM news_subscriptions WHERE id = $1", subscriber).rows.at(0).text(0);
  }),
            "ended");
  after.stop();
}

INSTANTIATE_TEST_SUITE_P(Engines, KeyRotationTest, ::testing::ValuesIn(antq::test::engines()));
