#include "app/app.hpp"

#include <algorithm>
#include <filesystem>

#include "core/keyring.hpp"
#include "core/log.hpp"
#include "db/migrations.hpp"
#include "http/auth.hpp"
#include "http/metrics.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "http/server/server.hpp"
#include "http/static_files.hpp"
#include "modules/accounts/accounts_routes.hpp"
#include "modules/accounts/authentication.hpp"
#include "modules/accounts/user_admin.hpp"
#include "modules/accounts/session_authenticator.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/audit/audit_routes.hpp"
#include "modules/catalog/catalog_routes.hpp"
#include "modules/groups/members_routes.hpp"
#include "modules/idempotency/idempotency_store.hpp"
#include "modules/mediations/mediation_book.hpp"
#include "modules/models/replications.hpp"
#include "modules/evaluations/evaluations_routes.hpp"
#include "modules/movement/movement.hpp"
#include "modules/reports/reports_routes.hpp"
#include "modules/notifications/notifications_routes.hpp"
#include "modules/notifications/outbox.hpp"
#include "modules/notifications/smtp_sender.hpp"
#include "modules/notifications/webhook_sender.hpp"
#include "modules/opinions/public_opinions.hpp"
#include "modules/registers/register_openapi.hpp"
#include "modules/registers/register_routes.hpp"
#include "modules/reintegration/reintegration_routes.hpp"
#include "modules/registers/register_service.hpp"
#include "modules/system/system_routes.hpp"
#include "modules/tips/tip_notify.hpp"
#include "modules/tips/tips_routes.hpp"
#include "modules/tips/tips_service.hpp"
#include "modules/units/units_routes.hpp"
#include "modules/units/units_service.hpp"

namespace antq::app {

db::Options database_options(const Config& c) {
  db::Options o;
  o.readers = std::max(1, c.db_readers);
  o.pool_size = std::max(1, c.db_pool_size);
  return o;
}

struct App::Impl {
  Config config;
  std::unique_ptr<db::Database> db;
  crypto::Keyring keys;
  std::unique_ptr<audit::AuditLog> audit;
  http::Router router;
  http::Metrics metrics;
  std::unique_ptr<accounts::Authentication> authentication;
  std::unique_ptr<accounts::UserAdmin> users;
  std::unique_ptr<accounts::SessionAuthenticator> auth;
  std::unique_ptr<idempotency::DbIdempotencyStore> idempotency;
  std::unique_ptr<http::StaticFiles> static_files;
  std::unique_ptr<units::UnitsService> units;
  std::unique_ptr<notifications::Dispatcher> dispatcher;
  std::unique_ptr<tips::TipsService> tips;
  std::vector<std::unique_ptr<registers::RegisterService>> registers;
  std::unique_ptr<evaluations::EvaluationsService> evaluations;
  std::unique_ptr<reports::Rollups> rollups;
  std::unique_ptr<reports::ReportsService> reports;
  std::unique_ptr<http::Pipeline> pipeline;
  std::unique_ptr<http::Server> server;
};

App::App(const Config& config) : impl_(std::make_unique<Impl>()) {
  auto& i = *impl_;
  i.config = config;
  i.db = db::open(config.db, database_options(config));
  i.keys = load_keyring(config);
  const auto report = db::migrate(*i.db);
  for (const auto& name : report.applied) log::info("migration_applied", {{"name", name}});

  i.audit = std::make_unique<audit::AuditLog>(i.keys);
  i.authentication = std::make_unique<accounts::Authentication>(*i.db, i.keys, *i.audit, accounts_config(config));
  i.users = std::make_unique<accounts::UserAdmin>(*i.db, *i.audit);
  i.auth = std::make_unique<accounts::SessionAuthenticator>(*i.authentication);
  i.idempotency = std::make_unique<idempotency::DbIdempotencyStore>(*i.db, i.keys);
  i.units = std::make_unique<units::UnitsService>(*i.db, *i.audit);
  const std::string web_root = resolve_web_root(config);
  if (web_root.empty()) {
    log::warn("web_root_missing", {{"hint", "chạy 'make build' để build giao diện web (web/dist)"}});
  } else {
    i.static_files = std::make_unique<http::StaticFiles>(web_root);
  }

  check_mail_settings(config);
  std::vector<std::unique_ptr<notifications::Sender>> senders;
  senders.push_back(std::make_unique<notifications::WebhookSender>(config.webhook_secret));
  if (!config.smtp_url.empty()) {
    senders.push_back(std::make_unique<notifications::SmtpSender>(notifications::SmtpOptions{config.smtp_url, config.mail_from},
                                                                  tips::notify::composer(*i.db, i.keys, config.public_url)));
  }
  i.dispatcher = std::make_unique<notifications::Dispatcher>(*i.db, std::move(senders));
  tips::TipsOptions tips_options;
  tips_options.challenge = config.public_challenge;
  tips_options.challenge_bits = std::clamp(config.public_challenge_bits, 0, 24);
  tips_options.rate_limit = config.public_rate_limit;
  tips_options.tips_per_hour_per_address = config.public_tips_per_hour;
  tips_options.tips_per_hour_per_unit = config.public_tips_per_hour_per_unit;
  tips_options.follow_ups_per_hour_per_address = config.public_follow_ups_per_hour;
  tips_options.attachments_dir = attachments_dir(config);
  tips_options.webhook_urls = webhook_urls(config);
  tips_options.email_updates = !config.smtp_url.empty();
  i.tips = std::make_unique<tips::TipsService>(*i.db, i.keys, *i.audit, tips_options);
  i.tips->on_intake([d = i.dispatcher.get()] { d->wake(); });
  const auto incoming = std::filesystem::path(tips_options.attachments_dir) / "incoming";
  std::filesystem::create_directories(incoming);
  // Uploads cut short by a crash (kill -9) leave their temporary files; an hour-old one is nobody's.
  for (const auto& e : std::filesystem::directory_iterator(incoming)) {
    std::error_code ec;
    if (e.path().extension() == ".part" &&
        std::filesystem::last_write_time(e.path(), ec) < std::filesystem::file_time_type::clock::now() - std::chrono::hours(1)) {
      std::filesystem::remove(e.path(), ec);
    }
  }

  accounts::register_routes(i.router, *i.authentication, *i.users, {config.secure_cookies});
  notifications::register_routes(i.router, *i.db);
  tips::register_public_routes(i.router, *i.tips);
  tips::register_staff_routes(i.router, *i.tips);
  tips::register_poster_route(i.router, *i.db, config.public_url);
  catalog::register_routes(i.router, *i.db, *i.audit);
  // The movement registers (C4–C6, C9): one engine, one spec each.
  for (auto spec : movement::specs()) {
    i.registers.push_back(std::make_unique<registers::RegisterService>(std::move(spec), *i.db, i.keys, *i.audit));
    i.registers.back()->set_attachments_dir((std::filesystem::path(tips_options.attachments_dir) / "registers").string());
    registers::register_routes(i.router, *i.registers.back(), *i.db);
    if (i.registers.back()->spec().name == "models") {
      models::register_replication_routes(i.router, *i.registers.back(), *i.db, *i.audit);
    }
    if (i.registers.back()->spec().name == "groups") {
      groups::register_member_routes(i.router, *i.registers.back(), *i.db, *i.audit);
    }
    if (i.registers.back()->spec().name == "mediations") {
      mediations::register_book_route(i.router, *i.registers.back(), *i.db);
    }
    if (i.registers.back()->spec().name == "reintegration/people") {
      reintegration::register_routes(i.router, *i.registers.back(), *i.db, i.keys, *i.audit);
    }
    if (i.registers.back()->spec().name == "opinions") {
      opinions::register_public_route(i.router, *i.registers.back(), *i.db, config.public_rate_limit ? config.public_opinions_per_hour : 0);
    }
  }
  i.evaluations = std::make_unique<evaluations::EvaluationsService>(
      *i.db, *i.audit, (std::filesystem::path(tips_options.attachments_dir) / "evaluations").string());
  evaluations::register_routes(i.router, *i.evaluations, *i.db, *i.audit);
  // Reports (C11): the rollup folds in the background (from start()); a report folds what is left first.
  i.rollups = std::make_unique<reports::Rollups>(*i.db);
  i.reports = std::make_unique<reports::ReportsService>(*i.db, *i.rollups, *i.audit);
  reports::register_routes(i.router, *i.reports);
  audit::register_routes(i.router, *i.db, *i.audit);
  units::register_routes(i.router, *i.units);
  i.pipeline = std::make_unique<http::Pipeline>(i.router, *i.auth, i.idempotency.get(), i.static_files.get(), i.metrics);
  i.server = std::make_unique<http::Server>(server_options(config), *i.pipeline);
  system::register_routes(i.router, {*i.db, i.metrics, [s = i.server.get()] { return s->metrics_text(); },
                                     [&i](boost::json::object& paths) {
                                       for (const auto& r : i.registers) registers::add_openapi_paths(r->spec(), paths);
                                     },
                                     config.metrics_token});
}

App::~App() {
  if (impl_ && impl_->server) impl_->server->stop();
  if (impl_ && impl_->tips) impl_->tips->stop_background();
  if (impl_ && impl_->dispatcher) impl_->dispatcher->stop();
  if (impl_ && impl_->rollups) impl_->rollups->stop_background();
}

// The background workers (duplicate finder, outbox, rollup folder) run between start() and stop():
// stop() ends every one of them, so nothing writes to the database after the server has stopped.
std::uint16_t App::start() {
  impl_->tips->start_background();
  impl_->dispatcher->start();
  impl_->rollups->start_background(std::chrono::milliseconds(1000));
  return impl_->server->start();
}
void App::wait_for_signal() { impl_->server->wait_for_signal(); }
void App::stop() {
  impl_->server->stop();
  impl_->tips->stop_background();
  impl_->dispatcher->stop();
  impl_->rollups->stop_background();
}
db::Database& App::database() { return *impl_->db; }
http::Pipeline& App::pipeline() { return *impl_->pipeline; }

std::vector<std::string> App::route_list() const {
  std::vector<std::string> out;
  for (const auto& r : impl_->router.routes()) out.push_back(r.spec.method + " " + r.spec.pattern);
  return out;
}

std::vector<std::string> App::public_route_list() const {
  std::vector<std::string> out;
  for (const auto& r : impl_->router.routes()) {
    if (r.spec.access == http::Access::public_) out.push_back(r.spec.method + " " + r.spec.pattern);
  }
  return out;
}

}  // namespace antq::app
