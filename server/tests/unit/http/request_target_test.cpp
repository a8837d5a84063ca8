#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "http/request.hpp"

using namespace antq;
using namespace antq::http;

TEST(RequestTarget, DecodesPathAndQuery) {
  Request r;
  parse_target("/api/v1/units/search?q=s%C6%A1n+t%E1%BB%8Bnh&limit=5", r);
  EXPECT_EQ(r.path, "/api/v1/units/search");
  EXPECT_EQ(r.query.at("q"), "sơn tịnh");
  EXPECT_EQ(r.query.at("limit"), "5");
}

TEST(RequestTarget, RejectsTraversalAndEncodedSeparators) {
  for (const char* bad :
       {"/../etc/passwd", "/a/./b", "/a/%2e%2e/b", "/a%2Fb", "/a%5Cb", "/a%00b", "/a\\..\\b", "relative", "", "/%zz", "/%C3%28"}) {
    Request r;
    EXPECT_THROW(parse_target(bad, r), BadRequest) << bad;
  }
}

TEST(RequestTarget, RejectsMalformedQueryEscapes) {
  Request r;
  EXPECT_THROW(parse_target("/x?q=%E", r), BadRequest);
  EXPECT_THROW(parse_target("/x?q=%FF", r), BadRequest);    // not UTF-8
  EXPECT_THROW(parse_target("/x?q=a%00b", r), BadRequest);  // NUL would cut the value short in libpq
  EXPECT_THROW(parse_target("/x?q=a%0Ab", r), BadRequest);
}

TEST(PercentDecode, HandlesEdges) {
  EXPECT_EQ(percent_decode("a%20b", false).value(), "a b");
  EXPECT_EQ(percent_decode("a+b", true).value(), "a b");
  EXPECT_EQ(percent_decode("a+b", false).value(), "a+b");
  EXPECT_FALSE(percent_decode("%", false).has_value());
  EXPECT_FALSE(percent_decode("%4", false).has_value());
}
