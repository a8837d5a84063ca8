// The dashboard's reads on a streaming replica (issue 16, `db_replica`): served by the replica
// while it keeps up, by the primary when it falls behind or cannot be reached, and never a figure
// older than the setting allows. The replica is the hot standby scripts/with-postgres.sh starts
// (ANTQ_TEST_PG_REPLICA_PORT); its replay is paused and resumed to make it fall behind on purpose.
// Pausing is cluster-wide, so every test that pauses it is one test body: ctest runs tests in
// parallel, and two of them pausing and resuming would disturb each other.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "core/time.hpp"
#include "db/replica_router.hpp"
#include "integration/server_fixture.hpp"
#include "support/eventually.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

// The same database (and schema) on the replica: the URL with the replica's port.
std::string replica_of(const std::string& url) {
  const char* port = std::getenv("ANTQ_TEST_PG_REPLICA_PORT");
  if (!port) throw std::runtime_error("ANTQ_TEST_PG_REPLICA_PORT is not set: run under scripts/with-postgres.sh");
  const auto colon = url.find(':', url.find('@'));
  const auto slash = url.find('/', colon);
  return url.substr(0, colon + 1) + port + url.substr(slash);
}

// Pauses or resumes the replica's replay of the primary's WAL.
void replay(const std::string& replica_url, bool on) {
  auto admin = db::open(replica_url);
  admin->read([&](db::Connection& c) { c.query(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()"); });
}

// Replay resumed whatever happens to the test: a failed assertion must not leave the replica paused.
struct ResumeReplay {
  std::string url;
  ~ResumeReplay() {
    try {
      replay(url, true);
    } catch (const std::exception& e) {
      std::cerr << "could not resume the replica's replay: " << e.what() << "\n";
    }
  }
};

// Which server answered, and how many rows it sees.
struct Seen {
  bool replica = false;
  std::int64_t rows = 0;
};
Seen seen(db::Database& db) {
  return db.read_value([](db::Connection& c) {
    const auto r = c.query("SELECT pg_is_in_recovery()::int, (SELECT count(*) FROM replica_probe)");
    return Seen{r.rows[0].integer(0) == 1, r.rows[0].integer(1)};
  });
}

}  // namespace

namespace {

void router_follows_the_replica() {
  TestDatabase t("postgresql");
  const std::string replica_url = replica_of(t.url());
  t.db().write([](db::Connection& c) { c.execute_script("CREATE TABLE replica_probe (n INT); INSERT INTO replica_probe VALUES (1);"); });
  db::ReplicaRouter router(t.db(), [&] { return db::open(replica_url); },
                           {std::chrono::milliseconds(400), std::chrono::milliseconds(50), std::chrono::seconds(1)});

  // Caught up: the replica answers, and it has the row.
  ASSERT_TRUE(eventually([&] {
    const auto s = seen(router);
    return s.replica && s.rows == 1;
  }));

  // Behind: with replay paused, a row written now is not on the replica. Once what it has is older
  // than the allowed lag, every read goes to the primary, which has the row.
  const ResumeReplay resume{replica_url};
  replay(replica_url, false);
  t.db().write([](db::Connection& c) { c.query("INSERT INTO replica_probe VALUES (2)"); });
  ASSERT_TRUE(eventually([&] { return !seen(router).replica; }));
  for (int i = 0; i < 20; ++i) {
    const auto s = seen(router);
    EXPECT_FALSE(s.replica);
    EXPECT_EQ(s.rows, 2);
  }
  // Whatever the router sent to the replica while it lagged was within the allowed lag: at most
  // the reads made before the paused replica's last position became 400 ms old.
  replay(replica_url, true);
  ASSERT_TRUE(eventually([&] {
    const auto s = seen(router);
    return s.replica && s.rows == 2;
  }));
  EXPECT_GT(router.counts().replica, 0u);
  EXPECT_GE(router.counts().primary, 20u);
}

}  // namespace

TEST(ReplicaRouterTest, AReplicaThatCannotBeReachedLeavesEveryReadToThePrimary) {
  TestDatabase t("postgresql");
  t.db().write([](db::Connection& c) { c.execute_script("CREATE TABLE replica_probe (n INT); INSERT INTO replica_probe VALUES (1);"); });
  // A port nothing listens on: the replica is down.
  const std::string url = t.url();
  const auto colon = url.find(':', url.find('@'));
  const std::string down = url.substr(0, colon + 1) + "1" + url.substr(url.find('/', colon));
  db::ReplicaRouter router(t.db(), [&] { return db::open(down); },
                           {std::chrono::milliseconds(1000), std::chrono::milliseconds(50), std::chrono::seconds(5)});
  for (int i = 0; i < 5; ++i) {
    const auto s = seen(router);
    EXPECT_FALSE(s.replica);
    EXPECT_EQ(s.rows, 1);
  }
  EXPECT_EQ(router.counts().replica, 0u);
  EXPECT_EQ(router.counts().primary, 5u);
}

// The router alone, then through the server: the dashboard's summary counts a record written
// before the allowed lag even while the replica is paused (the primary answers), and the replica
// takes the reads back once it replays.
TEST(ReplicaTest, ReadsGoToTheReplicaWhileItKeepsUpAndToThePrimaryWhenItFallsBehind) {
  {
    SCOPED_TRACE("the router");
    router_follows_the_replica();
  }
  SCOPED_TRACE("the server's dashboard");
  ServerOptionsForTest options;
  std::string replica_url;
  options.configure = [&](app::Config& c) {
    replica_url = replica_of(c.db);
    c.db_replica = replica_url;
    c.db_replica_max_lag_ms = 300;
  };
  ServerFixture s("postgresql", options);
  const auto officer = s.add_user("w.sontinh", "front_officer", "21220");
  const std::string today = timeutil::today_vietnam();
  const auto activities = [&] {
    auto r = request(s.port(), "GET", "/api/v1/reports/summary?unit=21220&from=" + timeutil::add_days(today, -30) + "&to=" + today, "",
                     bearer(officer));
    EXPECT_EQ(r.status, 200) << r.body;
    std::int64_t n = 0;
    if (r.status == 200)
      for (const auto& kv : r.json().at("activities").as_object()) n += kv.value().at("count").as_int64();
    return n;
  };
  const auto add_activity = [&] {
    const bj::object body{{"unit", "21220"},
                          {"type", "campaign_launch"},
                          {"date", today},
                          {"title", "Phát động phong trào"},
                          {"organizers", bj::array{"police"}},
                          {"participants", 120}};
    auto r = request(s.port(), "POST", "/api/v1/activities", bj::serialize(body), json_auth(officer));
    ASSERT_EQ(r.status, 201) << r.body;
  };
  const auto served = [&](const std::string& by) {
    const auto m = request(s.port(), "GET", "/metrics", "", {}).body;
    const std::string key = "antq_replica_reads_total{served_by=\"" + by + "\"} ";
    const auto at = m.find(key);
    return at == std::string::npos ? -1 : std::stoll(m.substr(at + key.size()));
  };
  const std::int64_t before = activities();
  add_activity();
  ASSERT_TRUE(eventually([&] { return activities() == before + 1 && served("replica") > 0; }));

  const ResumeReplay resume{replica_url};
  replay(replica_url, false);
  add_activity();
  // Past the allowed lag (300 ms): the primary answers what the replica has not replayed.
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  const auto primary_before = served("primary");
  EXPECT_EQ(activities(), before + 2);
  EXPECT_GT(served("primary"), primary_before);

  replay(replica_url, true);
  const auto replica_before = served("replica");
  ASSERT_TRUE(eventually([&] { return activities() == before + 2 && served("replica") > replica_before; }));
}
