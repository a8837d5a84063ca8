#include "integration/server_fixture.hpp"

#include <fstream>

#include "db/migrations.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"
#include "modules/units/units_service.hpp"

namespace antq::test {

const char* const kSmallList =
    "code,name,level,parent_code,full_name,unit_type\n"
    "51,Quảng Ngãi,province,,Tỉnh Quảng Ngãi,Tỉnh\n"
    "21220,Sơn Tịnh,commune,51,Xã Sơn Tịnh,Xã\n"
    "21211,Tịnh Khê,commune,51,Xã Tịnh Khê,Xã\n"
    "21172,Trương Quang Trọng,commune,51,Phường Trương Quang Trọng,Phường\n"
    "01,Hà Nội,province,,Thành phố Hà Nội,Thành phố trực thuộc trung ương\n"
    "09574,Sơn Tây,commune,01,Phường Sơn Tây,Phường\n";

std::optional<http::Principal> HeaderAuthenticator::authenticate(const http::Request& req) {
  const auto who = req.header("x-test-user");
  if (who.empty()) return std::nullopt;
  if (who == "national") return http::Principal{"1", "admin", "admin", "", ""};
  units::UnitsService units(db_);
  auto path = units.path_of(std::string(who));
  if (!path) return std::nullopt;
  return http::Principal{"2", "admin-" + std::string(who), "admin", std::string(who), *path};
}

namespace {
void write_file(const std::filesystem::path& p, const std::string& content) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}
}  // namespace

ServerFixture::ServerFixture(const std::string& engine, const ServerOptionsForTest& options) {
  db_ = std::make_unique<TestDatabase>(engine);
  db::migrate(db_->db());
  units::import_units(db_->db(), options.units_csv.empty() ? kSmallList : options.units_csv, options.units_label);
  if (options.seed_demo) units::seed_demo(db_->db());

  web_root_ = db_->dir() / "web";
  write_file(web_root_ / "index.html", "<!doctype html><html lang=\"vi\"><title>ANTQ</title><div id=root></div></html>");
  write_file(web_root_ / "assets" / "app-1a2b3c.js", std::string(4000, 'x'));
  write_file(web_root_ / "assets" / "app-1a2b3c.js.gz", "GZIP-BYTES");
  write_file(db_->dir() / "secret.txt", "outside the web root");

  app::Config c;
  c.db = db_->url();
  c.listen = "127.0.0.1:0";
  c.web_root = web_root_.string();
  c.header_timeout_ms = options.header_timeout_ms;
  c.body_timeout_ms = 2000;
  auth_ = std::make_unique<HeaderAuthenticator>(db_->db());
  app_ = std::make_unique<app::App>(c, auth_.get());
  port_ = app_->start();
}

ServerFixture::~ServerFixture() {
  app_.reset();
  auth_.reset();
  db_.reset();
}

}  // namespace antq::test
