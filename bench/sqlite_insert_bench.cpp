// Raw SQLite insert rate with the durability ANTQ uses (make bench, via bench/tips.sh).
//
// The reference for the tip intake benchmark: how many rows per second SQLite itself commits on
// this machine when every acknowledged row must be on disk, i.e. journal_mode=WAL,
// synchronous=FULL and one row per transaction (BEGIN IMMEDIATE / INSERT / COMMIT, so one WAL
// fsync per row). Two figures:
//   single writer  one thread, one connection, a prepared statement, for --seconds;
//   N contending   --threads threads, each with its own connection and busy_timeout, all
//                  inserting one row per transaction into the same file: what a naive server
//                  without group commit gets (writers queue on the lock, SQLite's busy handler
//                  sleeps, every row still pays its own fsync).
// The table is shaped like a tip row (a dozen columns, a ~150-byte Vietnamese description,
// a unique tracking code and one secondary index), each phase on a fresh file.
//
// Usage: antq_bench_sqlite_insert [--dir DIR] [--seconds S] [--threads N] [--single-only]
// The last line is machine-readable:
//   RESULT single_writer_rps=... single_writer_rows=... [contended_rps=... contended_rows=...
//          contended_threads=... contended_busy_retries=...] sqlite_version=...
// Exits non-zero only when SQLite cannot be opened or used.
#include <sqlite3.h>

#include <unistd.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr const char* kSchema = R"sql(
CREATE TABLE tips (
  id INTEGER PRIMARY KEY,
  tracking_code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  unit_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  channel TEXT NOT NULL,
  description TEXT NOT NULL,
  search_text TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  settle_due_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tips_unit ON tips (unit_id, received_at);
)sql";

constexpr const char* kInsert =
    "INSERT INTO tips (tracking_code, secret_hash, unit_id, category, channel, description, search_text, anonymous,"
    " status, received_at, settle_due_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// ~150 bytes of UTF-8 (Vietnamese with diacritics), made unique per row by a counter.
constexpr const char* kDescription = "Phát hiện nhóm thanh niên tụ tập sử dụng ma túy tại bãi đất trống cuối thôn, thường vào buổi tối";
constexpr const char* kSearch = "phat hien nhom thanh nien tu tap su dung ma tuy tai bai dat trong cuoi thon";

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(std::string(sql).substr(0, 60) + ": " + msg);
  }
}

sqlite3* open_db(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    fail(db, "open " + path);
  }
  sqlite3_busy_timeout(db, 5000);
  // The server's settings for every connection (sqlite_database.cpp).
  exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
  return db;
}

void remove_db(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

struct Result {
  long rows = 0;
  long busy_retries = 0;
  double seconds = 0;
  double rps() const { return seconds > 0 ? rows / seconds : 0; }
};

// One writer's loop: one row per transaction until `deadline`; returns rows committed and the
// number of times BEGIN/COMMIT came back SQLITE_BUSY even after busy_timeout (then retried).
// The connection is opened and the statements prepared before the clock starts (`ready`, `go`).
Result insert_loop(const std::string& path, int writer, const Clock::time_point& deadline_ref, std::atomic<int>& ready,
                   const std::atomic<bool>& go) {
  sqlite3* db = open_db(path);
  sqlite3_stmt* ins = nullptr;
  sqlite3_stmt* begin = nullptr;
  sqlite3_stmt* commit = nullptr;
  if (sqlite3_prepare_v2(db, kInsert, -1, &ins, nullptr) != SQLITE_OK) fail(db, "prepare insert");
  if (sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr) != SQLITE_OK) fail(db, "prepare begin");
  if (sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr) != SQLITE_OK) fail(db, "prepare commit");
  ready.fetch_add(1);
  while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
  const Clock::time_point deadline = deadline_ref;

  Result r;
  char code[32];
  char description[256];
  char hash[72];
  const auto start = Clock::now();
  for (long i = 0;; ++i) {
    if (Clock::now() >= deadline) break;
    std::snprintf(code, sizeof code, "T%02d-%010ld", writer, i);
    std::snprintf(description, sizeof description, "%s (#%d-%ld).", kDescription, writer, i);
    std::snprintf(hash, sizeof hash, "%016lx%016lx%016lx%016lx", static_cast<unsigned long>(i) * 2654435761UL,
                  static_cast<unsigned long>(writer), static_cast<unsigned long>(i) ^ 0x5bd1e995UL, 0xfeedUL);

    int rc;
    while ((rc = sqlite3_step(begin)) == SQLITE_BUSY) {
      sqlite3_reset(begin);
      ++r.busy_retries;
    }
    if (rc != SQLITE_DONE) fail(db, "BEGIN IMMEDIATE");
    sqlite3_reset(begin);

    sqlite3_bind_text(ins, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins, 3, 1000 + (i % 50));
    sqlite3_bind_text(ins, 4, "drugs", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 5, "online", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 6, description, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 7, kSearch, -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 8, 1);
    sqlite3_bind_text(ins, 9, "received", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 10, "2026-03-01T08:15:30.123Z", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 11, "2026-03-21T08:15:30.123Z", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 12, "2026-03-01T08:15:30.123Z", -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) fail(db, "INSERT");
    sqlite3_reset(ins);

    while ((rc = sqlite3_step(commit)) == SQLITE_BUSY) {
      sqlite3_reset(commit);
      ++r.busy_retries;
    }
    if (rc != SQLITE_DONE) fail(db, "COMMIT");
    sqlite3_reset(commit);
    ++r.rows;
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  sqlite3_finalize(ins);
  sqlite3_finalize(begin);
  sqlite3_finalize(commit);
  sqlite3_close_v2(db);
  return r;
}

Result run_phase(const std::string& path, int threads, double seconds) {
  remove_db(path);
  {
    sqlite3* db = open_db(path);
    exec(db, kSchema);
    sqlite3_close_v2(db);
  }
  std::atomic<bool> go{false};
  std::vector<Result> results(static_cast<std::size_t>(threads));
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
  std::vector<std::thread> pool;
  const auto deadline_after = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  Clock::time_point deadline = Clock::time_point::max();
  std::atomic<int> ready{0};
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        results[static_cast<std::size_t>(t)] = insert_loop(path, t, deadline, ready, go);
      } catch (...) {
        errors[static_cast<std::size_t>(t)] = std::current_exception();
        ready.fetch_add(1);
      }
    });
  }
  while (ready.load() < threads) std::this_thread::yield();
  const auto start = Clock::now();
  deadline = start + deadline_after;
  go.store(true, std::memory_order_release);
  for (auto& th : pool) th.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);

  Result total;
  for (const auto& r : results) {
    total.rows += r.rows;
    total.busy_retries += r.busy_retries;
  }
  total.seconds = elapsed;
  // Check that every counted commit is a row in the file.
  sqlite3* db = open_db(path);
  sqlite3_stmt* count = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM tips", -1, &count, nullptr) != SQLITE_OK) fail(db, "count");
  long rows = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : -1;
  sqlite3_finalize(count);
  sqlite3_close_v2(db);
  if (rows != total.rows) {
    throw std::runtime_error("row count " + std::to_string(rows) + " != committed " + std::to_string(total.rows));
  }
  remove_db(path);
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = fs::temp_directory_path().string();
  double seconds = 5.0;
  int threads = 4;
  bool single_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    else if (a == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (a == "--single-only") single_only = true;
    else {
      std::fprintf(stderr, "usage: %s [--dir DIR] [--seconds S] [--threads N] [--single-only]\n", argv[0]);
      return 2;
    }
  }
  if (seconds <= 0 || threads < 1) {
    std::fprintf(stderr, "--seconds must be > 0 and --threads >= 1\n");
    return 2;
  }
  const std::string path = (fs::path(dir) / ("antq-raw-insert-" + std::to_string(getpid()) + ".db")).string();
  try {
    std::printf(
        "raw SQLite %s insert: journal_mode=WAL, synchronous=FULL, one row per transaction (BEGIN IMMEDIATE / "
        "INSERT / COMMIT), file in %s\n",
        sqlite3_libversion(), dir.c_str());
    std::fflush(stdout);
    const Result single = run_phase(path, 1, seconds);
    std::printf("  1 writer               : %9.0f rows/s  (%ld rows in %.2f s)\n", single.rps(), single.rows, single.seconds);
    std::fflush(stdout);
    if (single_only) {
      std::printf("RESULT single_writer_rps=%.1f single_writer_rows=%ld sqlite_version=%s\n", single.rps(), single.rows,
                  sqlite3_libversion());
      return 0;
    }
    const Result many = run_phase(path, threads, seconds);
    std::printf("  %d writers contending  : %9.0f rows/s  (%ld rows in %.2f s, %ld SQLITE_BUSY retries after busy_timeout)\n", threads,
                many.rps(), many.rows, many.seconds, many.busy_retries);
    std::printf(
        "RESULT single_writer_rps=%.1f single_writer_rows=%ld contended_rps=%.1f contended_rows=%ld "
        "contended_threads=%d contended_busy_retries=%ld sqlite_version=%s\n",
        single.rps(), single.rows, many.rps(), many.rows, threads, many.busy_retries, sqlite3_libversion());
    return 0;
  } catch (const std::exception& e) {
    remove_db(path);
    std::fprintf(stderr, "antq_bench_sqlite_insert: %s\n", e.what());
    return 1;
  }
}
