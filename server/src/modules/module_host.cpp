#include "modules/module_host.hpp"

#include "modules/cluster/shared_windows.hpp"

namespace antq::modules {

Host::Host(Settings settings, db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, http::Router& router,
           db::Database* report_db)
    : settings(std::move(settings)),
      db(db),
      report_db(report_db ? *report_db : db),
      keys(keys),
      audit(audit),
      router(router),
      windows(cluster::shared_window_counts(db, keys)) {}

Host::~Host() {
  stop_workers();
  while (!kept_.empty()) kept_.pop_back();
}

void Host::add_worker(std::function<void()> start, std::function<void()> stop) { workers_.push_back({std::move(start), std::move(stop)}); }

void Host::start_workers() {
  for (auto& w : workers_) w.start();
}

// Each worker's stop() may be called again (App::stop() and then the destructor).
void Host::stop_workers() {
  for (auto it = workers_.rbegin(); it != workers_.rend(); ++it) it->stop();
}

void Host::add_openapi_paths(std::function<void(boost::json::object& paths)> add) { openapi_.push_back(std::move(add)); }

void Host::openapi_paths(boost::json::object& paths) const {
  for (const auto& add : openapi_) add(paths);
}

}  // namespace antq::modules
