#include "app/cli_backup.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/app.hpp"
#include "app/operator_file.hpp"
#include "core/errors.hpp"
#include "core/keyring.hpp"
#include "db/migrations.hpp"
#include "modules/backup/backup.hpp"
#include "modules/backup/full_export.hpp"

namespace antq::app {

namespace {

// An existing ANTQ database (db::open would create a missing SQLite file, and an empty one holds nothing).
std::unique_ptr<db::Database> open_existing(const Config& c) {
  const std::string path = backup::sqlite_path(c.db);
  if (c.db.starts_with("sqlite:") && !path.empty() && !std::filesystem::exists(path)) {
    throw OperatorError("Không tìm thấy CSDL SQLite '" + path + "'.");
  }
  auto db = db::open(c.db, database_options(c));
  if (db::schema_version(*db) == 0) throw OperatorError("CSDL '" + db::redact_url(c.db) + "' chưa có dữ liệu ANTQ (chưa chạy antq init).");
  return db;
}

// "0,12": two decimals, written the Vietnamese way.
std::string decimal(double v) {
  std::ostringstream ss;
  ss << std::fixed << std::setprecision(2) << v;
  std::string out = ss.str();
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

// The key file as `antq init` writes it ("<id> <hex>" lines), from the file or ANTQ_DATA_KEY.
void write_key_copy(const Config& c, const std::string& path) {
  if (std::filesystem::exists(path)) throw OperatorError("Tệp '" + path + "' đã có: không ghi đè khóa.");
  std::string content;
  if (!c.data_key.empty()) content = crypto::Keyring::from_hex(c.data_key).current_id() + " " + c.data_key + "\n";
  else content = read_file(key_file_path(c));
  std::ofstream out(path, std::ios::binary);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  out << content;
  if (!out.flush()) throw OperatorError("Không ghi được tệp khóa '" + path + "'.");
}

}  // namespace

int cmd_export(const Config& c, const std::string& out, bool decrypt) {
  auto db = open_existing(c);
  std::optional<crypto::Keyring> keys;
  try {
    keys = load_keyring(c);
  } catch (const OperatorError& e) {
    // Without the key the export is still whole, sealed fields sealed; --decrypt cannot be.
    if (decrypt) throw OperatorError(std::string("--decrypt cần khóa dữ liệu: ") + e.what() + " Không tệp nào được ghi.");
  }
  const auto r = backup::export_all(*db, out, {keys ? &*keys : nullptr, decrypt, "cli", ""});
  std::cout << "Đã xuất " << r.tables << " bảng, " << r.rows << " dòng (CSV và JSON Lines, manifest.json có SHA-256 từng tệp) vào " << out
            << " (" << r.bytes << " byte, cấu trúc CSDL phiên bản " << r.schema_version << ").\n";
  if (decrypt) {
    std::cout << "Đã mở " << r.opened << " giá trị niêm phong; việc xuất đã được ghi vào nhật ký. Tệp chứa dữ liệu cá nhân ở dạng rõ: "
              << "hãy bảo vệ và hủy khi xong việc.\n";
  } else {
    std::cout << "Các trường niêm phong vẫn niêm phong (mở bằng --decrypt cùng khóa dữ liệu).\n";
  }
  return 0;
}

int cmd_backup(const Config& c, const std::string& out, bool with_key) {
  if (with_key) {
    // A missing key, or a key copy already there, is said before the backup is made.
    load_keyring(c);
    if (std::filesystem::exists(out + ".key")) throw OperatorError("Tệp '" + out + ".key' đã có: không ghi đè khóa.");
  }
  const auto r = backup::backup_database(c.db, out);
  const double mb = static_cast<double>(r.bytes) / 1e6;
  std::cout << "Đã sao lưu CSDL " << db::redact_url(c.db) << " (" << r.engine << ", cấu trúc phiên bản " << r.schema_version << ") vào "
            << out << ": " << decimal(mb) << " MB trong " << decimal(r.seconds) << " giây (" << decimal(r.seconds > 0 ? mb / r.seconds : 0)
            << " MB/s).\n";
  if (with_key) {
    write_key_copy(c, out + ".key");
    std::cout << "Khóa dữ liệu đã chép vào " << out << ".key (quyền 0600). Hãy cất nó ở nơi khác bản sao lưu: ai có cả hai "
              << "đọc được mọi trường niêm phong.\n";
  } else {
    std::cout << "Bản sao lưu KHÔNG chứa khóa dữ liệu. Khóa ở "
              << (c.data_key.empty() ? key_file_path(c) : std::string("biến môi trường ANTQ_DATA_KEY"))
              << ": hãy sao lưu nó riêng, cất xa bản sao lưu; mất khóa thì không mở được các trường niêm phong và không kiểm tra được nhật "
                 "ký.\n";
  }
  return 0;
}

int cmd_restore(const Config& c, const std::string& from) {
  const auto r = backup::restore_database(from, c.db);
  std::cout << "Đã khôi phục " << from << " vào CSDL " << db::redact_url(c.db) << " (" << r.engine << ", cấu trúc phiên bản "
            << r.schema_version << ") trong " << decimal(r.seconds) << " giây.\n"
            << "Đặt khóa dữ liệu của bản sao lưu ở " << key_file_path(c)
            << " (hoặc ANTQ_DATA_KEY) trước khi chạy antq serve, rồi kiểm tra bằng antq audit verify.\n";
  return 0;
}

}  // namespace antq::app
