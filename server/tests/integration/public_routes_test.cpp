// Routes are staff-only unless declared public (http::Access::public_). This file is the list of
// every public route by name: opening a route to the internet — anyone, no account — is a
// deliberate change made here, in review, and not the side effect of a forgotten field.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "integration/server_fixture.hpp"

using namespace antq;
using namespace antq::test;

namespace {

// Why each is public is said where the route is registered.
const std::set<std::string> kPublicRoutes = {
    // operators and API clients
    "GET /healthz",
    "GET /readyz",   // for the load balancer: what is checked, never a record
    "GET /metrics",  // its own check: loopback only, or the configured metrics_token
    "GET /api/v1/openapi.json",
    "POST /api/v1/auth/login",
    // what the public forms read
    "GET /api/v1/units",
    "GET /api/v1/units/search",
    "GET /api/v1/units/{code}",
    "GET /api/v1/units/{code}/tip-poster",
    "GET /api/v1/catalog",
    "GET /api/v1/public/tip-categories",
    "GET /api/v1/public/challenge",
    // a citizen's tip, its follow-up and e-mail updates
    "POST /api/v1/public/tips",
    "GET /api/v1/public/tips/{code}",
    "POST /api/v1/public/tips/{code}/messages",
    "POST /api/v1/public/tips/{code}/attachments",
    "POST /api/v1/public/tips/{code}/notify",
    "DELETE /api/v1/public/tips/{code}/notify",
    "POST /api/v1/public/notifications/unsubscribe",
    // a citizen's opinion
    "POST /api/v1/public/opinions",
    // news for residents (issue 15): read, follow a feed, subscribe by e-mail, the post's page
    "GET /api/v1/public/news",
    "GET /api/v1/public/news/{id}",
    "GET /api/v1/public/news/{id}/cover",
    "GET /api/v1/public/units/{code}/feed.xml",
    "POST /api/v1/public/subscriptions",
    "POST /api/v1/public/subscriptions/confirm",
    "POST /api/v1/public/subscriptions/unsubscribe",
    "GET /tin-tuc",
    "GET /tin-tuc/{id}",
};

// "/api/v1/tips/{id}/reveal" → "/api/v1/tips/1/reveal".
std::string concrete(const std::string& pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      out += '1';
      i = pattern.find('}', i);
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

class PublicRoutesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PublicRoutesTest, EveryPublicRouteIsListedByName) {
  ServerFixture s(GetParam(), ServerOptionsForTest{});
  const auto listed = s.app().public_route_list();
  const std::set<std::string> declared(listed.begin(), listed.end());
  for (const auto& r : declared) {
    EXPECT_TRUE(kPublicRoutes.contains(r)) << r << " is public: add it to kPublicRoutes if it is meant to be, "
                                           << "or leave out http::Access::public_ so that it is staff-only";
  }
  for (const auto& r : kPublicRoutes) EXPECT_TRUE(declared.contains(r)) << r << " is listed but no longer public";
}

// The other side of the list: every route not declared public refuses a caller without an account
// (401) before its handler runs, whatever the method, the path or the body.
TEST_P(PublicRoutesTest, EveryOtherRouteAsksForAnAccount) {
  ServerFixture s(GetParam(), ServerOptionsForTest{});
  const auto routes = s.app().route_list();
  int staff = 0;
  for (const auto& r : routes) {
    if (kPublicRoutes.contains(r)) continue;
    ++staff;
    const auto space = r.find(' ');
    const std::string method = r.substr(0, space);
    const auto reply = request(s.port(), method, concrete(r.substr(space + 1)), "{}", {{"Content-Type", "application/json"}});
    EXPECT_EQ(reply.status, 401) << r;
  }
  EXPECT_GT(staff, 50);
}

INSTANTIATE_TEST_SUITE_P(Engines, PublicRoutesTest, ::testing::ValuesIn(antq::test::engines()));
