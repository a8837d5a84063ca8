// Public reads answered from the response cache (issue 16): with an ETag and 304, and never what
// a write has changed, whether the write came through this server, another instance, or another
// process on the database (the CLI).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <thread>

#include "integration/server_fixture.hpp"
#include "support/eventually.hpp"

using namespace antq;
using namespace antq::test;

namespace {

std::string name_of(std::uint16_t port, const std::string& code) {
  auto r = get(port, "/api/v1/units/" + code);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? std::string(r.json().at("name").as_string()) : "";
}

}  // namespace

class CachedReadsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{}); }
  std::uint16_t port() const { return s_->port(); }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(CachedReadsTest, AUnitCarriesAnETagAndAnswers304UntilItChanges) {
  auto first = get(port(), "/api/v1/units/21220-001");
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first.header("cache-control"), "no-cache");
  auto again = get(port(), "/api/v1/units/21220-001");
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("etag"), etag);
  auto not_modified = request(port(), "GET", "/api/v1/units/21220-001", "", {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());

  // An edit through this server: the next read shows it, with another tag.
  auto renamed = request(port(), "PATCH", "/api/v1/units/21220-001", R"({"name":"Trường Thọ Mới"})", json_auth(s_->commune_admin()));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  auto after = request(port(), "GET", "/api/v1/units/21220-001", "", {{"If-None-Match", etag}});
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.json().at("name"), "Trường Thọ Mới");
  EXPECT_NE(after.header("etag"), etag);
}

TEST_P(CachedReadsTest, AWriteByAnotherProcessOnTheDatabaseRetiresTheCachedAnswer) {
  EXPECT_EQ(name_of(port(), "21211"), "Tịnh Khê");
  EXPECT_EQ(name_of(port(), "21211"), "Tịnh Khê");  // now cached
  // As the CLI would: its own connection, not the server's.
  auto other = s_->database().open_again();
  other->write([](db::Connection& c) { c.query("UPDATE units SET name = 'Tịnh Khê Đổi Tên' WHERE code = '21211'"); });
  if (GetParam() == "sqlite") {
    // The same file: the next read sees it (PRAGMA data_version).
    EXPECT_EQ(name_of(port(), "21211"), "Tịnh Khê Đổi Tên");
  } else {
    // Another session: its NOTIFY reaches the server's listener within moments.
    EXPECT_TRUE(eventually([&] { return name_of(port(), "21211") == "Tịnh Khê Đổi Tên"; }, std::chrono::seconds(2)));
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, CachedReadsTest, ::testing::ValuesIn(antq::test::engines()));

// Several instances: PostgreSQL only.
class CachedReadsAcrossInstancesTest : public CachedReadsTest {};

TEST_P(CachedReadsAcrossInstancesTest, AnEditOnOneIsSeenOnTheOtherOnceItsNoticeArrives) {
  app::App b(s_->config());
  const auto b_port = b.start();
  const std::string before = name_of(b_port, "21220-001");
  EXPECT_EQ(name_of(b_port, "21220-001"), before);  // cached on B
  auto renamed = request(port(), "PATCH", "/api/v1/units/21220-001", R"({"name":"Trường Thọ Hai"})", json_auth(s_->commune_admin()));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(name_of(port(), "21220-001"), "Trường Thọ Hai") << "the instance that wrote: at once";
  EXPECT_TRUE(eventually([&] { return name_of(b_port, "21220-001") == "Trường Thọ Hai"; }, std::chrono::seconds(2)))
      << "the other: once its listener hears";
  b.stop();
}

INSTANTIATE_TEST_SUITE_P(Engines, CachedReadsAcrossInstancesTest, ::testing::ValuesIn(antq::test::server_engines()));
