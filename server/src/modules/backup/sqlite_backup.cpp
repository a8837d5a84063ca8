// SQLite's online backup API (sqlite3_backup_*): the copy runs as one read transaction on the
// live database, so it is one consistent snapshot, and WAL lets the server's writer commit
// meanwhile. Stepping in small chunks would restart the copy after every write of another
// connection; one step of all pages never restarts. The restore copies the same way into the target.
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/errors.hpp"
#include "db/migrations.hpp"
#include "modules/backup/backup.hpp"
#include "modules/backup/sqlite_backup.sql.hpp"

namespace antq::backup {

using namespace antq::sql::backup::sqlite_backup;
namespace fs = std::filesystem;

namespace {

struct Handle {
  sqlite3* db = nullptr;
  Handle(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close_v2(db);
      db = nullptr;
      throw OperatorError("Không mở được tệp SQLite '" + path + "' (" + why + ").");
    }
    sqlite3_busy_timeout(db, 10000);
  }
  ~Handle() { sqlite3_close_v2(db); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

// The first column of the first row, or nullopt when the statement fails (not a database, no table).
std::optional<std::string> scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) return std::nullopt;
  std::optional<std::string> out;
  if (sqlite3_step(st) == SQLITE_ROW) {
    const auto* t = sqlite3_column_text(st, 0);
    out = t ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_finalize(st);
  return out;
}

// Copies every page of `from` into `to` in one step; a busy source is waited for a while.
void copy(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) throw OperatorError(what + ": " + sqlite3_errmsg(to));
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 600; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw OperatorError(what + ": " + sqlite3_errstr(rc) + ".");
}

}  // namespace

void sqlite_backup(const std::string& path, const std::string& out_part) {
  Handle src(path, SQLITE_OPEN_READWRITE);
  sqlite3_exec(src.db, kMappedSource, nullptr, nullptr, nullptr);
  Handle dst(out_part, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_exec(dst.db, kFastTarget, nullptr, nullptr, nullptr);
  copy(src.db, dst.db, "Sao lưu SQLite '" + path + "' không thành công");
  // The copy carries the source's WAL mode; a backup is one self-contained file.
  sqlite3_exec(dst.db, kOneFile, nullptr, nullptr, nullptr);
}

void sqlite_restore(const std::string& from, const std::string& path) {
  Handle src(from, SQLITE_OPEN_READONLY);
  const auto check = scalar(src.db, kQuickCheck);
  if (!check) throw OperatorError("Tệp '" + from + "' không phải bản sao lưu ANTQ (không đọc được như CSDL SQLite).");
  if (*check != "ok") throw OperatorError("Tệp sao lưu '" + from + "' bị hỏng (" + *check + "): không khôi phục.");
  const auto version = scalar(src.db, kSchemaVersion);
  if (!version)
    throw OperatorError("Tệp '" + from + "' là CSDL SQLite nhưng không phải bản sao lưu ANTQ (không có bảng schema_migrations).");
  const int latest = db::embedded_migrations(db::Engine::sqlite).back().version;
  if (std::stoi(*version) > latest) {
    throw OperatorError("Bản sao lưu '" + from + "' có cấu trúc CSDL phiên bản " + *version + ", mới hơn bản antq này (" +
                        std::to_string(latest) + "): hãy dùng antq mới hơn để khôi phục.");
  }
  const bool existed = fs::exists(path);
  if (!existed && fs::path(path).has_parent_path()) fs::create_directories(fs::path(path).parent_path());
  try {
    Handle dst(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const auto tables = scalar(dst.db, kTableCount);
    if (!tables) throw OperatorError("Tệp '" + path + "' đã có nhưng không phải CSDL SQLite: không ghi đè, hãy chọn đường dẫn khác.");
    if (*tables != "0") {
      throw OperatorError("CSDL đích '" + path + "' không trống (" + *tables +
                          " bảng): antq restore chỉ khôi phục vào CSDL trống, để không ghi đè dữ liệu đang có. Hãy chọn một tệp mới.");
    }
    copy(src.db, dst.db, "Khôi phục vào '" + path + "' không thành công");
  } catch (...) {
    if (!existed) {
      std::error_code ec;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
    }
    throw;
  }
}

}  // namespace antq::backup
