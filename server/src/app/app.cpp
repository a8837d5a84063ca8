#include "app/app.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "app/modules.hpp"
#include "core/errors.hpp"
#include "core/keyring.hpp"
#include "core/log.hpp"
#include "db/migrations.hpp"
#include "db/replica_router.hpp"
#include "http/auth.hpp"
#include "http/metrics.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "http/server/server.hpp"
#include "http/static_files.hpp"
#include "modules/accounts/passwords.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/idempotency/idempotency_store.hpp"
#include "modules/module_host.hpp"
#include "modules/system/system_routes.hpp"

namespace antq::app {

db::Options database_options(const Config& c) {
  db::Options o;
  o.readers = std::max(1, c.db_readers);
  o.pool_size = std::max(1, c.db_pool_size);
  return o;
}

namespace {

// Uploads cut short by a crash (kill -9) leave their temporary files; an hour-old one is nobody's.
void clean_incoming(const std::string& attachments_dir) {
  const auto incoming = std::filesystem::path(attachments_dir) / "incoming";
  std::filesystem::create_directories(incoming);
  for (const auto& e : std::filesystem::directory_iterator(incoming)) {
    std::error_code ec;
    if (e.path().extension() == ".part" &&
        std::filesystem::last_write_time(e.path(), ec) < std::filesystem::file_time_type::clock::now() - std::chrono::hours(1)) {
      std::filesystem::remove(e.path(), ec);
    }
  }
}

// `db_replica`: a router sending the dashboard's reads to the replica while it keeps up. Only a
// PostgreSQL primary has streaming replicas; the replica's own pool is small (reports only).
std::unique_ptr<db::ReplicaRouter> open_replica(const Config& c, db::Database& primary) {
  if (c.db_replica.empty()) return nullptr;
  if (primary.engine() != db::Engine::postgresql || !c.db_replica.starts_with("postgres")) {
    throw OperatorError("db_replica chỉ dùng được khi CSDL chính là PostgreSQL, với một địa chỉ postgresql://… của bản sao.");
  }
  if (c.db_replica_max_lag_ms < 0) throw OperatorError("db_replica_max_lag_ms phải là một số mili giây không âm.");
  db::Options o = database_options(c);
  o.pool_size = std::max(2, o.pool_size / 4);
  db::ReplicaRouter::Options r;
  r.max_lag = std::chrono::milliseconds(c.db_replica_max_lag_ms);
  log::info("replica_configured", {{"max_lag_ms", c.db_replica_max_lag_ms}});
  return std::make_unique<db::ReplicaRouter>(
      primary, [url = c.db_replica, o] { return db::open(url, o); }, r);
}

std::string replica_metrics(const db::ReplicaRouter* r) {
  if (!r) return "";
  const auto n = r->counts();
  return "# HELP antq_replica_reads_total Dashboard reads by where they were served (db_replica).\n"
         "# TYPE antq_replica_reads_total counter\n"
         "antq_replica_reads_total{served_by=\"replica\"} " +
         std::to_string(n.replica) + "\nantq_replica_reads_total{served_by=\"primary\"} " + std::to_string(n.primary) + "\n";
}

}  // namespace

// Declared in the order they are made: what is destroyed first (the server) uses what comes later.
struct App::Impl {
  Config config;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<db::ReplicaRouter> replica;  // with `db_replica`: the dashboard's reads
  crypto::Keyring keys;
  std::unique_ptr<audit::AuditLog> audit;
  http::Router router;
  http::Metrics metrics;
  std::unique_ptr<modules::Host> modules;  // every module's services, routes and workers
  std::unique_ptr<idempotency::DbIdempotencyStore> idempotency;
  std::unique_ptr<http::StaticFiles> static_files;
  std::unique_ptr<http::ResponseCache> response_cache;  // before the pipeline that uses it
  std::unique_ptr<http::Pipeline> pipeline;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<system::Readiness> readiness;
};

App::App(const Config& config) : impl_(std::make_unique<Impl>()) {
  auto& i = *impl_;
  i.config = config;
  i.db = db::open(config.db, database_options(config));
  i.keys = load_keyring(config);
  const auto report = db::migrate(*i.db);
  for (const auto& name : report.applied) log::info("migration_applied", {{"name", name}});
  check_mail_settings(config);

  i.audit = std::make_unique<audit::AuditLog>(i.keys);
  i.replica = open_replica(config, *i.db);
  i.modules = std::make_unique<modules::Host>(module_settings(config), *i.db, i.keys, *i.audit, i.router, i.replica.get());
  clean_incoming(i.modules->settings.attachments_dir);
  install_modules(*i.modules);

  i.idempotency = std::make_unique<idempotency::DbIdempotencyStore>(*i.db, i.keys);
  const std::string web_root = resolve_web_root(config);
  if (web_root.empty()) {
    log::warn("web_root_missing", {{"hint", "chạy 'make build' để build giao diện web (web/dist)"}});
  } else {
    i.static_files = std::make_unique<http::StaticFiles>(web_root);
  }
  // Public reads shared by every visitor, kept while the database's change stamp stays the same.
  i.response_cache = std::make_unique<http::ResponseCache>([db = i.db.get()] { return db->change_stamp(); });
  i.db->change_stamp();  // PostgreSQL: starts listening for other instances' writes now, not at the first read
  i.pipeline = std::make_unique<http::Pipeline>(i.router, i.modules->need<http::Authenticator>(), i.idempotency.get(), i.static_files.get(),
                                                i.metrics, i.response_cache.get());
  i.server = std::make_unique<http::Server>(server_options(config), *i.pipeline);
  i.readiness = std::make_unique<system::Readiness>(*i.db, i.modules->settings.attachments_dir);
  system::register_routes(
      i.router, {*i.db, i.metrics, [s = i.server.get(), r = i.replica.get()] { return s->metrics_text() + replica_metrics(r); },
                 [m = i.modules.get()](boost::json::object& paths) { m->openapi_paths(paths); }, config.metrics_token, *i.readiness});
}

App::~App() {
  if (impl_ && impl_->server) impl_->server->stop();
  if (impl_ && impl_->modules) impl_->modules->stop_workers();
}

// The background workers (duplicate finder, outbox, rollup folder) run between start() and stop():
// stop() ends every one of them, so nothing writes to the database after the server has stopped.
std::uint16_t App::start() {
  // Before the first request, not in the module's constructor: a command-line run (an import, a
  // backup) builds the modules too and never logs anyone in; the hash costs ~0.15 s of CPU.
  accounts::prepare_dummy();
  impl_->modules->start_workers();
  return impl_->server->start();
}
void App::wait_for_signal() { impl_->server->wait_for_signal(); }
// /readyz turns 503 at once; requests keep being served for `period`, long enough for a load
// balancer that polls /readyz (or sees a 503 and retries elsewhere) to move new requests off.
void App::drain(std::chrono::milliseconds period) {
  impl_->readiness->drain();
  log::info("draining", {{"ms", static_cast<std::int64_t>(period.count())}});
  std::this_thread::sleep_for(period);
}
void App::stop() {
  impl_->server->stop();
  impl_->modules->stop_workers();
}
db::Database& App::database() { return *impl_->db; }
const audit::AuditLog& App::audit() const { return *impl_->audit; }
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
