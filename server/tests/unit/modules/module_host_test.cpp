// How modules install themselves (issue 13 item 4): what one offers the next finds by type, a
// missing offer is a wiring error at start-up, workers start in install order and stop in reverse,
// and what a module keeps lives as long as the host and goes in reverse order.
#include "modules/module_host.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "support/test_database.hpp"

using namespace antq;

namespace {

struct Dispatcher {
  int wakes = 0;
};

struct Noted {
  Noted(std::vector<std::string>& log, std::string name) : log(log), name(std::move(name)) {}
  ~Noted() { log.push_back("~" + name); }
  std::vector<std::string>& log;
  std::string name;
};

class ModuleHostTest : public ::testing::Test {
 protected:
  test::TestDatabase database{"sqlite"};
  crypto::Keyring keys = crypto::Keyring::from_hex(crypto::random_hex(32));
  audit::AuditLog audit{keys};
  http::Router router;
};

}  // namespace

TEST_F(ModuleHostTest, WhatOneModuleOffersALaterOneFinds) {
  modules::Host host({}, database.db(), keys, audit, router);
  EXPECT_EQ(host.find<Dispatcher>(), nullptr);
  EXPECT_THROW(host.need<Dispatcher>(), std::logic_error);  // installed in the wrong order
  auto& d = host.keep<Dispatcher>();
  host.offer(d);
  host.need<Dispatcher>().wakes++;
  EXPECT_EQ(d.wakes, 1);
  EXPECT_EQ(host.find<Dispatcher>(), &d);
}

TEST_F(ModuleHostTest, WorkersStartInInstallOrderAndStopInReverse) {
  std::vector<std::string> log;
  {
    modules::Host host({}, database.db(), keys, audit, router);
    host.add_worker([&] { log.push_back("start outbox"); }, [&] { log.push_back("stop outbox"); });
    host.add_worker([&] { log.push_back("start rollups"); }, [&] { log.push_back("stop rollups"); });
    host.start_workers();
    host.stop_workers();
  }  // the destructor stops them again: a second stop must be harmless
  EXPECT_EQ(log, (std::vector<std::string>{"start outbox", "start rollups", "stop rollups", "stop outbox", "stop rollups", "stop outbox"}));
}

TEST_F(ModuleHostTest, KeptServicesLiveAsLongAsTheHostAndGoInReverse) {
  std::vector<std::string> log;
  {
    modules::Host host({}, database.db(), keys, audit, router);
    host.keep<Noted>(log, "accounts");
    host.keep<Noted>(log, "tips");  // may use accounts: goes first
    host.add_worker([] {}, [&] { log.push_back("stop tips worker"); });
    EXPECT_TRUE(log.empty());
  }
  EXPECT_EQ(log, (std::vector<std::string>{"stop tips worker", "~tips", "~accounts"}));
}

TEST_F(ModuleHostTest, OpenApiPathsComeFromEveryContributor) {
  modules::Host host({}, database.db(), keys, audit, router);
  host.add_openapi_paths([](boost::json::object& p) { p["/api/v1/models"] = boost::json::object{}; });
  host.add_openapi_paths([](boost::json::object& p) { p["/api/v1/groups"] = boost::json::object{}; });
  boost::json::object paths;
  host.openapi_paths(paths);
  EXPECT_TRUE(paths.contains("/api/v1/models"));
  EXPECT_TRUE(paths.contains("/api/v1/groups"));
}
