// Spreadsheet import benchmark helper (make bench, via bench/imports.sh).
//
// Writes the benchmark's workbook — N activities of one commune as a person fills the template
// (unit code, type label, dd/mm/yyyy date, a unique title, two organisers as a ';' list, a count)
// — and the reference the import is compared with: the same rows as plain multi-row INSERTs
// (500 rows a statement, one transaction) into the activities table and its codes table, with the
// schema of migration 0009. The reference is what the database does with no parsing, validation,
// row keys or history: the floor an import cannot beat.
//
// Usage: antq_bench_imports --rows N --dir DIR
//   writes DIR/activities.xlsx and DIR/reference.sql (for psql, rolled back at its end), times the reference on a fresh
//   SQLite file DIR/reference.db, and prints on its last line:
//   RESULT rows=N xlsx_bytes=... sqlite_reference_seconds=... sqlite_reference_rps=...
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "core/time.hpp"
#include "core/xlsx.hpp"

namespace {

namespace fs = std::filesystem;

struct Row {
  std::string date_vn, date_iso, title, type_label, type_code;
  int participants;
};

Row row_of(int i) {
  const std::string day = antq::timeutil::add_days("2026-11-30", -(i % 3650));
  const bool launch = i % 2 != 0;
  return {day.substr(8, 2) + "/" + day.substr(5, 2) + "/" + day.substr(0, 4),
          day,
          "Hoạt động số " + std::to_string(i),
          launch ? "Phát động phong trào" : "Tập huấn",
          launch ? "campaign_launch" : "training",
          10 + i % 500};
}

constexpr const char* kSchema = R"sql(
CREATE TABLE activities (id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, type TEXT NOT NULL, date TEXT NOT NULL,
  title TEXT NOT NULL, participants INTEGER NOT NULL DEFAULT 0, quantity INTEGER NOT NULL DEFAULT 0, program_id INTEGER,
  notes TEXT NOT NULL DEFAULT '', search_text TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE INDEX activities_unit_date ON activities (unit_id, date);
CREATE INDEX activities_date ON activities (date);
CREATE TABLE activities_codes (record_id INTEGER NOT NULL, field TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (record_id, field, code));
CREATE INDEX activities_codes_code ON activities_codes (field, code);
)sql";

// The reference as SQL: multi-row INSERTs of 500 rows; ids given, so the codes refer to them.
std::string reference_sql(int rows, bool postgres) {
  std::string sql = postgres ? "BEGIN;\n" : "";
  for (int start = 0; start < rows; start += 500) {
    std::string acts = "INSERT INTO activities (id, unit_id, type, date, title, participants, created_by, created_at, updated_at) VALUES ";
    std::string codes = "INSERT INTO activities_codes (record_id, field, code) VALUES ";
    for (int i = start; i < std::min(rows, start + 500); ++i) {
      const Row r = row_of(i);
      const std::string id = std::to_string(1000000 + i);
      acts += (i == start ? "(" : ",(") + id + ",1,'" + r.type_code + "','" + r.date_iso + "','" + r.title + "'," +
              std::to_string(r.participants) + ",'bench','2026-12-01T00:00:00Z','2026-12-01T00:00:00Z')";
      codes += (i == start ? "(" : ",(") + id + ",'organizers','police'),(" + id + ",'organizers','front')";
    }
    sql += acts + ";\n" + codes + ";\n";
  }
  return sql + (postgres ? "COMMIT;\n" : "");
}

double sqlite_reference(const fs::path& file, int rows) {
  fs::remove(file);
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + file.string());
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr);
  sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr);
  const std::string sql = reference_sql(rows, false);
  const auto t0 = std::chrono::steady_clock::now();
  char* err = nullptr;
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) throw std::runtime_error(err ? err : "insert failed");
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  sqlite3_close(db);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int rows = 100000;
  fs::path dir = ".";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--rows") rows = std::stoi(argv[i + 1]);
    if (a == "--dir") dir = argv[i + 1];
  }
  fs::create_directories(dir);
  const std::string book = antq::xlsx::build([&](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Hoạt động");
    const char* header[] = {"Đơn vị", "Loại hoạt động", "Ngày", "Nội dung", "Lực lượng tổ chức", "Số lượt người tham gia"};
    for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    for (int i = 0; i < rows; ++i) {
      const Row r = row_of(i);
      const auto y = static_cast<lxw_row_t>(i + 1);
      worksheet_write_string(ws, y, 0, "21220", nullptr);
      worksheet_write_string(ws, y, 1, r.type_label.c_str(), nullptr);
      worksheet_write_string(ws, y, 2, r.date_vn.c_str(), nullptr);
      worksheet_write_string(ws, y, 3, r.title.c_str(), nullptr);
      worksheet_write_string(ws, y, 4, "Công an; Mặt trận Tổ quốc", nullptr);
      worksheet_write_number(ws, y, 5, r.participants, nullptr);
    }
  });
  std::ofstream(dir / "activities.xlsx", std::ios::binary) << book;
  // PostgreSQL: into the benchmark database's own tables (unit 1 exists there), rolled back.
  std::string pg = reference_sql(rows, true);
  pg.replace(pg.rfind("COMMIT;"), 7, "ROLLBACK;");
  std::ofstream(dir / "reference.sql") << pg;
  const double s = sqlite_reference(dir / "reference.db", rows);
  std::printf("RESULT rows=%d xlsx_bytes=%zu sqlite_reference_seconds=%.3f sqlite_reference_rps=%.0f\n", rows, book.size(), s, rows / s);
  return 0;
}
