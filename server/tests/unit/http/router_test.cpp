#include "http/router.hpp"

#include <gtest/gtest.h>

using namespace antq::http;

namespace {
Handler named(std::string name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}
}  // namespace

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router r;
  r.add({"GET", "/api/v1/units/{code}"}, named("detail"));
  r.add({"GET", "/api/v1/units/search"}, named("search"));
  Request req;
  auto m = r.match("GET", "/api/v1/units/search");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler(req).body, "search");
  m = r.match("GET", "/api/v1/units/21220");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("code"), "21220");
}

TEST(Router, DistinguishesUnknownPathFromWrongMethod) {
  Router r;
  r.add({"GET", "/api/v1/units"}, named("list"));
  auto wrong_method = r.match("DELETE", "/api/v1/units");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_exists);
  auto unknown = r.match("GET", "/api/v1/nothing");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.path_exists);
  // Empty parameter segments and extra segments do not match.
  r.add({"GET", "/api/v1/units/{code}"}, named("detail"));
  EXPECT_EQ(r.match("GET", "/api/v1/units/").route, nullptr);
  EXPECT_EQ(r.match("GET", "/api/v1/units/1/2").route, nullptr);
}

// A route that does not say who may call it is staff-only: forgetting is closed, not open.
TEST(Router, RoutesAreStaffOnlyUnlessDeclaredPublic) {
  const RouteSpec undeclared{"GET", "/api/v1/anything"};
  EXPECT_EQ(undeclared.access, Access::staff);
  const RouteSpec declared{"GET", "/api/v1/public/anything", Access::public_};
  EXPECT_EQ(declared.access, Access::public_);
}
