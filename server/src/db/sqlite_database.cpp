#include "db/sqlite_database.hpp"

#include <sqlite3.h>

#include <cerrno>

#include <algorithm>
#include <filesystem>
#include <list>
#include <unordered_map>

#include "core/errors.hpp"
#include "core/log.hpp"
#include "db/each_row.hpp"

namespace antq::db {

namespace {

// SQLite reads `$1` as a *named* parameter numbered by first appearance, so "$2 ... $1" would
// bind backwards. `?NNN` is positional: rewrite outside string literals and quoted identifiers.
std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('?');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Turns a failed SQLite call into the exception its cause calls for. A full disk shows as
// SQLITE_FULL for database and WAL writes, but as an I/O error (e.g. SQLITE_IOERR_SHMSIZE when the
// WAL index grows, SQLITE_IOERR_WRITE elsewhere) with errno ENOSPC in a few places: both are
// "storage full". SQLITE_BUSY / SQLITE_LOCKED come only after the busy timeout has run out:
// another process (a backup, the sqlite3 shell, a second server) holds the write lock.
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view context) {
  const int ext = sqlite3_extended_errcode(db);
  const std::string msg = sqlite3_errmsg(db);
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) throw UniqueViolation(msg);
  const int primary = rc & 0xff;
  const int sys = sqlite3_system_errno(db);
  const std::string detail = "SQLite error " + std::to_string(ext) + ": " + msg + " in: " + std::string(context.substr(0, 120));
  if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))) throw StorageFull(detail);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw StorageUnavailable(detail, 2);
  throw DatabaseError(detail);
}

}  // namespace

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& e : lru_) sqlite3_finalize(e.stmt);
    sqlite3_close_v2(db_);
  }
  Engine engine() const override { return Engine::sqlite; }

  Result execute(std::string_view sql, const std::vector<Value>& params) override {
    Result result;
    run(sql, params, &result.columns, [&](std::vector<Value>&& values) { result.rows.emplace_back(std::move(values)); });
    result.affected = sqlite3_changes64(db_);
    return result;
  }

  // Rows one at a time, none kept (db::each_row).
  void each(std::string_view sql, const std::vector<Value>& params, const std::function<void(const Row&)>& fn) {
    run(sql, params, nullptr, [&](std::vector<Value>&& values) { fn(Row(std::move(values))); });
  }

  void execute_script(std::string_view sql) override {
    const std::string s(sql);
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, sql);
  }

  sqlite3* handle() { return db_; }

 private:
  // Binds, steps and hands each row over as it comes.
  template <class OnRow>
  void run(std::string_view sql, const std::vector<Value>& params, std::vector<std::string>* columns, OnRow&& on_row) {
    Statement st = prepare(sql, params.size());
    sqlite3_stmt* stmt = st.stmt;
    if (static_cast<int>(params.size()) > sqlite3_bind_parameter_count(stmt)) {
      throw DatabaseError("too many parameters for: " + std::string(sql.substr(0, 80)));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i + 1);
      const Value& v = params[i];
      int rc;
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (auto n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (auto d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else {
        // SQLITE_STATIC: no copy of the text. `params` outlives every step, and `st` (declared
        // after it) resets and clears the bindings before run() returns or unwinds.
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) fail(rc, sql);
    }
    const int ncol = sqlite3_column_count(stmt);
    if (columns)
      for (int c = 0; c < ncol; ++c) columns->emplace_back(sqlite3_column_name(stmt, c));
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(rc, sql);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(ncol));
      for (int c = 0; c < ncol; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL: values.emplace_back(nullptr); break;
          case SQLITE_INTEGER: values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c))); break;
          case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt, c));
            values.emplace_back(std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      on_row(std::move(values));
    }
  }

  // The prepared-statement cache is bounded (kCachedStatements per connection, least recently used
  // out). Keyed by SQL text, it used to keep every text ever run; some texts are built per call
  // (`IN ($1, …, $n)` with one placeholder per record of a page or of an export, filters that
  // appear or not), so over a long run each pooled connection collected statements that were
  // never used again (+2.5 MiB in 12 minutes of bench/soak.sh, decision 0011). The soak's whole
  // mix uses about 110 distinct texts: 256 leaves room without re-preparing, and bounds the cache
  // at a few MiB per connection. Statements with more than kMaxCachedParams placeholders are
  // one-offs: prepared, used and finalized.
  static constexpr std::size_t kCachedStatements = 256;
  static constexpr std::size_t kMaxCachedParams = 100;
  struct Entry {
    std::string sql;
    sqlite3_stmt* stmt;
  };
  // A statement for one use: reset (and finalized when not cached) when the use ends.
  struct Statement {
    sqlite3_stmt* stmt = nullptr;
    bool owned = false;
    Statement(sqlite3_stmt* s, bool o) : stmt(s), owned(o) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() {
      if (owned) {
        sqlite3_finalize(stmt);
      } else {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    }
  };

  Statement prepare(std::string_view sql, std::size_t nparams) {
    if (auto it = index_.find(sql); it != index_.end()) {
      // In use further up the stack (a query run from inside each_row's callback with the same
      // text): a private copy, so the outer one keeps its place.
      if (sqlite3_stmt_busy(it->second->stmt)) return Statement(compile(sql, false), true);
      lru_.splice(lru_.begin(), lru_, it->second);
      return Statement(it->second->stmt, false);
    }
    if (nparams > kMaxCachedParams) return Statement(compile(sql, false), true);
    sqlite3_stmt* stmt = compile(sql, true);
    lru_.push_front(Entry{std::string(sql), stmt});
    index_.emplace(std::string_view(lru_.front().sql), lru_.begin());
    if (lru_.size() > kCachedStatements) {
      // The least recently used that is not running (a running one sits in an outer each_row).
      for (auto victim = std::prev(lru_.end()); victim != lru_.begin(); --victim) {
        if (sqlite3_stmt_busy(victim->stmt)) continue;
        index_.erase(std::string_view(victim->sql));
        sqlite3_finalize(victim->stmt);
        lru_.erase(victim);
        break;
      }
    }
    return Statement(stmt, false);
  }

  sqlite3_stmt* compile(std::string_view sql, bool persistent) {
    const std::string rewritten = rewrite_placeholders(sql);
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, rewritten.c_str(), static_cast<int>(rewritten.size()),
                                      persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      fail(rc, sql);
    }
    return stmt;
  }

  [[noreturn]] void fail(int rc, std::string_view sql) { throw_sqlite(db_, rc, sql); }

  sqlite3* db_;
  // Heterogeneous lookup: finding a cached statement allocates nothing.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::list<Entry> lru_;  // most recently used first; the index's keys point into its strings
  std::unordered_map<std::string_view, std::list<Entry>::iterator, Hash, std::equal_to<>> index_;
};

void each_row(Connection& c, std::string_view sql, const std::vector<Value>& params, const std::function<void(const Row&)>& fn) {
  if (auto* s = dynamic_cast<SqliteConnection*>(&c)) {
    s->each(sql, params, fn);
    return;
  }
  for (const auto& row : c.execute(sql, params).rows) fn(row);
}

SqliteDatabase::SqliteDatabase(std::string path, const Options& options) : path_(std::move(path)), options_(options) {
  const auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) throw OperatorError("Không tạo được thư mục CSDL '" + parent.string() + "': " + ec.message());
  }
  writer_ = open_connection(true);
}

SqliteDatabase::~SqliteDatabase() {
  idle_readers_.clear();
  stamp_reader_.reset();
  if (writer_) {
    // Fold the WAL back into the main file so a stopped server leaves one tidy file.
    sqlite3_wal_checkpoint_v2(writer_->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  }
  writer_.reset();
}

std::optional<std::uint64_t> SqliteDatabase::change_stamp() {
  std::lock_guard lock(stamp_mutex_);
  // Asked on an I/O thread: a failure means "cannot tell" (nothing is cached), never an exception.
  try {
    if (!stamp_reader_) stamp_reader_ = open_connection(false);
    return static_cast<std::uint64_t>(stamp_reader_->execute("PRAGMA data_version", {}).rows.at(0).integer(0));
  } catch (const std::exception& e) {
    log::warn("change_stamp_failed", {{"error", e.what()}});
    stamp_reader_.reset();
    return std::nullopt;
  }
}

std::unique_ptr<SqliteConnection> SqliteDatabase::open_connection(bool writer) {
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path_.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
    std::string msg = handle ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close_v2(handle);
    throw OperatorError("Không mở được CSDL SQLite '" + path_ + "': " + msg);
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, options_.busy_timeout_ms);
  auto conn = std::make_unique<SqliteConnection>(handle);
  conn->execute_script(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
      // Reads through a memory map instead of a pread per page (fewer system calls per request).
      "PRAGMA mmap_size=268435456;");
  if (!writer) conn->execute_script("PRAGMA query_only=ON;");
  // SQLite's default 2 MB page cache: an import widens the writer's while it runs (import_run.cpp).
  return conn;
}

void SqliteDatabase::read(const std::function<void(Connection&)>& fn) {
  std::unique_ptr<SqliteConnection> conn;
  {
    std::unique_lock lock(pool_mutex_);
    if (idle_readers_.empty() && readers_open_ >= options_.readers) {
      ++waits_;
      pool_cv_.wait(lock, [&] { return !idle_readers_.empty() || readers_open_ < options_.readers; });
    }
    if (!idle_readers_.empty()) {
      conn = std::move(idle_readers_.back());
      idle_readers_.pop_back();
    } else {
      ++readers_open_;
    }
    ++in_use_;
  }
  try {
    if (!conn) conn = open_connection(false);
  } catch (...) {
    {
      std::lock_guard lock(pool_mutex_);
      --readers_open_;
      --in_use_;
    }
    pool_cv_.notify_one();
    throw;
  }
  struct Return {
    SqliteDatabase* self;
    std::unique_ptr<SqliteConnection>& c;
    ~Return() {
      {
        std::lock_guard lock(self->pool_mutex_);
        self->idle_readers_.push_back(std::move(c));
        --self->in_use_;
      }
      self->pool_cv_.notify_one();
    }
  } give_back{this, conn};
  // A read is a short transaction so several statements see one snapshot.
  run_transaction(*conn, "BEGIN", fn);
}

void SqliteDatabase::run_transaction(SqliteConnection& conn, const char* begin, const std::function<void(Connection&)>& fn) {
  conn.execute(begin, {});
  try {
    fn(conn);
    conn.execute("COMMIT", {});
  } catch (...) {
    // SQLite may already have rolled back (e.g. after a failed COMMIT); only roll back what is
    // still open, and never let a failed ROLLBACK hide the original error.
    if (!sqlite3_get_autocommit(conn.handle())) {
      try {
        conn.execute("ROLLBACK", {});
      } catch (const std::exception&) {
        sqlite3_exec(conn.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      }
    }
    throw;
  }
}

struct SqliteDatabase::PendingWrite {
  const std::function<void(Connection&)>* fn;
  std::exception_ptr error;
  bool done = false;
  bool lead = false;           // handed the lead: this writer runs the next transaction
  std::condition_variable cv;  // one per writer: finishing a batch wakes its members, not everyone
};

namespace {
// Enough to amortise an fsync many times over, small enough that one transaction stays short.
constexpr std::size_t kMaxBatch = 256;
}  // namespace

void SqliteDatabase::write(const std::function<void(Connection&)>& fn_alone) {
  const auto fn = WriteHook::around(fn_alone);
  PendingWrite me{&fn};
  ++in_use_;
  struct Done {
    SqliteDatabase* self;
    ~Done() { --self->in_use_; }
  } done{this};
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&me);
  if (!leader_active_) {
    leader_active_ = true;
    me.lead = true;
  } else {
    ++waits_;
    me.cv.wait(lock, [&] { return me.done || me.lead; });
  }
  if (!me.done) {
    // Lead: the queue starts with this writer; take it and those behind it into one transaction.
    const std::size_t n = std::min(queue_.size(), kMaxBatch);
    std::vector<PendingWrite*> batch(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    lock.unlock();
    write_batch(batch);
    lock.lock();
    for (auto* p : batch) {
      p->done = true;
      if (p != &me) p->cv.notify_one();  // it cannot leave before we release the lock
    }
    // Hand the lead to the first writer that queued meanwhile.
    if (!queue_.empty()) {
      queue_.front()->lead = true;
      queue_.front()->cv.notify_one();
    } else {
      leader_active_ = false;
    }
  }
  lock.unlock();
  if (me.error) std::rethrow_exception(me.error);
}

void SqliteDatabase::write_batch(const std::vector<PendingWrite*>& batch) {
  SqliteConnection& conn = *writer_;
  if (batch.size() == 1) {
    try {
      run_transaction(conn, "BEGIN IMMEDIATE", *batch.front()->fn);
    } catch (...) {
      batch.front()->error = std::current_exception();
    }
    return;
  }
  try {
    conn.execute("BEGIN IMMEDIATE", {});
  } catch (...) {
    for (auto* p : batch) p->error = std::current_exception();
    return;
  }
  // When the whole transaction is lost, the other writers of the batch did nothing wrong: they get
  // the cause when it is a full disk (their write would fail the same way), otherwise "try again"
  // (503), never a 500 for someone else's failure.
  std::exception_ptr aborted;
  const auto abort_error = [&] {
    try {
      std::rethrow_exception(aborted);
    } catch (const StorageFull&) {
      return aborted;
    } catch (...) {
      return std::make_exception_ptr(StorageUnavailable("write transaction rolled back by another write of the same batch", 1));
    }
  };
  for (auto* p : batch) {
    if (aborted) {
      p->error = abort_error();
      continue;
    }
    try {
      conn.execute("SAVEPOINT antq_write", {});
      (*p->fn)(conn);
      conn.execute("RELEASE antq_write", {});
    } catch (...) {
      p->error = std::current_exception();
      if (sqlite3_get_autocommit(conn.handle())) {
        // SQLite rolled the whole transaction back (disk full, I/O error): the callbacks already
        // run lost their writes too, so none of them may be acknowledged.
        aborted = p->error;
        continue;
      }
      try {
        conn.execute("ROLLBACK TO antq_write", {});
        conn.execute("RELEASE antq_write", {});
      } catch (...) {
        aborted = std::current_exception();
      }
    }
  }
  if (aborted) {
    const auto err = abort_error();
    for (auto* p : batch)
      if (!p->error) p->error = err;
    if (!sqlite3_get_autocommit(conn.handle())) sqlite3_exec(conn.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    return;
  }
  try {
    conn.execute("COMMIT", {});
  } catch (...) {
    const auto err = std::current_exception();
    for (auto* p : batch)
      if (!p->error) p->error = err;
    if (!sqlite3_get_autocommit(conn.handle())) sqlite3_exec(conn.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

PoolStats SqliteDatabase::stats() const {
  std::lock_guard lock(pool_mutex_);
  return PoolStats{readers_open_ + 1, in_use_.load(), waits_.load()};
}

}  // namespace antq::db
