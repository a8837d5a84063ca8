#include "integration/server_fixture.hpp"

#include <fstream>

#include "core/crypto.hpp"
#include "core/keyring.hpp"
#include "db/migrations.hpp"
#include "modules/accounts/authentication.hpp"
#include "modules/accounts/user_admin.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"

namespace antq::test {

const char* const kSmallList =
    "code,name,level,parent_code,full_name,unit_type\n"
    "51,Quảng Ngãi,province,,Tỉnh Quảng Ngãi,Tỉnh\n"
    "21220,Sơn Tịnh,commune,51,Xã Sơn Tịnh,Xã\n"
    "21211,Tịnh Khê,commune,51,Xã Tịnh Khê,Xã\n"
    "21172,Trương Quang Trọng,commune,51,Phường Trương Quang Trọng,Phường\n"
    "01,Hà Nội,province,,Thành phố Hà Nội,Thành phố trực thuộc trung ương\n"
    "09574,Sơn Tây,commune,01,Phường Sơn Tây,Phường\n";

ServerOptionsForTest pre_reform_units() {
  ServerOptionsForTest o;
  o.units_csv = read_source_file("data/units/vn_admin_3tier_2025-03-01.csv");
  o.units_label = "vn-3tier";
  o.seed_demo = false;
  return o;
}

std::map<std::string, std::string> bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::map<std::string, std::string> json_auth(const std::string& token) {
  auto h = bearer(token);
  h["Content-Type"] = "application/json";
  return h;
}

namespace {
void write_file(const std::filesystem::path& p, const std::string& content) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}
}  // namespace

ServerFixture::ServerFixture(const std::string& engine, const ServerOptionsForTest& options) {
  db_ = std::make_unique<TestDatabase>(engine);
  config_.db = db_->url();
  config_.data_key = crypto::random_hex(32);
  config_.listen = "127.0.0.1:0";
  config_.header_timeout_ms = options.header_timeout_ms;
  config_.body_timeout_ms = 2000;
  config_.require_totp_for_admins = options.require_totp_for_admins;
  config_.login_attempts_per_minute = options.login_attempts_per_minute;
  config_.public_challenge = options.public_challenge;
  config_.public_challenge_bits = options.public_challenge_bits;
  config_.public_rate_limit = options.public_rate_limit;
  config_.public_tips_per_hour = options.public_tips_per_hour;
  config_.public_follow_ups_per_hour = options.public_follow_ups_per_hour;
  config_.webhook_urls = options.webhook_urls;
  config_.public_tips_per_hour_per_unit = options.public_tips_per_hour_per_unit;
  config_.public_url = options.public_url;
  config_.metrics_token = options.metrics_token;
  config_.upload_min_rate_bytes = options.upload_min_rate_bytes;
  config_.upload_grace_ms = options.upload_grace_ms;
  config_.public_uploads_per_address = options.public_uploads_per_address;
  config_.trust_forwarded_for = options.trust_forwarded_for;
  config_.attachments_dir = (db_->dir() / "attachments").string();

  db::migrate(db_->db());
  const auto keys = app::load_keyring(config_);
  audit::AuditLog log(keys);
  units::import_units(db_->db(), options.units_csv.empty() ? kSmallList : options.units_csv, options.units_label);
  if (options.seed_demo) units::seed_demo(db_->db(), log);

  web_root_ = db_->dir() / "web";
  write_file(web_root_ / "index.html", "<!doctype html><html lang=\"vi\"><title>ANTQ</title><div id=root></div></html>");
  write_file(web_root_ / "assets" / "app-1a2b3c.js", std::string(4000, 'x'));
  write_file(web_root_ / "assets" / "app-1a2b3c.js.gz", "GZIP-BYTES");
  write_file(db_->dir() / "secret.txt", "outside the web root");
  config_.web_root = web_root_.string();

  national_admin_ = add_user("quantri", "admin", std::nullopt);
  if (options.units_label == "vn-2tier") commune_admin_ = add_user("admin.sontinh", "admin", std::string("21220"));
  if (options.configure) options.configure(config_);
  app_ = std::make_unique<app::App>(config_);
  port_ = app_->start();
}

std::string ServerFixture::add_user(const std::string& username, const std::string& role, const std::optional<std::string>& unit) {
  const auto keys = app::load_keyring(config_);
  audit::AuditLog log(keys);
  accounts::UserAdmin(db_->db(), log).add_user({username, kPassword, role, unit, ""});
  accounts::Authentication svc(db_->db(), keys, log, app::accounts_config(config_));
  return svc.create_token(username, std::nullopt).second;
}

ServerFixture::~ServerFixture() {
  app_.reset();
  db_.reset();
}

}  // namespace antq::test
