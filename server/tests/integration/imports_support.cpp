#include "integration/imports_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/time.hpp"

namespace antq::test {

namespace bj = boost::json;

HttpReply upload(std::uint16_t port, const std::string& token, const std::string& query, const std::string& body, const char* type) {
  auto h = bearer(token);
  h["Content-Type"] = type;
  return request(port, "POST", "/api/v1/imports?" + query, body, h);
}

bj::object wait_done(std::uint16_t port, const std::string& token, const std::string& id) {
  for (int i = 0; i < 1500; ++i) {
    auto r = request(port, "GET", "/api/v1/imports/" + id, "", bearer(token));
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return {};
    auto o = r.json().as_object();
    if (o.at("status") != "queued" && o.at("status") != "running") return o;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ADD_FAILURE() << "import " << id << " did not finish";
  return {};
}

bj::object import_file(std::uint16_t port, const std::string& token, const std::string& query, const std::string& body, const char* type) {
  auto r = upload(port, token, query, body, type);
  EXPECT_EQ(r.status, 202) << query << " → " << r.body;
  if (r.status != 202) return {};
  return wait_done(port, token, std::string(r.json().at("id").as_string()));
}

std::string vn_date(const std::string& iso) { return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4); }

std::string days_ago(int n) { return timeutil::add_days(timeutil::today_vietnam(), -n); }

std::string vn_ago(int n) { return vn_date(days_ago(n)); }

}  // namespace antq::test
