#include "modules/backup/backup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace antq::backup {

namespace fs = std::filesystem;

namespace {

enum class Kind { sqlite, postgresql, unknown };

// What a file is, by its first bytes ("SQLite format 3\0", pg_dump's custom format "PGDMP").
Kind kind_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  const std::string_view h(head, static_cast<std::size_t>(in.gcount()));
  if (h == std::string_view("SQLite format 3\0", 16)) return Kind::sqlite;
  if (h.starts_with("PGDMP")) return Kind::postgresql;
  return Kind::unknown;
}

void sync(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

std::string sqlite_path(const std::string& url) {
  if (!url.starts_with("sqlite:")) return {};
  std::string path = url.substr(7);
  return path.starts_with("//") ? path.substr(2) : path;
}

BackupReport backup_database(const std::string& db_url, const std::string& out) {
  const auto started = std::chrono::steady_clock::now();
  if (fs::exists(out)) throw OperatorError("Tệp '" + out + "' đã có: hãy chọn tên khác (bản sao lưu không ghi đè tệp có sẵn).");
  const std::string path = sqlite_path(db_url);
  // db::open would create a missing SQLite file.
  if (db_url.starts_with("sqlite:") && !fs::exists(path)) throw OperatorError("Không tìm thấy CSDL SQLite '" + path + "'.");
  BackupReport report;
  {
    auto db = db::open(db_url);
    report.engine = db::engine_name(db->engine());
    report.schema_version = db::schema_version(*db);
  }
  if (report.schema_version == 0) {
    throw OperatorError("CSDL '" + db::redact_url(db_url) + "' chưa có dữ liệu ANTQ (chưa chạy antq init): không có gì để sao lưu.");
  }
  const std::string part = out + ".part";
  try {
    if (path.empty()) postgres_backup(db_url, part);
    else sqlite_backup(path, part);
    sync(part);
    fs::rename(part, out);
    sync(fs::absolute(out).parent_path().string());
  } catch (...) {
    std::error_code ec;
    fs::remove(part, ec);
    throw;
  }
  report.bytes = fs::file_size(out);
  report.seconds = since(started);
  return report;
}

RestoreReport restore_database(const std::string& from, const std::string& db_url) {
  const auto started = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!fs::is_regular_file(from, ec)) throw OperatorError("Không tìm thấy tệp sao lưu '" + from + "'.");
  const Kind kind = kind_of(from);
  if (kind == Kind::unknown) {
    throw OperatorError("Tệp '" + from +
                        "' không phải bản sao lưu ANTQ (không phải CSDL SQLite, cũng không phải bản pg_dump dạng custom).");
  }
  const std::string path = sqlite_path(db_url);
  const bool to_sqlite = db_url.starts_with("sqlite:");
  if (to_sqlite && path.empty()) throw OperatorError("Đường dẫn CSDL SQLite trống (dùng sqlite:ĐƯỜNG_DẪN).");
  if (!to_sqlite && !db_url.starts_with("postgresql://") && !db_url.starts_with("postgres://")) {
    throw OperatorError("Địa chỉ CSDL không hợp lệ: '" + db::redact_url(db_url) +
                        "'. Dùng sqlite:ĐƯỜNG_DẪN hoặc postgresql://user@host:port/db.");
  }
  if ((kind == Kind::sqlite) != to_sqlite) {
    throw OperatorError(std::string("Bản sao lưu '") + from + "' là của " + (kind == Kind::sqlite ? "SQLite" : "PostgreSQL") +
                        ", chỉ khôi phục được vào CSDL " + (kind == Kind::sqlite ? "SQLite (sqlite:ĐƯỜNG_DẪN)" : "PostgreSQL") +
                        ". Để chuyển dữ liệu giữa hai loại CSDL, dùng antq export.");
  }
  RestoreReport report;
  report.engine = to_sqlite ? "sqlite" : "postgresql";
  if (to_sqlite) sqlite_restore(from, path);
  else postgres_restore(from, db_url);
  auto db = db::open(db_url);
  report.schema_version = db::schema_version(*db);
  db::migrate(*db);  // a backup of an older antq is brought up to this one
  report.seconds = since(started);
  return report;
}

}  // namespace antq::backup
