#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/app.hpp"
#include "app/config.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/time.hpp"
#include "db/migrations.hpp"
#include "modules/accounts/accounts_service.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"

namespace antq::app {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OperatorError("Không đọc được tệp '" + path + "'.");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void print_import(const units::ImportReport& r) {
  std::cout << "Đơn vị: thêm " << r.inserted << ", cập nhật " << r.updated << ", giữ nguyên " << r.unchanged
            << ", thôi hoạt động " << r.retired << ", kế thừa " << r.successions << ", kế thừa theo mã "
            << r.successions_by_code << ", thôn/cơ sở chuyển sang đơn vị mới "
            << r.local_moved;
  if (r.local_orphaned) std::cout << ", thôn/cơ sở còn dưới đơn vị cũ không có kế thừa " << r.local_orphaned;
  std::cout << ".\n";
}

std::unique_ptr<db::Database> open_db(const Config& c) { return db::open(c.db, database_options(c)); }

int cmd_init(const Config& c, const std::string& units_list, bool password_stdin) {
  auto db = open_db(c);
  db::migrate(*db);
  accounts::AccountsService accounts(*db);
  if (accounts.user_exists("admin")) {
    std::cout << "CSDL " << db::redact_url(c.db) << " đã được khởi tạo trước đó: không thay đổi gì.\n";
    return 0;
  }
  std::string password;
  if (password_stdin) {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  }
  // Validate before loading the units, so a bad password changes nothing.
  if (password_stdin && password.size() < accounts::kMinPasswordLength) {
    throw BadRequest("Mật khẩu phải có ít nhất " + std::to_string(accounts::kMinPasswordLength) + " ký tự.");
  }
  if (units_list != "none") {
    auto list = units::shipped_list(units_list);
    if (!list) throw OperatorError("Danh mục đơn vị không hợp lệ: '" + units_list + "' (vn-2tier, vn-3tier, none).");
    print_import(units::import_units(*db, *list, units_list));
  }
  const bool generated = !password_stdin;
  if (generated) password = crypto::generate_password();
  accounts.create_admin(password);
  std::cout << "Đã khởi tạo CSDL " << db::redact_url(c.db) << " với danh mục '" << units_list << "'.\n";
  if (generated) {
    std::cout << "Tài khoản quản trị: admin\nMật khẩu (chỉ hiện một lần, hãy lưu lại):\n" << password << "\n";
  }
  return 0;
}

int cmd_serve(const Config& c) {
  App app(c);
  const auto port = app.start();
  const auto opts = server_options(c);
  std::cout << "antq: listening on http://" << (opts.host.find(':') != std::string::npos ? "[" + opts.host + "]" : opts.host)
            << ":" << port << std::endl;
  log::info("server_started", {{"port", port}, {"database", db::engine_name(app.database().engine())}});
  app.wait_for_signal();
  app.stop();
  log::info("server_stopped");
  log::flush();
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"ANTQ — nền tảng phong trào Toàn dân bảo vệ an ninh Tổ quốc"};
  cli.require_subcommand(1);
  std::optional<std::string> config_file;
  std::string db_url, listen, web_root;
  cli.add_option_function<std::string>("--config", [&](const std::string& v) { config_file = v; }, "Tệp cấu hình TOML");

  auto add_db = [&](CLI::App* sub) { sub->add_option("--db", db_url, "sqlite:ĐƯỜNG_DẪN hoặc postgresql://user@host:port/db"); };

  auto* init = cli.add_subcommand("init", "Tạo CSDL, nạp danh mục đơn vị và tài khoản admin");
  add_db(init);
  std::string units_list = "vn-2tier";
  bool password_stdin = false;
  init->add_option("--units", units_list, "vn-2tier | vn-3tier | none")->check(CLI::IsMember({"vn-2tier", "vn-3tier", "none"}));
  init->add_flag("--admin-password-stdin", password_stdin, "Đọc mật khẩu admin từ stdin");

  auto* serve = cli.add_subcommand("serve", "Chạy máy chủ API và giao diện web");
  add_db(serve);
  serve->add_option("--listen", listen, "HOST:PORT (mặc định 127.0.0.1:8080; cổng 0 = tự chọn)");
  serve->add_option("--web-root", web_root, "Thư mục giao diện web đã build");
  serve->add_option_function<std::string>("--config", [&](const std::string& v) { config_file = v; }, "Tệp cấu hình TOML");

  auto* migrate = cli.add_subcommand("migrate", "Cập nhật cấu trúc CSDL lên phiên bản mới nhất");
  add_db(migrate);

  auto* import = cli.add_subcommand("import", "Nhập dữ liệu");
  import->require_subcommand(1);
  auto* import_units = import->add_subcommand("units", "Nhập danh mục đơn vị hành chính (CSV)");
  add_db(import_units);
  std::string file, version, successions;
  import_units->add_option("--file", file, "CSV: code,name,level,parent_code[,full_name,unit_type]")->required();
  import_units->add_option("--version", version, "Nhãn phiên bản danh mục, ví dụ vn-2tier-2026")->required();
  import_units->add_option("--successions", successions, "CSV: old_code,new_code");

  auto* seed = cli.add_subcommand("seed", "Nạp dữ liệu mẫu");
  seed->require_subcommand(1);
  auto* seed_demo = seed->add_subcommand("demo", "Dữ liệu mẫu để dùng thử");
  add_db(seed_demo);

  cli.add_subcommand("version", "In phiên bản")->callback([] { std::cout << "antq " << ANTQ_VERSION << "\n"; });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    crypto::init();
    Config c = load_config(config_file);
    if (!db_url.empty()) c.db = db_url;
    if (!listen.empty()) c.listen = listen;
    if (!web_root.empty()) c.web_root = web_root;
    // Commands other than `serve` keep standard error for real problems only.
    log::setup(serve->parsed() ? c.log_level : "warn");

    if (init->parsed()) return cmd_init(c, units_list, password_stdin);
    if (serve->parsed()) return cmd_serve(c);
    if (migrate->parsed()) {
      auto db = open_db(c);
      const auto r = db::migrate(*db);
      std::cout << (r.applied.empty() ? "CSDL đã ở phiên bản mới nhất" : "Đã áp dụng " + std::to_string(r.applied.size()) + " migration")
                << " (phiên bản " << r.current_version << ").\n";
      return 0;
    }
    if (import_units->parsed()) {
      auto db = open_db(c);
      db::migrate(*db);
      std::optional<std::string> succ;
      if (!successions.empty()) succ = read_file(successions);
      print_import(units::import_units(*db, read_file(file), version, succ ? std::optional<std::string_view>(*succ) : std::nullopt));
      return 0;
    }
    if (seed_demo->parsed()) {
      auto db = open_db(c);
      db::migrate(*db);
      const auto r = units::seed_demo(*db);
      std::cout << "Dữ liệu mẫu: thêm " << r.created << " thôn/cơ sở";
      if (r.skipped_communes) std::cout << " (bỏ qua " << r.skipped_communes << " xã không có trong danh mục hiện hành)";
      std::cout << ".\n";
      return 0;
    }
    return 0;
  } catch (const ApiError& e) {
    std::cerr << "antq: " << e.what() << "\n";
    return 2;
  } catch (const OperatorError& e) {
    std::cerr << "antq: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "antq: lỗi: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace antq::app
