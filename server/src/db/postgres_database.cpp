#include "db/postgres_database.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "core/errors.hpp"

namespace antq::db {

namespace {
// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

// A statement's parameters as libpq takes them: text, or a null pointer for NULL.
struct TextParams {
  std::vector<std::string> texts;
  std::vector<const char*> ptrs;
  explicit TextParams(const std::vector<Value>& params) : texts(params.size()), ptrs(params.size(), nullptr) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (auto d = std::get_if<double>(&v)) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        texts[i] = std::string(buf, end);
      } else {
        texts[i] = std::get<std::string>(v);
      }
      ptrs[i] = texts[i].c_str();
    }
  }
  int count() const { return static_cast<int>(ptrs.size()); }
};
}  // namespace

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  Engine engine() const override { return Engine::postgresql; }
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
  // The triggers on the tables public reads are cached from (migration 0028) raise a NOTICE,
  // which libpq hands to the notice processor while the statement runs: this connection's
  // transaction then changed what the response cache holds.
  void notice(const char* message) {
    if (std::strstr(message, "antq_public_data_changed") != nullptr) public_data_changed_ = true;
  }
  bool take_public_data_changed() { return std::exchange(public_data_changed_, false); }
  // For a connection taken from the pool: libpq learns that the server went away (a restart, an
  // administrator's pg_terminate_backend) only when the connection is next used, and the server's
  // farewell (57P01 and EOF) is already waiting on the socket. An idle connection is sent nothing
  // in this application (no LISTEN), so anything readable means it is finished.
  bool usable_after_idle() const {
    if (!healthy()) return false;
    pollfd p{PQsocket(conn_), POLLIN, 0};
    if (p.fd < 0) return false;
    return ::poll(&p, 1, 0) == 0;
  }

  Result execute(std::string_view sql, const std::vector<Value>& params) override {
    const std::string& name = prepare(sql);
    const TextParams p(params);
    PGresult* res = PQexecPrepared(conn_, name.c_str(), p.count(), p.ptrs.data(), nullptr, nullptr, 0);
    ResultGuard guard{res};
    check(res, sql);
    return read_result(res);
  }

  std::vector<Result> execute_each(std::string_view sql, const std::vector<std::vector<Value>>& param_lists) override {
    const std::string& name = prepare(sql);  // PQprepare waits for its answer: not in a pipeline
    std::vector<Result> out;
    out.reserve(param_lists.size());
    // Sent before anything is read: a few kilobytes fit in the socket's buffer, so the sending
    // cannot block while the server, its own output unread, stops reading (libpq's pipeline
    // deadlock in blocking mode).
    constexpr std::size_t kPerSync = 32;
    for (std::size_t first = 0; first < param_lists.size(); first += kPerSync) {
      const std::size_t n = std::min(kPerSync, param_lists.size() - first);
      if (PQenterPipelineMode(conn_) != 1) throw StorageUnavailable("PostgreSQL: " + std::string(PQerrorMessage(conn_)), 2);
      bool sent = true;
      for (std::size_t k = 0; k < n && sent; ++k) {
        const TextParams p(param_lists[first + k]);
        sent = PQsendQueryPrepared(conn_, name.c_str(), p.count(), p.ptrs.data(), nullptr, nullptr, 0) == 1;
      }
      sent = sent && PQpipelineSync(conn_) == 1;
      // Every answer is read up to the sync whatever happened, so that the connection leaves
      // pipeline mode clean; the first failure is then thrown as execute() would throw it.
      PGresult* failed = nullptr;
      for (;;) {
        PGresult* res = PQgetResult(conn_);
        if (res == nullptr) {
          if (!sent || PQstatus(conn_) != CONNECTION_OK) break;  // nothing more will come
          continue;                                              // the end of one statement's answer
        }
        const auto st = PQresultStatus(res);
        if (st == PGRES_PIPELINE_SYNC) {
          PQclear(res);
          break;
        }
        if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
          if (failed == nullptr) out.push_back(read_result(res));
          PQclear(res);
        } else if (failed == nullptr && st != PGRES_PIPELINE_ABORTED) {
          failed = res;
        } else {
          PQclear(res);
        }
      }
      PQexitPipelineMode(conn_);
      if (failed != nullptr) {
        ResultGuard guard{failed};
        check(failed, sql);
      }
      if (!sent || out.size() != first + n) {
        throw StorageUnavailable("PostgreSQL: " + std::string(PQerrorMessage(conn_)) + " in: " + std::string(sql.substr(0, 120)), 2);
      }
    }
    return out;
  }

  void execute_script(std::string_view sql) override {
    PGresult* res = PQexec(conn_, std::string(sql).c_str());
    ResultGuard guard{res};
    check(res, sql);
  }

 private:
  static Result read_result(PGresult* res) {
    Result result;
    const int ncol = PQnfields(res);
    const int nrow = PQntuples(res);
    std::vector<Oid> types(static_cast<std::size_t>(ncol));
    for (int c = 0; c < ncol; ++c) {
      result.columns.emplace_back(PQfname(res, c));
      types[static_cast<std::size_t>(c)] = PQftype(res, c);
    }
    result.rows.reserve(static_cast<std::size_t>(nrow));
    for (int r = 0; r < nrow; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(ncol));
      for (int c = 0; c < ncol; ++c) {
        if (PQgetisnull(res, r, c)) {
          values.emplace_back(nullptr);
          continue;
        }
        const char* s = PQgetvalue(res, r, c);
        switch (types[static_cast<std::size_t>(c)]) {
          case kInt2:
          case kInt4:
          case kInt8: values.emplace_back(static_cast<std::int64_t>(std::strtoll(s, nullptr, 10))); break;
          case kBool: values.emplace_back(std::int64_t{s[0] == 't' ? 1 : 0}); break;
          case kFloat4:
          case kFloat8: values.emplace_back(std::strtod(s, nullptr)); break;
          case kNumeric:
            // SUM() over integers is numeric in PostgreSQL; keep whole numbers integral.
            if (std::strchr(s, '.') == nullptr) values.emplace_back(static_cast<std::int64_t>(std::strtoll(s, nullptr, 10)));
            else values.emplace_back(std::strtod(s, nullptr));
            break;
          default: values.emplace_back(std::string(s, static_cast<std::size_t>(PQgetlength(res, r, c))));
        }
      }
      result.rows.emplace_back(std::move(values));
    }
    const char* tuples = PQcmdTuples(res);
    result.affected = (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
    return result;
  }

  const std::string& prepare(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second;
    std::string name = "antq_" + std::to_string(cache_.size() + 1);
    PGresult* res = PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr);
    ResultGuard guard{res};
    check(res, sql);
    return cache_.emplace(std::string(sql), std::move(name)).first->second;
  }

  void check(PGresult* res, std::string_view sql) {
    const auto st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    std::string msg = PQresultErrorMessage(res);
    if (msg.empty()) msg = PQerrorMessage(conn_);
    const std::string_view code = state ? state : "";
    if (code == "23505") throw UniqueViolation(msg);
    const std::string detail = "PostgreSQL " + std::string(code) + ": " + msg + " in: " + std::string(sql.substr(0, 120));
    if (code == "53100") throw StorageFull(detail);  // disk_full
    // Class 08 (connection exception), 57P01-57P03 (the server shutting down, crashed, or not yet
    // accepting connections), 53300 (too many connections), or no answer at all: the server
    // will be back; nothing about the statement was wrong.
    if (code.starts_with("08") || code == "57P01" || code == "57P02" || code == "57P03" || code == "53300" ||
        PQstatus(conn_) != CONNECTION_OK) {
      throw StorageUnavailable(detail, 2);
    }
    throw DatabaseError(detail);
  }

  PGconn* conn_;
  bool public_data_changed_ = false;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;
};

PostgresDatabase::PostgresDatabase(std::string url, const Options& options) : url_(std::move(url)), options_(options) {
  // An unreachable host must fail in seconds, not after the kernel's TCP timeout.
  if (url_.find("connect_timeout") == std::string::npos) {
    connect_url_ = url_ + (url_.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=5";
  } else {
    connect_url_ = url_;
  }
  try {
    release(acquire());  // fail at start-up, not at the first request, when the server is unreachable
  } catch (const StorageUnavailable& e) {
    throw OperatorError("Không kết nối được PostgreSQL '" + redact_url(url_) + "': " + e.what());
  }
  // Keepalives: a connection that died without a word (a failover, a NAT) is noticed in seconds,
  // not after the cache has served stale answers for minutes.
  changes_ = std::make_unique<PgChangeListener>(connect_url_ + "&keepalives=1&keepalives_idle=10&keepalives_interval=5&keepalives_count=3");
}

PostgresDatabase::~PostgresDatabase() = default;

std::unique_ptr<PgConnection> PostgresDatabase::acquire() {
  std::unique_ptr<PgConnection> reused;
  {
    std::unique_lock lock(mutex_);
    if (idle_.empty() && open_ >= options_.pool_size) {
      ++waits_;
      // A slot frees up either as an idle connection or as a dropped (broken) one.
      if (!cv_.wait_for(lock, std::chrono::milliseconds(options_.busy_timeout_ms),
                        [&] { return !idle_.empty() || open_ < options_.pool_size; })) {
        throw StorageUnavailable("PostgreSQL: no free connection in the pool", 2);
      }
    }
    ++in_use_;
    if (!idle_.empty()) {
      reused = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++open_;
    }
  }
  if (reused) {
    if (reused->usable_after_idle()) return reused;
    // Broken while it waited in the pool (the server restarted): a new connection takes its slot.
    reused.reset();
  }
  auto give_back_slot = [this] {
    {
      std::lock_guard lock(mutex_);
      --open_;
      --in_use_;
    }
    cv_.notify_one();
  };
  PGconn* raw = PQconnectdb(connect_url_.c_str());
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(raw);
    PQfinish(raw);
    give_back_slot();
    // At run time the server may be restarting: the request is answered 503 and retried later.
    throw StorageUnavailable("PostgreSQL unreachable: " + msg, 5);
  }
  auto conn = std::make_unique<PgConnection>(raw);
  PQsetNoticeProcessor(
      raw, [](void* c, const char* message) { static_cast<PgConnection*>(c)->notice(message); }, conn.get());
  try {
    // A runaway statement must not hold a worker thread for ever.
    conn->execute_script("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET statement_timeout = '30s'");
  } catch (...) {
    conn.reset();
    give_back_slot();
    throw;
  }
  return conn;
}

void PostgresDatabase::release(std::unique_ptr<PgConnection> conn) {
  {
    std::lock_guard lock(mutex_);
    --in_use_;
    if (conn && conn->healthy()) {
      idle_.push_back(std::move(conn));
    } else {
      --open_;  // a broken connection is dropped; the next acquire opens a fresh one
    }
  }
  cv_.notify_one();
}

void PostgresDatabase::drop_idle() {
  std::vector<std::unique_ptr<PgConnection>> dropped;
  {
    std::lock_guard lock(mutex_);
    dropped.swap(idle_);
    open_ -= static_cast<int>(dropped.size());
  }
  cv_.notify_all();
}  // closed here, outside the lock

void PostgresDatabase::run(const char* begin, const std::function<void(Connection&)>& fn, bool writes) {
  auto conn = acquire();
  try {
    conn->execute(begin, {});
  } catch (const StorageUnavailable&) {
    const bool broken = !conn->healthy();
    release(std::move(conn));  // a broken connection is dropped here
    if (!broken) throw;
    // It broke between the pool's check and BEGIN; the idle ones were opened before the same
    // event (a restart), so they go too. Nothing has run yet, so retrying once on a fresh
    // connection is safe; if the server is still down, that attempt answers "unavailable".
    drop_idle();
    conn = acquire();
    try {
      conn->execute(begin, {});
    } catch (...) {
      release(std::move(conn));
      throw;
    }
  } catch (...) {
    release(std::move(conn));
    throw;
  }
  try {
    conn->take_public_data_changed();  // what an earlier, rolled back transaction said
    fn(*conn);
    conn->execute("COMMIT", {});
  } catch (...) {
    if (conn->healthy()) {
      try {
        conn->execute("ROLLBACK", {});
      } catch (const std::exception&) {
        conn.reset();  // cannot trust its state: drop it
      }
    }
    release(std::move(conn));
    throw;
  }
  // This process's own cache knows at once, before the NOTIFY reaches its listener.
  const bool changed = writes && conn->take_public_data_changed();
  release(std::move(conn));
  if (changed) ++commits_;
}

void PostgresDatabase::read(const std::function<void(Connection&)>& fn) {
  run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn, false);
}

void PostgresDatabase::write(const std::function<void(Connection&)>& fn) { run("BEGIN", WriteHook::around(fn), true); }

std::optional<std::uint64_t> PostgresDatabase::change_stamp() {
  const auto heard = changes_->heard();
  if (!heard) return std::nullopt;
  // Both only grow, so their sum changes whenever either does.
  return *heard + commits_.load();
}

PoolStats PostgresDatabase::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{open_, in_use_, waits_};
}

}  // namespace antq::db
