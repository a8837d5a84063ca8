#pragma once
// How a module joins the server. Each capability has an `install(Host&)` (modules/<m>/<m>_install.cpp)
// that builds its services, adds its routes and its background work, and offers what later
// modules use; app/modules.cpp lists the installs in order. A new module is one line there:
// app/app.cpp (the database, the pipeline, the HTTP server) does not change.
#include <boost/json/object.hpp>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <vector>

#include "core/keyring.hpp"
#include "core/rate_limiter.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/accounts/accounts_config.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::modules {

// What modules read of the server's configuration (app::Config, resolved by the app: modules do
// not see the configuration file nor the HTTP server's settings).
struct Settings {
  std::string public_url;       // printed on QR posters and in e-mails; empty: the request's own address
  std::string attachments_dir;  // uploaded files, outside the web root
  bool secure_cookies = false;  // served over TLS
  accounts::AccountsConfig accounts;
  // The public forms (tips, opinions). `public_rate_limit` off switches every public limit off.
  bool public_challenge = true;
  int public_challenge_bits = 16;
  bool public_rate_limit = true;
  int public_tips_per_hour = 20;
  int public_tips_per_hour_per_unit = 300;
  int public_follow_ups_per_hour = 120;
  int public_opinions_per_hour = 20;
  // Outgoing messages.
  std::vector<std::string> webhook_urls;
  std::string webhook_secret;
  std::string smtp_url;  // empty: no e-mail
  std::string mail_from;
  std::string web_root;  // the built web app ("" : none): pages the server fills in (a post's Open Graph tags)
  std::string news_quiet_hours = "21:00-06:00";
  int news_warnings_per_day = 3;
  int news_senders = 4;
  std::string news_zalo_url, news_zalo_token, news_zalo_secret;
};

class Host {
 public:
  // `report_db`: where reads that may lag a little go (a replica router, `db_replica`); null: `db`.
  Host(Settings settings, db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, http::Router& router,
       db::Database* report_db = nullptr);
  // What was kept goes in the reverse order it was made (a service before what it uses).
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  const Settings settings;
  db::Database& db;
  // Reports and the dashboard read here: `db` itself, or a streaming replica while it keeps up
  // (db::ReplicaRouter). Their writes (the rollup's fold) still go to `db`.
  db::Database& report_db;
  const crypto::Keyring& keys;
  const audit::AuditLog& audit;
  http::Router& router;
  // What every rate limit and flood counter counts in: shared by all instances on PostgreSQL.
  const std::shared_ptr<WindowCounts> windows;

  // Builds a T that lives as long as the server.
  template <class T, class... Args>
  T& keep(Args&&... args) {
    auto p = std::make_shared<T>(std::forward<Args>(args)...);
    kept_.push_back(p);
    return *p;
  }

  // Offers `x` to the modules installed after this one (one of each type), which find it by type.
  template <class T>
  void offer(T& x) {
    offered_[std::type_index(typeid(T))] = &x;
  }
  template <class T>
  T* find() const {
    const auto it = offered_.find(std::type_index(typeid(T)));
    return it == offered_.end() ? nullptr : static_cast<T*>(it->second);
  }
  // A module that needs what another offers is installed after it (app/modules.cpp): a miss is a
  // wiring mistake, reported at start-up.
  template <class T>
  T& need() const {
    if (auto* p = find<T>()) return *p;
    throw std::logic_error(std::string("module wiring: nothing offers ") + typeid(T).name() + " yet");
  }

  // Background work: App::start() starts it in install order, App::stop() stops it in reverse.
  void add_worker(std::function<void()> start, std::function<void()> stop);
  void start_workers();
  void stop_workers();

  // Paths generated from data (the registers' specs), merged into the served OpenAPI document.
  void add_openapi_paths(std::function<void(boost::json::object& paths)> add);
  void openapi_paths(boost::json::object& paths) const;

 private:
  struct Worker {
    std::function<void()> start, stop;
  };
  std::vector<std::shared_ptr<void>> kept_;
  std::unordered_map<std::type_index, void*> offered_;
  std::vector<Worker> workers_;
  std::vector<std::function<void(boost::json::object&)>> openapi_;
};

}  // namespace antq::modules
