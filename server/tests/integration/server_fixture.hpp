#pragma once
// A real server on port 0 against a real database (SQLite file or PostgreSQL schema), with a small
// web root, driven over sockets.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "app/config.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace antq::test {

struct ServerOptionsForTest {
  std::string units_csv;  // loaded as the live list before the server starts
  std::string units_label = "vn-2tier";
  bool seed_demo = true;
  long header_timeout_ms = 1500;
  bool require_totp_for_admins = false;
  long login_attempts_per_minute = 20;
  // Public tips: off by default so tests exercise one thing at a time; the tests of the
  // challenge and the rate limits switch them on.
  bool public_challenge = false;
  int public_challenge_bits = 8;
  bool public_rate_limit = false;
  int public_tips_per_hour = 20;
  int public_follow_ups_per_hour = 120;
  std::string webhook_urls;
  int public_tips_per_hour_per_unit = 300;
  std::string public_url;
  std::string metrics_token;
  long upload_min_rate_bytes = 16 * 1024;
  long upload_grace_ms = 30000;
  int public_uploads_per_address = 2;
  bool trust_forwarded_for = false;  // tests of per-address rules send X-Forwarded-For
  // Any other setting, applied last (e.g. smtp_url, public_opinions_per_hour).
  std::function<void(app::Config&)> configure;
};

// The pre-reform 3-tier unit list (data/units/vn_admin_3tier_2025-03-01.csv) as the live list,
// without demo data: Sơn Tây as a district (seed 003), the communes the 2025 reform merged.
ServerOptionsForTest pre_reform_units();

// Authorization headers for an API token.
std::map<std::string, std::string> bearer(const std::string& token);
// The same with "Content-Type: application/json", for bodies.
std::map<std::string, std::string> json_auth(const std::string& token);

class ServerFixture {
 public:
  ServerFixture(const std::string& engine, const ServerOptionsForTest& options);
  ~ServerFixture();
  std::uint16_t port() const { return port_; }
  app::App& app() { return *app_; }
  TestDatabase& database() { return *db_; }
  const std::filesystem::path& web_root() const { return web_root_; }
  const app::Config& config() const { return config_; }

  // Creates an account (password "Mat-khau-du-dai-2026") and returns an API token for it.
  std::string add_user(const std::string& username, const std::string& role, const std::optional<std::string>& unit);
  // Tokens of the accounts every fixture has: a national admin and an admin of Xã Sơn Tịnh.
  const std::string& national_admin() const { return national_admin_; }
  const std::string& commune_admin() const { return commune_admin_; }
  static constexpr const char* kPassword = "Mat-khau-du-dai-2026";

 private:
  std::unique_ptr<TestDatabase> db_;
  app::Config config_;
  std::string national_admin_, commune_admin_;
  std::unique_ptr<app::App> app_;
  std::filesystem::path web_root_;
  std::uint16_t port_ = 0;
};

// Quảng Ngãi with Xã Sơn Tịnh (21220) and two more communes, as in the current list.
extern const char* const kSmallList;

}  // namespace antq::test
