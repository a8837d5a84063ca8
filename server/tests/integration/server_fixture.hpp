#pragma once
// A real server on port 0 against a real database (SQLite file or PostgreSQL schema), with a small
// web root, driven over sockets.
#include <filesystem>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "http/auth.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace antq::test {

// Authenticates requests that carry "X-Test-User: <unit code or 'national'>" as an admin scoped
// to that unit, standing in for the accounts module's sessions; every other request is anonymous.
class HeaderAuthenticator final : public http::Authenticator {
 public:
  explicit HeaderAuthenticator(db::Database& db) : db_(db) {}
  std::optional<http::Principal> authenticate(const http::Request& req) override;

 private:
  db::Database& db_;
};

struct ServerOptionsForTest {
  std::string units_csv;           // loaded as the live list before the server starts
  std::string units_label = "vn-2tier";
  bool seed_demo = true;
  long header_timeout_ms = 1500;
};

class ServerFixture {
 public:
  ServerFixture(const std::string& engine, const ServerOptionsForTest& options);
  ~ServerFixture();
  std::uint16_t port() const { return port_; }
  app::App& app() { return *app_; }
  TestDatabase& database() { return *db_; }
  const std::filesystem::path& web_root() const { return web_root_; }

 private:
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<HeaderAuthenticator> auth_;
  std::unique_ptr<app::App> app_;
  std::filesystem::path web_root_;
  std::uint16_t port_ = 0;
};

// Quảng Ngãi with Xã Sơn Tịnh (21220) and two more communes, as in the current list.
extern const char* const kSmallList;

}  // namespace antq::test
