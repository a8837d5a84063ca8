#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/app.hpp"
#include "app/cli_text.hpp"
#include "app/config.hpp"
#include "app/reseal_secrets.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/keyring.hpp"
#include "core/log.hpp"
#include "db/migrations.hpp"
#include "modules/accounts/authentication.hpp"
#include "modules/accounts/passwords.hpp"
#include "modules/accounts/user_admin.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/demo/demo_seed.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/reports/synthetic.hpp"

namespace antq::app {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OperatorError("Không đọc được tệp '" + path + "'.");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The password exactly as typed (only the line ending removed), as the API reads it.
std::string read_password_stdin() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void print_import(const units::ImportReport& r) {
  std::cout << "Đơn vị: thêm " << r.inserted << ", cập nhật " << r.updated << ", giữ nguyên " << r.unchanged
            << ", thôi hoạt động " << r.retired << ", kế thừa " << r.successions << ", kế thừa theo mã "
            << r.successions_by_code << ", thôn/cơ sở chuyển sang đơn vị mới " << r.local_moved;
  if (r.local_orphaned) std::cout << ", thôn/cơ sở còn dưới đơn vị cũ không có kế thừa " << r.local_orphaned;
  std::cout << ".\n";
}

// A database handle with everything the commands need, opened and migrated.
struct Context {
  Config config;
  std::unique_ptr<db::Database> db;
  crypto::Keyring keys;
  std::unique_ptr<audit::AuditLog> audit;

  explicit Context(const Config& c, bool create_key = false) : config(c) {
    db = db::open(c.db, database_options(c));  // a wrong URL is reported before a missing key
    if (create_key && c.data_key.empty() && !std::filesystem::exists(key_file_path(c))) {
      keys = crypto::Keyring::create_file(key_file_path(c));
      std::cout << "Đã tạo khóa dữ liệu " << key_file_path(c) << " (quyền 0600): hãy sao lưu riêng, không để cùng bản sao CSDL.\n";
    } else {
      keys = load_keyring(c);
    }
    db::migrate(*db);
    audit = std::make_unique<audit::AuditLog>(keys);
  }
  accounts::UserAdmin users() { return accounts::UserAdmin(*db, *audit); }
  accounts::Authentication authentication() {
    return accounts::Authentication(*db, keys, *audit, accounts_config(config));
  }
  void record(const std::string& action, const std::string& details) {
    db->write([&](db::Connection& c) { audit->record(c, {"cli", action, "", "", "", "", "", "", details}); });
  }
};

int cmd_init(const Config& c, const std::string& units_list, bool password_stdin) {
  Context ctx(c, true);
  auto accounts = ctx.users();
  if (accounts.user_exists("admin")) {
    std::cout << "CSDL " << db::redact_url(c.db) << " đã được khởi tạo trước đó: không thay đổi gì.\n";
    return 0;
  }
  std::string password;
  if (password_stdin) {
    password = read_password_stdin();
    // Checked before the units are loaded, so a bad password changes nothing.
    accounts::check_new_password("admin", password, "password");
  }
  if (units_list != "none") {
    auto list = units::shipped_list(units_list);
    if (!list) throw OperatorError("Danh mục đơn vị không hợp lệ: '" + units_list + "' (vn-2tier, vn-3tier, none).");
    const auto r = units::import_units(*ctx.db, *list, units_list);
    print_import(r);
    ctx.record("units.import", "{\"version\":\"" + units_list + "\",\"inserted\":" + std::to_string(r.inserted) + "}");
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
  // Vietnamese, or English when the locale is English (LANG=en_US.UTF-8, LC_ALL=en …): the
  // descriptions below come in both, CLI11's own words through cli_text.
  const auto lang = cli_text::language_from_environment();
  auto T = [lang](const char* vi, const char* en) { return cli_text::pick(lang, vi, en); };
  CLI::App cli{T("ANTQ — nền tảng phong trào Toàn dân bảo vệ an ninh Tổ quốc",
                 "ANTQ — the platform of the All-People National Security Protection movement")};
  cli_text::localize(cli, lang);
  cli.require_subcommand(1);
  std::optional<std::string> config_file;
  std::string db_url, listen, web_root;
  cli.add_option_function<std::string>("--config", [&](const std::string& v) { config_file = v; }, T("Tệp cấu hình TOML", "TOML configuration file"));

  auto add_db = [&](CLI::App* sub) { sub->add_option("--db", db_url, T("sqlite:ĐƯỜNG_DẪN hoặc postgresql://user@host:port/db", "sqlite:PATH or postgresql://user@host:port/db")); };

  auto* init = cli.add_subcommand("init", T("Tạo CSDL, khóa dữ liệu, danh mục đơn vị và tài khoản admin", "Create the database, the data key, the unit list and the admin account"));
  add_db(init);
  std::string units_list = "vn-2tier";
  bool password_stdin = false;
  init->add_option("--units", units_list,
                   T("Danh mục đơn vị: vn-2tier (hiện hành), vn-3tier (trước 01/7/2025, có cấp huyện), none",
                     "Unit list: vn-2tier (current), vn-3tier (before 1 July 2025, with districts), none"))->check(CLI::IsMember({"vn-2tier", "vn-3tier", "none"}));
  init->add_flag("--admin-password-stdin", password_stdin, T("Đọc mật khẩu admin từ stdin", "Read the admin password from standard input"));

  auto* serve = cli.add_subcommand("serve", T("Chạy máy chủ API và giao diện web", "Run the API server and the web interface"));
  add_db(serve);
  serve->add_option("--listen", listen, T("HOST:PORT (mặc định 127.0.0.1:8080; cổng 0 = tự chọn)", "HOST:PORT (default 127.0.0.1:8080; port 0 = any free port)"));
  serve->add_option("--web-root", web_root, T("Thư mục giao diện web đã build", "Directory of the built web interface"));
  serve->add_option_function<std::string>("--config", [&](const std::string& v) { config_file = v; }, T("Tệp cấu hình TOML", "TOML configuration file"));

  auto* migrate = cli.add_subcommand("migrate", T("Cập nhật cấu trúc CSDL lên phiên bản mới nhất", "Bring the database structure up to the latest version"));
  add_db(migrate);

  auto* import = cli.add_subcommand("import", T("Nhập dữ liệu", "Import data"));
  import->require_subcommand(1);
  auto* import_units = import->add_subcommand("units", T("Nhập danh mục đơn vị hành chính (CSV)", "Import a list of administrative units (CSV)"));
  add_db(import_units);
  std::string file, version, successions;
  import_units->add_option("--file", file, "CSV: code,name,level,parent_code[,full_name,unit_type]")->required();
  import_units->add_option("--version", version, T("Nhãn phiên bản danh mục, ví dụ vn-2tier-2026", "Version label of the list, e.g. vn-2tier-2026"))->required();
  import_units->add_option("--successions", successions, "CSV: old_code,new_code");

  auto* seed = cli.add_subcommand("seed", T("Nạp dữ liệu mẫu", "Load sample data"));
  seed->require_subcommand(1);
  auto* seed_demo = seed->add_subcommand("demo", T("Dữ liệu mẫu để dùng thử (một lần cho mỗi CSDL, trong một giao dịch)", "Sample data to try the platform (once per database, in one transaction)"));
  add_db(seed_demo);

  auto* seed_synthetic = seed->add_subcommand("synthetic", T("Dữ liệu tổng hợp quy mô toàn quốc để đo hiệu năng", "Nationwide synthetic data for benchmarks"));
  add_db(seed_synthetic);
  std::string scale = "national";
  std::uint64_t synthetic_seed = 1;
  seed_synthetic->add_option("--scale", scale, "national | province | tiny")->check(CLI::IsMember({"national", "province", "tiny"}));
  seed_synthetic->add_option("--seed", synthetic_seed, T("Hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)", "Random seed (same seed, same data)"));

  auto* user = cli.add_subcommand("user", T("Tài khoản cán bộ", "Staff accounts"));
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", T("Thêm tài khoản (mật khẩu đọc từ stdin)", "Add an account (password read from standard input)"));
  add_db(user_add);
  std::string username, role, unit, display_name;
  bool user_password_stdin = false;
  user_add->add_option("USERNAME", username, T("Tên đăng nhập", "Login name"))->required();
  user_add->add_option("--role", role, "admin | steering | front_officer | police_officer | village_officer")->required();
  user_add->add_option("--unit", unit, T("Mã đơn vị (bỏ trống: cả nước)", "Unit code (none: the whole country)"));
  user_add->add_option("--display-name", display_name, T("Họ tên hiển thị", "Display name"));
  user_add->add_flag("--password-stdin", user_password_stdin, T("Đọc mật khẩu từ stdin", "Read the password from standard input"))->required();
  auto* user_disable = user->add_subcommand("disable", T("Khóa tài khoản (chấm dứt mọi phiên đăng nhập)", "Disable an account (ends every login session at once)"));
  add_db(user_disable);
  user_disable->add_option("USERNAME", username, T("Tên đăng nhập", "Login name"))->required();

  auto* token = cli.add_subcommand("token", T("Token API cho hệ thống tích hợp", "API tokens for integrations"));
  token->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", T("Tạo token (in một lần, ở dòng cuối)", "Create a token (printed once, on the last line)"));
  add_db(token_create);
  std::optional<int> expires_days;
  token_create->add_option("USERNAME", username, T("Tài khoản sở hữu token", "Account that owns the token"))->required();
  token_create->add_option("--expires-days", expires_days, T("Số ngày hiệu lực", "Days of validity"));
  auto* token_revoke = token->add_subcommand("revoke", T("Thu hồi token (theo mã token hoặc chính token)", "Revoke a token (by its id or the token itself)"));
  add_db(token_revoke);
  std::string token_ref;
  token_revoke->add_option("TOKEN", token_ref, T("Mã token (id) hoặc token", "Token id or the token"))->required();

  auto* audit_cmd = cli.add_subcommand("audit", T("Nhật ký hệ thống", "Audit log"));
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", T("Kiểm tra toàn vẹn chuỗi nhật ký", "Check the integrity of the log chain"));
  add_db(audit_verify);
  std::string expect_head;
  audit_verify->add_option("--expect-head", expect_head,
                           T("ID:HASH của mục mới nhất đã ghi nhận trước đó (phát hiện việc xóa các mục cuối)",
                             "ID:HASH of the newest entry recorded earlier (detects deleted last entries)"));

  auto* keys_cmd = cli.add_subcommand("keys", T("Khóa dữ liệu", "Data key"));
  keys_cmd->require_subcommand(1);
  auto* keys_rotate = keys_cmd->add_subcommand("rotate", T("Tạo khóa mới và mã hóa lại dữ liệu nhạy cảm", "Create a new key and encrypt sensitive data again with it"));
  add_db(keys_rotate);

  auto* rollup_cmd = cli.add_subcommand("rollup", T("Số liệu tổng hợp cho báo cáo", "Aggregated figures for reports"));
  rollup_cmd->require_subcommand(1);
  auto* rollup_rebuild = rollup_cmd->add_subcommand("rebuild", T("Tính lại toàn bộ số liệu tổng hợp từ các bản ghi", "Recompute every aggregated figure from the records"));
  add_db(rollup_rebuild);

  cli.add_subcommand("version", T("In phiên bản", "Print the version"))->callback([] { std::cout << "antq " << ANTQ_VERSION << "\n"; });

  cli_text::finish(cli, lang);

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
      auto db = db::open(c.db, database_options(c));
      const auto r = db::migrate(*db);
      std::cout << (r.applied.empty() ? "CSDL đã ở phiên bản mới nhất" : "Đã áp dụng " + std::to_string(r.applied.size()) + " migration")
                << " (phiên bản " << r.current_version << ").\n";
      return 0;
    }
    if (import_units->parsed()) {
      Context ctx(c);
      std::optional<std::string> succ;
      if (!successions.empty()) succ = read_file(successions);
      const auto r = units::import_units(*ctx.db, read_file(file), version, succ ? std::optional<std::string_view>(*succ) : std::nullopt);
      print_import(r);
      ctx.record("units.import", "{\"inserted\":" + std::to_string(r.inserted) + ",\"retired\":" + std::to_string(r.retired) + "}");
      return 0;
    }
    if (seed_demo->parsed()) {
      Context ctx(c);
      std::cout << demo::describe(demo::seed_demo(*ctx.db, ctx.keys, *ctx.audit));
      return 0;
    }
    if (seed_synthetic->parsed()) {
      Context ctx(c);
      const auto r = reports::seed_synthetic(*ctx.db, reports::synthetic_scale(scale), synthetic_seed);
      std::cout << "Dữ liệu tổng hợp: " << r.villages << " thôn, " << r.rows << " bản ghi trong " << r.seconds_data
                << " s; số liệu tổng hợp trong " << r.seconds_rollup << " s.\n";
      return 0;
    }
    if (user_add->parsed()) {
      Context ctx(c);
      const std::string password = read_password_stdin();
      ctx.users().add_user({username, password, role, unit.empty() ? std::nullopt : std::optional<std::string>(unit), display_name});
      std::cout << "Đã thêm tài khoản '" << username << "' (" << role << ").\n";
      return 0;
    }
    if (user_disable->parsed()) {
      Context ctx(c);
      ctx.users().disable_user(username);
      std::cout << "Đã khóa tài khoản '" << username << "' và chấm dứt mọi phiên đăng nhập.\n";
      return 0;
    }
    if (token_create->parsed()) {
      Context ctx(c);
      auto [id, secret] = ctx.authentication().create_token(username, expires_days);
      std::cout << "Token " << id << " của '" << username << "' (chỉ hiện một lần, dùng: Authorization: Bearer …):\n"
                << secret << std::endl;
      return 0;
    }
    if (token_revoke->parsed()) {
      Context ctx(c);
      ctx.authentication().revoke_token(token_ref);
      std::cout << "Đã thu hồi token.\n";
      return 0;
    }
    if (audit_verify->parsed()) {
      Context ctx(c);
      const auto r = ctx.audit->verify(*ctx.db);
      if (r.ok && !expect_head.empty()) {
        // The head recorded earlier (from the log's "audit_head" lines) must still be in the chain.
        const auto colon = expect_head.find(':');
        const std::string id = expect_head.substr(0, colon);
        const std::string hash = colon == std::string::npos ? "" : expect_head.substr(colon + 1);
        const auto stored = ctx.db->read_value([&](db::Connection& conn) {
          return conn.query("SELECT hash FROM audit_log WHERE id = $1", std::stoll(id.empty() ? "0" : id));
        });
        if (stored.empty() || stored.rows[0].text(0) != hash) {
          std::cout << "NHẬT KÝ BỊ THAY ĐỔI: không còn mục " << id << " như đã ghi nhận (các mục cuối bị xóa hoặc CSDL bị khôi phục bản cũ).\n";
          return 3;
        }
      }
      if (r.ok) {
        std::cout << "Nhật ký toàn vẹn: " << r.checked << " mục. Mục mới nhất: " << r.head_id << ":" << r.head_hash << "\n";
        return 0;
      }
      std::cout << "NHẬT KÝ BỊ THAY ĐỔI: " << r.problem << " (mục đầu tiên có vấn đề: " << *r.first_bad_id
                << "; đã kiểm tra đúng " << r.checked << " mục trước đó).\n";
      return 3;
    }
    if (rollup_rebuild->parsed()) {
      Context ctx(c);
      const auto started = std::chrono::steady_clock::now();
      reports::Rollups rollups(*ctx.db);
      rollups.rebuild();
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
      std::cout << "Đã tính lại số liệu tổng hợp (" << ms << " ms).\n";
      ctx.record("rollup.rebuild", "{\"ms\":" + std::to_string(ms) + "}");
      return 0;
    }
    if (keys_rotate->parsed()) {
      if (!c.data_key.empty()) throw OperatorError("Khóa đang lấy từ ANTQ_DATA_KEY: xoay khóa cần tệp khóa (data_key_file).");
      const auto keys = crypto::Keyring::rotate_file(key_file_path(c));
      auto db = db::open(c.db, database_options(c));
      db::migrate(*db);
      const int n = reseal_secrets(*db, keys);
      audit::AuditLog log(keys);
      db->write([&](db::Connection& conn) {
        log.record(conn, {"cli", "keys.rotate", "", keys.current_id(), "", "", "", "", "{\"resealed\":" + std::to_string(n) + "}"});
      });
      std::cout << "Khóa mới " << keys.current_id() << "; đã mã hóa lại " << n
                << " giá trị. Hãy khởi động lại các máy chủ antq để chúng dùng khóa mới.\n";
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
    std::cerr << T("antq: lỗi: ", "antq: error: ") << e.what() << "\n";
    return 1;
  }
}

}  // namespace antq::app
