#include "app/cli_imports.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/app.hpp"
#include "app/modules.hpp"
#include "app/operator_file.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "db/migrations.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/credentials.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/imports/import_targets.hpp"
#include "modules/imports/imports_service.hpp"

namespace antq::app {

namespace bj = boost::json;

namespace {

// Without --user the command acts for the whole country with the write permission of every
// register: it is run by whoever holds the database, and its audit entry says "cli".
http::Principal operator_principal(const imports::Targets& targets) {
  http::Principal p;
  p.username = "cli";
  p.role = "national_admin";
  for (const auto& t : targets.all()) p.permissions.push_back(t->spec().write_permission);
  std::sort(p.permissions.begin(), p.permissions.end());
  p.permissions.erase(std::unique(p.permissions.begin(), p.permissions.end()), p.permissions.end());
  return p;
}

void print_counts(const bj::object& r, bool dry_run) {
  auto n = [&](const char* k) { return text::group_thousands(r.at(k).to_number<std::int64_t>()); };
  if (dry_run) {
    std::cout << "Thử (không ghi gì): " << n("rows") << " dòng — thêm " << n("create") << ", sửa " << n("update") << ", không đổi "
              << n("unchanged") << ", từ chối " << n("refused") << ".\n";
  } else {
    std::cout << "Lần nhập " << std::string(r.at("id").as_string()) << " (" << std::string(r.at("status").as_string()) << "): " << n("rows")
              << " dòng — thêm " << n("created") << ", sửa " << n("updated") << ", không đổi " << n("unchanged") << ", từ chối "
              << n("refused") << ".\n";
    if (!r.at("message").as_string().empty()) std::cout << std::string(r.at("message").as_string()) << "\n";
  }
  for (const auto& e : r.at("errors").as_array()) {
    const std::string column(e.at("column").as_string());
    std::cout << "  dòng " << e.at("row").to_number<std::int64_t>() << (column.empty() ? "" : ", cột " + column) << ": "
              << std::string(e.at("message").as_string()) << "\n";
  }
}

}  // namespace

int cmd_import_register(const Config& c, const ImportRegisterOptions& o) {
  const std::string bytes = read_file(o.file);

  auto db = db::open(c.db, database_options(c));
  db::migrate(*db);
  const auto keys = load_keyring(c);
  const audit::AuditLog audit(keys);
  // The modules as the server builds them (the same import targets and rules), without serving:
  // no worker starts, the run below drains the queue in this thread.
  http::Router router;
  modules::Host host(module_settings(c), *db, keys, audit, router);
  install_modules(host);
  http::Principal who = operator_principal(host.need<imports::Targets>());
  if (o.username) {
    who = db->read_value([&](db::Connection& conn) {
      const auto u = accounts::repo::find_user(conn, *o.username);
      if (!u || u->disabled) throw OperatorError("Không có tài khoản đang hoạt động tên '" + *o.username + "'.");
      return accounts::detail::principal_of(conn, *u);
    });
  }
  auto& service = host.need<imports::ImportsService>();
  const imports::Upload upload{o.register_name, std::filesystem::path(o.file).filename().string(), o.sheet, std::nullopt};
  try {
    if (o.dry_run) {
      const auto r = service.dry_run(who, upload, bytes);
      print_counts(r, true);
      return r.at("missing_columns").as_array().empty() ? 0 : 1;  // nothing could be checked
    }
    const auto r = service.run_now(who, upload, bytes);
    print_counts(r, false);
    return r.at("status") == "done" ? 0 : 1;
  } catch (const ApiError& e) {
    throw OperatorError(e.what());
  }
}

}  // namespace antq::app
