// `antq seed demo` (demo::seed_demo) on each engine and on both shipped unit lists: once per
// database, everything in one transaction, years of records that read back through the modules'
// own API (sealed fields open, catalogue lists, links), and report figures that agree with the
// records. The command itself, run twice with every table counted, is in tests/cli/cli_test.sh.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/keyring.hpp"
#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/demo/demo_seed.hpp"
#include "modules/units/units_dataset.hpp"
#include "support/http_client.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

std::int64_t count(db::Database& db, const std::string& sql) {
  return db.read_value([&](db::Connection& c) { return c.query(sql).rows[0].integer(0); });
}

}  // namespace

class DemoSeedTest : public ::testing::TestWithParam<std::string> {
 protected:
  void start(ServerOptionsForTest o) { s_ = std::make_unique<ServerFixture>(GetParam(), o); }
  demo::SeedReport seed() {
    const auto keys = crypto::Keyring::from_hex(s_->config().data_key);
    audit::AuditLog log(keys);
    return demo::seed_demo(s_->database().db(), keys, log);
  }
  bj::value get(const std::string& target) {
    auto r = request(s_->port(), "GET", target, "", bearer(s_->national_admin()));
    EXPECT_EQ(r.status, 200) << target << " " << r.body;
    return r.status == 200 ? r.json() : bj::value(bj::object{});
  }
  std::int64_t total(const std::string& target) { return get(target).at("total").as_int64(); }
  std::unique_ptr<ServerFixture> s_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DemoSeedTest, ::testing::ValuesIn(antq::test::engines()));

TEST_P(DemoSeedTest, TheCurrentListGetsYearsOfRecordsOnce) {
  start({});  // Xã Sơn Tịnh and Phường Sơn Tây, with the fixture's villages already in place
  const auto first = seed();
  ASSERT_FALSE(first.already);
  EXPECT_EQ(first.units.list, "vn-2tier");
  EXPECT_EQ(first.units.created, 0) << "the fixture created the villages; they are left alone";
  EXPECT_EQ(first.tips, 12);
  EXPECT_EQ(first.news, 4);
  EXPECT_EQ(first.history.area, "Xã Sơn Tịnh");
  EXPECT_EQ(first.history.from, "2021-01-01");
  EXPECT_GT(first.history.activities, 200);
  EXPECT_GT(first.history.tips, 200);
  EXPECT_GT(first.history.patrols, 1000);
  EXPECT_GT(first.history.sessions, 300);
  EXPECT_GT(first.history.evaluations, 15);

  // Once: the second run writes nothing, not even an audit entry.
  const auto audit_before = count(s_->database().db(), "SELECT COUNT(*) FROM audit_log");
  const auto activities_before = count(s_->database().db(), "SELECT COUNT(*) FROM activities");
  EXPECT_TRUE(seed().already);
  EXPECT_EQ(count(s_->database().db(), "SELECT COUNT(*) FROM audit_log"), audit_before);
  EXPECT_EQ(count(s_->database().db(), "SELECT COUNT(*) FROM activities"), activities_before);

  // The bulk rows read back through the registers like any other record.
  EXPECT_EQ(total("/api/v1/activities?unit=21220&per_page=1"),
            count(s_->database().db(), "SELECT COUNT(*) FROM activities a JOIN units u ON u.id = a.unit_id WHERE u.code LIKE '21220%'"));
  EXPECT_GT(total("/api/v1/activities?unit=21220&type=festival&per_page=1"), 20);
  EXPECT_GT(total("/api/v1/activities?unit=21220&topics=cyber_fraud&per_page=1"), 5);
  EXPECT_GT(total("/api/v1/groups?unit=21220&kind=channel&per_page=1"), 4);
  EXPECT_GT(total("/api/v1/opinions?unit=21220&per_page=1"), 10);
  const auto mediations = get("/api/v1/mediations?unit=21220&outcome=successful&per_page=1");
  ASSERT_GT(mediations.at("total").as_int64(), 30);
  const std::string mid(mediations.at("items").at(0).at("id").as_string());
  const auto mediation = get("/api/v1/mediations/" + mid);
  ASSERT_EQ(mediation.at("parties").as_array().size(), 2u) << "the sealed parties open with the data key";
  EXPECT_FALSE(mediation.at("parties").at(0).at("name").as_string().empty());
  const auto patrols = get("/api/v1/patrols?unit=21220-001&per_page=1");
  EXPECT_FALSE(patrols.at("items").at(0).at("team_id").is_null());
  const auto people = get("/api/v1/reintegration/people?unit=21220&per_page=100");
  bool with_sessions = false;
  for (const auto& p : people.at("items").as_array()) {
    const auto sessions = get("/api/v1/reintegration/people/" + std::string(p.at("id").as_string()) + "/sessions");
    with_sessions = with_sessions || !sessions.at("items").as_array().empty();
  }
  EXPECT_TRUE(with_sessions);
  EXPECT_GT(total("/api/v1/tips?unit=21220&status=closed&per_page=1"), 200);
  // Residents of a village see the commune's posts, the urgent warning first; never e-mailed.
  const auto news = get("/api/v1/public/news?unit=21220-001");
  ASSERT_EQ(news.at("items").as_array().size(), 3u);
  EXPECT_EQ(news.at("items").at(0).at("kind"), "warning");
  EXPECT_EQ(count(s_->database().db(), "SELECT COUNT(*) FROM news_deliveries"), 0);
  EXPECT_EQ(count(s_->database().db(), "SELECT COUNT(*) FROM news_posts WHERE queued_at IS NULL"), 0);

  // The figures: the commune's (from the records) and the province's (from the rollup, derived in
  // the seed's transaction) agree with the rows, over the whole period and for last year.
  const std::string today = timeutil::today_vietnam();
  // (A tip marked as a duplicate of another is counted once, as the original.)
  const auto tips_rows =
      count(s_->database().db(),
            "SELECT COUNT(*) FROM tips t JOIN units u ON u.id = t.unit_id WHERE u.code LIKE '21220%' AND t.status <> 'duplicate'");
  for (const char* unit : {"21220", "51"}) {
    const auto summary = get(std::string("/api/v1/reports/summary?unit=") + unit + "&from=2021-01-01&to=" + today);
    EXPECT_EQ(summary.at("tips").at("received").as_int64(), tips_rows) << unit;
  }
  const auto compared =
      get("/api/v1/reports/summary?unit=51&from=" + timeutil::add_days(today, -364) + "&to=" + today + "&compare=previous_year");
  EXPECT_GT(compared.at("previous").at("tips").at("received").as_int64(), 20) << "last year has figures to compare with";
}

TEST_P(DemoSeedTest, ThePre2025ListGetsItsDistrict) {
  ServerOptionsForTest o;
  o.units_csv = std::string(*units::shipped_list("vn-3tier"));
  o.units_label = "vn-3tier";
  o.seed_demo = false;
  start(o);
  const auto r = seed();
  ASSERT_FALSE(r.already);
  EXPECT_EQ(r.units.list, "vn-3tier");
  EXPECT_EQ(r.units.created, 20);
  EXPECT_EQ(r.units.skipped_communes, 0);
  EXPECT_EQ(r.history.area, "Huyện Sơn Tịnh");
  // The demo villages sit under the old communes, with the same codes as on the current list.
  auto village = get("/api/v1/units/21220-001");
  EXPECT_EQ(village.at("full_name"), "Thôn Trường Thọ");
  EXPECT_EQ(village.at("ancestors").as_array().back().at("full_name"), "Thị trấn Tịnh Hà");
  EXPECT_GT(total("/api/v1/activities?unit=21181&per_page=1"), 50) << "Xã Tịnh Phong has its years too";
  EXPECT_GT(total("/api/v1/activities?unit=527&type=campaign_launch&per_page=1"), 20) << "the district and its communes";
  EXPECT_GT(total("/api/v1/activities?unit=269&per_page=1"), 5) << "Thị xã Sơn Tây has the showcase records";
  const auto summary = get("/api/v1/reports/summary?unit=527&from=2021-01-01&to=" + timeutil::today_vietnam());
  EXPECT_GT(summary.at("tips").at("received").as_int64(), 400);
  EXPECT_TRUE(seed().already);
}
