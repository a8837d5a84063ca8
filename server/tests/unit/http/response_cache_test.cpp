// The response cache of public reads: an entry is served only under the stamp it was made under
// and while it is young; ETags answer If-None-Match with 304.
#include <gtest/gtest.h>

#include <thread>

#include "http/response_cache.hpp"

using namespace antq::http;

namespace {
Response body(const std::string& text) {
  Response r;
  r.body = text;
  return r;
}
Request asking(const std::string& if_none_match) {
  Request r;
  r.method = "GET";
  if (!if_none_match.empty()) r.headers.emplace_back("if-none-match", if_none_match);
  return r;
}
}  // namespace

TEST(ResponseCache, AnEntryIsServedOnlyUnderItsStampAndWhileYoung) {
  std::optional<std::uint64_t> stamp = 7;
  ResponseCache cache([&] { return stamp; });
  EXPECT_EQ(cache.find("/api/v1/units/21220", 7), nullptr);
  const auto kept = cache.put("/api/v1/units/21220", 7, body(R"({"name":"Sơn Tịnh"})"), std::chrono::seconds(60));
  ASSERT_NE(kept, nullptr);
  EXPECT_FALSE(kept->find_header("ETag").empty());
  auto hit = cache.find("/api/v1/units/21220", 7);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, R"({"name":"Sơn Tịnh"})");
  EXPECT_EQ(cache.find("/api/v1/units/21220?dataset=x", 7), nullptr) << "the query string is part of the key";
  EXPECT_EQ(cache.find("/api/v1/units/21220", 8), nullptr) << "a write happened since";
  cache.put("/api/v1/news", 8, body("[]"), std::chrono::seconds(1));
  EXPECT_NE(cache.find("/api/v1/news", 8), nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(cache.find("/api/v1/news", 8), nullptr) << "aged out";
}

TEST(ResponseCache, AFullCacheStartsAgain) {
  ResponseCache cache([] { return std::optional<std::uint64_t>(1); }, 3);
  for (int i = 0; i < 3; ++i) cache.put("/k" + std::to_string(i), 1, body("x"), std::chrono::seconds(60));
  EXPECT_NE(cache.find("/k2", 1), nullptr);
  cache.put("/k3", 1, body("x"), std::chrono::seconds(60));
  EXPECT_EQ(cache.find("/k0", 1), nullptr);
  EXPECT_NE(cache.find("/k3", 1), nullptr);
}

TEST(ResponseCache, IfNoneMatchWithTheETagGets304WithoutABody) {
  Response res = body("{\"items\":[]}");
  res.header("ETag", body_etag(res.body));
  res.header("Cache-Control", "no-cache");
  const std::string etag(res.find_header("ETag"));
  EXPECT_EQ(etag, body_etag("{\"items\":[]}")) << "the same body, the same tag";
  EXPECT_NE(etag, body_etag("{\"items\":[1]}"));
  const auto same = conditional(asking(etag), res);
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  EXPECT_EQ(same.find_header("ETag"), etag);
  EXPECT_EQ(conditional(asking("W/\"other\", " + etag), res).status, 304) << "one of a list";
  EXPECT_EQ(conditional(asking("\"other\""), res).status, 200);
  EXPECT_EQ(conditional(asking(""), res).status, 200);
}

TEST(ResponseCache, ABoundOnBytesKeepsLargeAnswersFromFillingMemory) {
  ResponseCache cache([] { return std::optional<std::uint64_t>(1); }, 100, 1000);
  cache.put("/a", 1, body(std::string(600, 'a')), std::chrono::seconds(60));
  cache.put("/a", 1, body(std::string(600, 'a')), std::chrono::seconds(60));  // replaced, not counted twice
  EXPECT_NE(cache.find("/a", 1), nullptr);
  cache.put("/b", 1, body(std::string(600, 'b')), std::chrono::seconds(60));  // 1.200 bytes: starts again
  EXPECT_EQ(cache.find("/a", 1), nullptr);
  EXPECT_NE(cache.find("/b", 1), nullptr);
}
