#include "integration/news/news_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>

using namespace std::chrono;
namespace bj = boost::json;

namespace antq::test::news {

NewsServer::NewsServer(const std::string& engine, const std::string& smtp_url, const std::function<void(app::Config&)>& configure) {
  ServerOptionsForTest o;
  o.configure = [smtp_url, configure](app::Config& c) {
    c.news_quiet_hours = "off";
    c.public_url = kPublicUrl;
    if (!smtp_url.empty()) {
      c.smtp_url = smtp_url;
      c.mail_from = "ANTQ <no-reply@antq.example.vn>";
    }
    if (configure) configure(c);
  };
  s = std::make_unique<ServerFixture>(engine, o);
  police = s->add_user("ca.sontinh", "police_officer", "21220");
  front = s->add_user("mt.tinhkhe", "front_officer", "21211");
  village = s->add_user("thon.mot", "village_officer", "21220-001");
}

HttpReply NewsServer::create(const std::string& token, const bj::object& body) {
  return request(port(), "POST", "/api/v1/news", bj::serialize(body), json_auth(token));
}

std::string NewsServer::publish_new(const std::string& token, const bj::object& body) {
  auto r = create(token, body);
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return "";
  const std::string id(r.json().at("id").as_string());
  auto p = action(token, id, "publish");
  EXPECT_EQ(p.status, 200) << p.body;
  return id;
}

HttpReply NewsServer::action(const std::string& token, const std::string& id, const std::string& what) {
  return request(port(), "POST", "/api/v1/news/" + id + "/" + what, "", json_auth(token));
}

std::vector<std::string> NewsServer::public_ids(const std::string& unit) {
  auto r = request(port(), "GET", "/api/v1/public/news?unit=" + unit, "", {});
  EXPECT_EQ(r.status, 200) << r.body;
  std::vector<std::string> out;
  if (r.status != 200) return out;
  const auto page = r.json();  // kept alive: the loop runs over its array
  for (const auto& item : page.at("items").as_array()) out.emplace_back(item.at("id").as_string());
  return out;
}

HttpReply NewsServer::subscribe(const std::string& unit, const std::string& email, const bj::array& kinds) {
  bj::object body{{"unit", unit}, {"email", email}};
  if (!kinds.empty()) body["kinds"] = kinds;
  return request(port(), "POST", "/api/v1/public/subscriptions", bj::serialize(body), {{"Content-Type", "application/json"}});
}

std::string vn_in(int seconds) {
  const auto t = floor<std::chrono::seconds>(system_clock::now() + std::chrono::seconds(seconds) + hours(7));
  const auto day = floor<days>(t);
  const year_month_day ymd(day);
  const hh_mm_ss hms(t - day);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld+07:00", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

std::string token_after(const std::string& text, const std::string& marker) {
  std::smatch m;
  return std::regex_search(
             text, m, std::regex(std::regex_replace(marker, std::regex(R"([.?*+^$()\[\]{}|\\])"), R"(\$&)") + "token=([0-9A-Za-z.\\-]+)"))
             ? m[1].str()
             : "";
}

}  // namespace antq::test::news
