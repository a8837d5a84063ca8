// Every tip acknowledged with 201 survives the server being killed with SIGKILL under load: the
// answer is sent only after the commit that holds it is on disk (group commit included).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <regex>
#include <thread>

#include "core/crypto.hpp"
#include "core/keyring.hpp"
#include "db/migrations.hpp"
#include "integration/server_fixture.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;

namespace {

// Starts `antq serve` on a free port and returns its pid and port (read from its first line).
std::pair<pid_t, std::uint16_t> spawn_server(const std::string& db_url, const std::string& key, const std::string& dir) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::setenv("ANTQ_DATA_KEY", key.c_str(), 1);
    ::setenv("ANTQ_PUBLIC_CHALLENGE", "off", 1);
    ::setenv("ANTQ_PUBLIC_RATE_LIMIT", "off", 1);
    ::setenv("ANTQ_LOG_LEVEL", "error", 1);
    ::setenv("ANTQ_ATTACHMENTS_DIR", (dir + "/attachments").c_str(), 1);
    ::execl(ANTQ_BINARY, "antq", "serve", "--db", db_url.c_str(), "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(out[0]);
  std::smatch m;
  if (!std::regex_search(line, m, std::regex(":(\\d+)$"))) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    throw std::runtime_error("server did not start: '" + line + "'");
  }
  return {pid, static_cast<std::uint16_t>(std::stoi(m[1]))};
}

}  // namespace

class DurabilityTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DurabilityTest, EveryAcknowledgedTipSurvivesSigkillUnderLoad) {
  TestDatabase t(GetParam());
  db::migrate(t.db());
  units::import_units(t.db(), kSmallList, "vn-2tier");
  const std::string key = crypto::random_hex(32);
  const auto keys = crypto::Keyring::from_hex(key);
  audit::AuditLog log(keys);
  units::seed_demo(t.db(), log);
  auto [pid, port] = spawn_server(t.url(), key, t.dir().string());

  std::mutex m;
  std::vector<std::string> acknowledged;
  std::atomic<bool> killed{false};
  std::atomic<int> errors_before_kill{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 16; ++i) {
    clients.emplace_back([&, i] {
      for (int n = 0; !killed; ++n) {
        const std::string body = boost::json::serialize(boost::json::object{
            {"unit", "21220-00" + std::to_string(1 + i % 5)},
            {"category", "drugs"},
            {"description", "Tin báo kiểm tra độ bền số " + std::to_string(i) + "-" + std::to_string(n) + " khi máy chủ bị tắt đột ngột."},
            {"anonymous", true}});
        try {
          auto r = request(port, "POST", "/api/v1/public/tips", body, {{"Content-Type", "application/json"}});
          if (r.status == 201) {
            std::lock_guard g(m);
            acknowledged.push_back(std::string(r.json().at("tracking_code").as_string()));
          } else if (!killed) {
            ++errors_before_kill;
          }
        } catch (const std::exception&) {
          if (!killed) ++errors_before_kill;
        }
      }
    });
  }
  // Let load build up, then kill without warning while requests are in flight.
  for (int i = 0; i < 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::lock_guard g(m);
    if (acknowledged.size() >= 300) break;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  // The flag goes first: clients failing after the kill (refused connections, in a tight loop)
  // are expected, not errors under load.
  killed = true;
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  for (auto& c : clients) c.join();

  ASSERT_GE(acknowledged.size(), 100u) << "too little load to mean anything";
  EXPECT_EQ(errors_before_kill.load(), 0);
  auto db = t.open_again();  // as after a restart: SQLite recovers its WAL here
  std::size_t missing = 0;
  db->read([&](db::Connection& c) {
    for (const auto& code : acknowledged) {
      if (c.query("SELECT 1 FROM tips WHERE tracking_code = $1", code).rows.empty()) ++missing;
    }
  });
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged tips";
  // A restarted server serves them.
  auto [pid2, port2] = spawn_server(t.url(), key, t.dir().string());
  auto health = get(port2, "/healthz");
  EXPECT_EQ(health.status, 200);
  ::kill(pid2, SIGTERM);
  ::waitpid(pid2, nullptr, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, DurabilityTest, ::testing::ValuesIn(antq::test::engines()));
