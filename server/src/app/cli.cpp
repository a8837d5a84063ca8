#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <vector>

#include "app/app.hpp"
#include "app/cli_backup.hpp"
#include "app/cli_imports.hpp"
#include "app/cli_text.hpp"
#include "app/config.hpp"
#include "app/operator_file.hpp"
#include "app/reform.hpp"
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
#include "modules/reports/rollups.hpp"
#include "modules/reports/synthetic.hpp"
#include "modules/units/units_dataset.hpp"

namespace antq::app {

namespace {

// The password exactly as typed (only the line ending removed), as the API reads it.
std::string read_password_stdin() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void print_import(const units::ImportReport& r) {
  std::cout << "Đơn vị: thêm " << r.inserted << ", cập nhật " << r.updated << ", giữ nguyên " << r.unchanged << ", thôi hoạt động "
            << r.retired << ", kế thừa " << r.successions << ", kế thừa theo mã " << r.successions_by_code
            << ", thôn/cơ sở chuyển sang đơn vị mới " << r.local_moved;
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
  accounts::Authentication authentication() { return accounts::Authentication(*db, keys, *audit, accounts_config(config)); }
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
  std::cout << "antq: listening on http://" << (opts.host.find(':') != std::string::npos ? "[" + opts.host + "]" : opts.host) << ":" << port
            << std::endl;
  log::info("server_started", {{"port", port}, {"database", db::engine_name(app.database().engine())}});
  app.wait_for_signal();
  app.drain(std::chrono::seconds(std::max(0, c.drain_seconds)));
  app.stop();
  log::info("server_stopped");
  log::flush();
  return 0;
}

int cmd_migrate(const Config& c) {
  auto db = db::open(c.db, database_options(c));
  const auto r = db::migrate(*db);
  std::cout << (r.applied.empty() ? "CSDL đã ở phiên bản mới nhất" : "Đã áp dụng " + std::to_string(r.applied.size()) + " migration")
            << " (phiên bản " << r.current_version << ").\n";
  return 0;
}

// What the command line gave, filled by CLI11 while it parses; the commands read it after.
struct Options {
  std::optional<std::string> config_file;
  std::string db_url, listen, web_root;
  std::string units_list = "vn-2tier";
  bool password_stdin = false;
  std::string file, version, successions, reform;
  std::string scale = "national";
  std::uint64_t synthetic_seed = 1;
  std::string username, role, unit, display_name;
  bool user_password_stdin = false;
  std::optional<int> expires_days;
  std::string token_ref, expect_head;
  ImportRegisterOptions import_register;
  std::string out, from;
  bool decrypt = false, with_key = false;
};

int cmd_import_reform(const Config& c, const Options& o) {
  if (!o.file.empty() || !o.version.empty() || !o.successions.empty()) {
    throw OperatorError("--reform dùng bảng chuyển đổi và danh mục đi kèm antq: không dùng cùng --file, --version, --successions.");
  }
  Context ctx(c);
  const auto r = run_reform(*ctx.db, *ctx.audit, o.reform);
  if (r.already_applied) {
    std::cout << "Cuộc sắp xếp ngày " << o.reform << " đã được áp dụng cho CSDL này: không có gì thay đổi.\n";
    return 0;
  }
  print_import(r.list);
  std::cout << "Sắp xếp ngày " << o.reform << ": xã nhập nguyên vào một xã mới " << r.whole << ", giữ nguyên hoặc đổi tên " << r.same
            << ", xã bị chia chờ phân về xã mới " << r.split << ", xã không có trong bảng chờ phân " << r.unlisted
            << ", huyện thành đặc khu " << r.special_zones << ", huyện " << r.districts << ", tỉnh " << r.provinces
            << ", thôn/cơ sở chuyển theo xã " << r.local_moved << ", mục chờ phân về xã mới " << r.queued
            << ", tài khoản chuyển sang đơn vị kế thừa " << r.accounts_moved << ".\n";
  return 0;
}

int cmd_import_units(const Config& c, const Options& o) {
  if (!o.reform.empty()) return cmd_import_reform(c, o);
  Context ctx(c);
  std::optional<std::string> succ;
  if (!o.successions.empty()) succ = read_file(o.successions);
  const auto r = units::import_units(*ctx.db, read_file(o.file), o.version, succ ? std::optional<std::string_view>(*succ) : std::nullopt);
  print_import(r);
  ctx.record("units.import", "{\"inserted\":" + std::to_string(r.inserted) + ",\"retired\":" + std::to_string(r.retired) + "}");
  return 0;
}

int cmd_seed_demo(const Config& c) {
  Context ctx(c);
  std::cout << demo::describe(demo::seed_demo(*ctx.db, ctx.keys, *ctx.audit));
  return 0;
}

int cmd_seed_synthetic(const Config& c, const Options& o) {
  Context ctx(c);
  const auto r = reports::seed_synthetic(*ctx.db, reports::synthetic_scale(o.scale), o.synthetic_seed);
  std::cout << "Dữ liệu tổng hợp: " << r.villages << " thôn, " << r.rows << " bản ghi trong " << r.seconds_data
            << " s; số liệu tổng hợp trong " << r.seconds_rollup << " s.\n";
  return 0;
}

int cmd_user_add(const Config& c, const Options& o) {
  Context ctx(c);
  const std::string password = read_password_stdin();
  ctx.users().add_user({o.username, password, o.role, o.unit.empty() ? std::nullopt : std::optional<std::string>(o.unit), o.display_name});
  std::cout << "Đã thêm tài khoản '" << o.username << "' (" << o.role << ").\n";
  return 0;
}

int cmd_user_disable(const Config& c, const Options& o) {
  Context ctx(c);
  ctx.users().disable_user(o.username);
  std::cout << "Đã khóa tài khoản '" << o.username << "' và chấm dứt mọi phiên đăng nhập.\n";
  return 0;
}

int cmd_token_create(const Config& c, const Options& o) {
  Context ctx(c);
  auto [id, secret] = ctx.authentication().create_token(o.username, o.expires_days);
  std::cout << "Token " << id << " của '" << o.username << "' (chỉ hiện một lần, dùng: Authorization: Bearer …):\n" << secret << std::endl;
  return 0;
}

int cmd_token_revoke(const Config& c, const Options& o) {
  Context ctx(c);
  ctx.authentication().revoke_token(o.token_ref);
  std::cout << "Đã thu hồi token.\n";
  return 0;
}

int cmd_audit_verify(const Config& c, const std::string& expect_head) {
  Context ctx(c);
  const auto r = ctx.audit->verify(*ctx.db);
  if (r.ok && !expect_head.empty()) {
    // The head recorded earlier (from the log's "audit_head" lines) must still be in the chain.
    const auto colon = expect_head.find(':');
    const std::string id = expect_head.substr(0, colon);
    const std::string hash = colon == std::string::npos ? "" : expect_head.substr(colon + 1);
    const auto stored = ctx.db->read_value(
        [&](db::Connection& conn) { return conn.query("SELECT hash FROM audit_log WHERE id = $1", std::stoll(id.empty() ? "0" : id)); });
    if (stored.empty() || stored.rows[0].text(0) != hash) {
      std::cout << "NHẬT KÝ BỊ THAY ĐỔI: không còn mục " << id << " như đã ghi nhận (các mục cuối bị xóa hoặc CSDL bị khôi phục bản cũ).\n";
      return 3;
    }
  }
  if (r.ok) {
    std::cout << "Nhật ký toàn vẹn: " << r.checked << " mục. Mục mới nhất: " << r.head_id << ":" << r.head_hash << "\n";
    return 0;
  }
  std::cout << "NHẬT KÝ BỊ THAY ĐỔI: " << r.problem << " (mục đầu tiên có vấn đề: " << *r.first_bad_id << "; đã kiểm tra đúng " << r.checked
            << " mục trước đó).\n";
  return 3;
}

int cmd_rollup_rebuild(const Config& c) {
  Context ctx(c);
  const auto started = std::chrono::steady_clock::now();
  reports::Rollups rollups(*ctx.db);
  rollups.rebuild();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Đã tính lại số liệu tổng hợp (" << ms << " ms).\n";
  ctx.record("rollup.rebuild", "{\"ms\":" + std::to_string(ms) + "}");
  return 0;
}

int cmd_keys_rotate(const Config& c) {
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

// Vietnamese, or English when the locale is English: every description comes in both.
using Text = std::function<std::string(const char* vi, const char* en)>;

// One subcommand and what it does once parsed.
struct Command {
  CLI::App* app;
  std::function<int(const Config&)> run;
};

// A subcommand that works on a database (every one but `version` does).
CLI::App* with_db(CLI::App* parent, Options& o, const Text& T, const char* name, const std::string& description) {
  auto* sub = parent->add_subcommand(name, description);
  sub->add_option("--db", o.db_url,
                  T("sqlite:ĐƯỜNG_DẪN hoặc postgresql://user@host:port/db", "sqlite:PATH or postgresql://user@host:port/db"));
  return sub;
}

// A group such as `user` or `seed`: one of its subcommands must follow.
CLI::App* group(CLI::App& cli, const char* name, const std::string& description) {
  auto* g = cli.add_subcommand(name, description);
  g->require_subcommand(1);
  return g;
}

void add_setup_commands(CLI::App& cli, Options& o, const Text& T, std::vector<Command>& out) {
  auto* init = with_db(&cli, o, T, "init",
                       T("Tạo CSDL, khóa dữ liệu, danh mục đơn vị và tài khoản admin",
                         "Create the database, the data key, the unit list and the admin account"));
  init->add_option("--units", o.units_list,
                   T("Danh mục đơn vị: vn-2tier (hiện hành), vn-3tier (trước 01/7/2025, có cấp huyện), none",
                     "Unit list: vn-2tier (current), vn-3tier (before 1 July 2025, with districts), none"))
      ->check(CLI::IsMember({"vn-2tier", "vn-3tier", "none"}));
  init->add_flag("--admin-password-stdin", o.password_stdin,
                 T("Đọc mật khẩu admin từ stdin", "Read the admin password from standard input"));
  out.push_back({init, [&o](const Config& c) { return cmd_init(c, o.units_list, o.password_stdin); }});

  auto* serve = with_db(&cli, o, T, "serve", T("Chạy máy chủ API và giao diện web", "Run the API server and the web interface"));
  serve->add_option(
      "--listen", o.listen,
      T("HOST:PORT (mặc định 127.0.0.1:8080; cổng 0 = tự chọn)", "HOST:PORT (default 127.0.0.1:8080; port 0 = any free port)"));
  serve->add_option("--web-root", o.web_root, T("Thư mục giao diện web đã build", "Directory of the built web interface"));
  serve->add_option_function<std::string>(
      "--config", [&o](const std::string& v) { o.config_file = v; }, T("Tệp cấu hình TOML", "TOML configuration file"));
  out.push_back({serve, cmd_serve});

  out.push_back({with_db(&cli, o, T, "migrate",
                         T("Cập nhật cấu trúc CSDL lên phiên bản mới nhất", "Bring the database structure up to the latest version")),
                 cmd_migrate});
}

void add_data_commands(CLI::App& cli, Options& o, const Text& T, std::vector<Command>& out) {
  auto* import = group(cli, "import", T("Nhập dữ liệu", "Import data"));
  auto* import_units =
      with_db(import, o, T, "units", T("Nhập danh mục đơn vị hành chính (CSV)", "Import a list of administrative units (CSV)"));
  import_units->add_option("--file", o.file, "CSV: code,name,level,parent_code[,full_name,unit_type]");
  import_units->add_option("--version", o.version,
                           T("Nhãn phiên bản danh mục, ví dụ vn-2tier-2026", "Version label of the list, e.g. vn-2tier-2026"));
  import_units->add_option("--successions", o.successions, "CSV: old_code,new_code");
  import_units->add_option("--reform", o.reform,
                           T("Áp dụng cuộc sắp xếp đơn vị hành chính theo bảng chuyển đổi chính thức: 2025-07-01",
                             "Apply an administrative reform from the official conversion table: 2025-07-01"));
  // --file and --version are required unless --reform is given: checked as CLI11 checks a required
  // option (the same message and exit code, in the user's language).
  import_units->callback([&o] {
    if (!o.reform.empty()) return;
    if (o.file.empty()) throw CLI::RequiredError("--file");
    if (o.version.empty()) throw CLI::RequiredError("--version");
  });
  out.push_back({import_units, [&o](const Config& c) { return cmd_import_units(c, o); }});
  auto* import_register =
      with_db(import, o, T, "register", T("Nhập một bảng tính (CSV, XLSX) vào một sổ", "Import a spreadsheet (CSV, XLSX) into a register"));
  auto& ir = o.import_register;
  import_register->add_option("register", ir.register_name, T("Tên sổ, ví dụ activities", "The register, e.g. activities"))->required();
  import_register->add_option("--file", ir.file, "CSV / XLSX")->required();
  import_register->add_option("--sheet", ir.sheet, T("Trang tính (XLSX); mặc định trang đầu", "Sheet (XLSX); the first by default"));
  import_register->add_option("--user", ir.username,
                              T("Nhập với quyền và địa bàn của tài khoản này", "Import with this account's permissions and area"));
  import_register->add_flag("--dry-run", ir.dry_run, T("Chỉ kiểm tra, không ghi gì", "Check only, write nothing"));
  out.push_back({import_register, [&ir](const Config& c) { return cmd_import_register(c, ir); }});

  auto* seed = group(cli, "seed", T("Nạp dữ liệu mẫu", "Load sample data"));
  out.push_back({with_db(seed, o, T, "demo",
                         T("Dữ liệu mẫu để dùng thử (một lần cho mỗi CSDL, trong một giao dịch)",
                           "Sample data to try the platform (once per database, in one transaction)")),
                 cmd_seed_demo});
  auto* synthetic =
      with_db(seed, o, T, "synthetic", T("Dữ liệu tổng hợp quy mô toàn quốc để đo hiệu năng", "Nationwide synthetic data for benchmarks"));
  synthetic->add_option("--scale", o.scale, "national | province | tiny")->check(CLI::IsMember({"national", "province", "tiny"}));
  synthetic->add_option("--seed", o.synthetic_seed,
                        T("Hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)", "Random seed (same seed, same data)"));
  out.push_back({synthetic, [&o](const Config& c) { return cmd_seed_synthetic(c, o); }});
}

void add_account_commands(CLI::App& cli, Options& o, const Text& T, std::vector<Command>& out) {
  auto* user = group(cli, "user", T("Tài khoản cán bộ", "Staff accounts"));
  auto* user_add =
      with_db(user, o, T, "add", T("Thêm tài khoản (mật khẩu đọc từ stdin)", "Add an account (password read from standard input)"));
  user_add->add_option("USERNAME", o.username, T("Tên đăng nhập", "Login name"))->required();
  user_add->add_option("--role", o.role, "admin | steering | front_officer | police_officer | village_officer")->required();
  user_add->add_option("--unit", o.unit, T("Mã đơn vị (bỏ trống: cả nước)", "Unit code (none: the whole country)"));
  user_add->add_option("--display-name", o.display_name, T("Họ tên hiển thị", "Display name"));
  user_add->add_flag("--password-stdin", o.user_password_stdin, T("Đọc mật khẩu từ stdin", "Read the password from standard input"))
      ->required();
  out.push_back({user_add, [&o](const Config& c) { return cmd_user_add(c, o); }});
  auto* user_disable = with_db(user, o, T, "disable",
                               T("Khóa tài khoản (chấm dứt mọi phiên đăng nhập)", "Disable an account (ends every login session at once)"));
  user_disable->add_option("USERNAME", o.username, T("Tên đăng nhập", "Login name"))->required();
  out.push_back({user_disable, [&o](const Config& c) { return cmd_user_disable(c, o); }});

  auto* token = group(cli, "token", T("Token API cho hệ thống tích hợp", "API tokens for integrations"));
  auto* token_create =
      with_db(token, o, T, "create", T("Tạo token (in một lần, ở dòng cuối)", "Create a token (printed once, on the last line)"));
  token_create->add_option("USERNAME", o.username, T("Tài khoản sở hữu token", "Account that owns the token"))->required();
  token_create->add_option("--expires-days", o.expires_days, T("Số ngày hiệu lực", "Days of validity"));
  out.push_back({token_create, [&o](const Config& c) { return cmd_token_create(c, o); }});
  auto* token_revoke =
      with_db(token, o, T, "revoke", T("Thu hồi token (theo mã token hoặc chính token)", "Revoke a token (by its id or the token itself)"));
  token_revoke->add_option("TOKEN", o.token_ref, T("Mã token (id) hoặc token", "Token id or the token"))->required();
  out.push_back({token_revoke, [&o](const Config& c) { return cmd_token_revoke(c, o); }});
}

void add_maintenance_commands(CLI::App& cli, Options& o, const Text& T, std::vector<Command>& out) {
  auto* audit_cmd = group(cli, "audit", T("Nhật ký hệ thống", "Audit log"));
  auto* audit_verify = with_db(audit_cmd, o, T, "verify", T("Kiểm tra toàn vẹn chuỗi nhật ký", "Check the integrity of the log chain"));
  audit_verify->add_option("--expect-head", o.expect_head,
                           T("ID:HASH của mục mới nhất đã ghi nhận trước đó (phát hiện việc xóa các mục cuối)",
                             "ID:HASH of the newest entry recorded earlier (detects deleted last entries)"));
  out.push_back({audit_verify, [&o](const Config& c) { return cmd_audit_verify(c, o.expect_head); }});

  auto* keys_cmd = group(cli, "keys", T("Khóa dữ liệu", "Data key"));
  out.push_back({with_db(keys_cmd, o, T, "rotate",
                         T("Tạo khóa mới và mã hóa lại dữ liệu nhạy cảm", "Create a new key and encrypt sensitive data again with it")),
                 cmd_keys_rotate});

  auto* rollup_cmd = group(cli, "rollup", T("Số liệu tổng hợp cho báo cáo", "Aggregated figures for reports"));
  out.push_back({with_db(rollup_cmd, o, T, "rebuild",
                         T("Tính lại toàn bộ số liệu tổng hợp từ các bản ghi", "Recompute every aggregated figure from the records")),
                 cmd_rollup_rebuild});
}

void add_backup_commands(CLI::App& cli, Options& o, const Text& T, std::vector<Command>& out) {
  auto* exp = with_db(&cli, o, T, "export",
                      T("Xuất mọi bảng ra CSV và JSON Lines trong một tệp zip có manifest",
                        "Export every table as CSV and JSON Lines in a zip with a manifest"));
  exp->add_option("--out", o.out, T("Tệp zip sẽ tạo", "The zip file to create"))->required();
  exp->add_flag(
      "--decrypt", o.decrypt,
      T("Mở các trường niêm phong bằng khóa dữ liệu (được ghi vào nhật ký)", "Open the sealed fields with the data key (audited)"));
  out.push_back({exp, [&o](const Config& c) { return cmd_export(c, o.out, o.decrypt); }});

  auto* bak = with_db(&cli, o, T, "backup",
                      T("Sao lưu CSDL khi máy chủ vẫn chạy (SQLite: backup API; PostgreSQL: pg_dump)",
                        "Back up the database while the server runs (SQLite: backup API; PostgreSQL: pg_dump)"));
  bak->add_option("--out", o.out, T("Tệp sao lưu sẽ tạo", "The backup file to create"))->required();
  bak->add_flag("--with-key", o.with_key,
                T("Chép cả khóa dữ liệu vào TỆP.key (cất riêng!)", "Also copy the data key to FILE.key (keep it apart!)"));
  out.push_back({bak, [&o](const Config& c) { return cmd_backup(c, o.out, o.with_key); }});

  auto* res = with_db(&cli, o, T, "restore", T("Khôi phục bản sao lưu vào một CSDL trống", "Restore a backup into an empty database"));
  res->add_option("--from", o.from, T("Tệp sao lưu", "The backup file"))->required();
  out.push_back({res, [&o](const Config& c) { return cmd_restore(c, o.from); }});
}

}  // namespace

int run_cli(int argc, char** argv) {
  // Vietnamese, or English when the locale is English (LANG=en_US.UTF-8, LC_ALL=en …): the
  // descriptions come in both, CLI11's own words through cli_text.
  const auto lang = cli_text::language_from_environment();
  const Text T = [lang](const char* vi, const char* en) { return cli_text::pick(lang, vi, en); };
  CLI::App cli{T("ANTQ — nền tảng phong trào Toàn dân bảo vệ an ninh Tổ quốc",
                 "ANTQ — the platform of the All-People National Security Protection movement")};
  cli_text::localize(cli, lang);
  cli.require_subcommand(1);
  Options o;
  cli.add_option_function<std::string>(
      "--config", [&o](const std::string& v) { o.config_file = v; }, T("Tệp cấu hình TOML", "TOML configuration file"));
  std::vector<Command> commands;
  add_setup_commands(cli, o, T, commands);
  add_data_commands(cli, o, T, commands);
  add_account_commands(cli, o, T, commands);
  add_maintenance_commands(cli, o, T, commands);
  add_backup_commands(cli, o, T, commands);
  cli.add_subcommand("version", T("In phiên bản", "Print the version"))->callback([] { std::cout << "antq " << ANTQ_VERSION << "\n"; });
  cli_text::finish(cli, lang);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    crypto::init();
    Config c = load_config(o.config_file);
    if (!o.db_url.empty()) c.db = o.db_url;
    if (!o.listen.empty()) c.listen = o.listen;
    if (!o.web_root.empty()) c.web_root = o.web_root;
    // Commands other than `serve` keep standard error for real problems only.
    log::setup(cli.get_subcommand("serve")->parsed() ? c.log_level : "warn");
    for (const auto& command : commands) {
      if (command.app->parsed()) return command.run(c);
    }
    return 0;  // `version` answered while parsing
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
