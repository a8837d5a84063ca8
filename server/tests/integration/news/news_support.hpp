#pragma once
// A server with the news module for the news tests: a police officer of Xã Sơn Tịnh (21220), a
// Front officer of Xã Tịnh Khê (21211), a village officer of thôn 21220-001, the fixture's admins;
// quiet hours off unless a test sets them, and a real SMTP sink when asked.
#include <boost/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"

namespace antq::test::news {

inline const std::string kPublicUrl = "https://antq.example.vn";

struct NewsServer {
  // `smtp_url` "" : no mail server. `configure`: more settings (quiet hours…).
  NewsServer(const std::string& engine, const std::string& smtp_url, const std::function<void(app::Config&)>& configure = {});
  std::unique_ptr<ServerFixture> s;
  std::string police, front, village;
  std::uint16_t port() const { return s->port(); }

  HttpReply create(const std::string& token, const boost::json::object& body);
  // Creates and publishes; returns the post's id (fails the test otherwise).
  std::string publish_new(const std::string& token, const boost::json::object& body);
  HttpReply action(const std::string& token, const std::string& id, const std::string& action);
  // The ids of the live posts a resident sees for `unit`, in the page's order.
  std::vector<std::string> public_ids(const std::string& unit);
  HttpReply subscribe(const std::string& unit, const std::string& email, const boost::json::array& kinds = {});
};

// A time `seconds` from now as RFC 3339 in Vietnam time (the way the web form sends it).
std::string vn_in(int seconds);
// The token in a message's link `…<marker>token=…` (letters, digits, dots, dashes), or "".
std::string token_after(const std::string& text, const std::string& marker);

}  // namespace antq::test::news
