#pragma once
// One small interface over SQLite and PostgreSQL. SQL uses `$1`-style placeholders on both
// engines and is always bound, never built from input. Connections are handed out for the
// duration of a callback: `read` for queries, `write` for a transaction that commits when the
// callback returns and rolls back when it throws.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace antq::db {

enum class Engine { sqlite, postgresql };
std::string_view engine_name(Engine e);

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
  std::string text(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  const Value& value(std::size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

struct Result {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  std::int64_t affected = 0;
  bool empty() const { return rows.empty(); }
};

// A unique or primary-key constraint refused a write; services turn it into a 409.
class UniqueViolation : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// The database could not be reached or refused for a reason that is not the caller's input.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Result execute(std::string_view sql, const std::vector<Value>& params) = 0;
  // The same statement once for each parameter list, the results in order. PostgreSQL sends them
  // in a pipeline, a round trip for dozens of statements (a report's time series reads ~120 day
  // ranges); SQLite, in the process, has no round trip to save and runs them one by one.
  virtual std::vector<Result> execute_each(std::string_view sql, const std::vector<std::vector<Value>>& param_lists) {
    std::vector<Result> out;
    out.reserve(param_lists.size());
    for (const auto& params : param_lists) out.push_back(execute(sql, params));
    return out;
  }
  // Several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  virtual Engine engine() const = 0;

  template <class... Args>
  Result query(std::string_view sql, Args&&... args) {
    return execute(sql, std::vector<Value>{to_value(std::forward<Args>(args))...});
  }

  static Value to_value(std::nullptr_t) { return nullptr; }
  static Value to_value(const std::string& s) { return s; }
  static Value to_value(std::string&& s) { return std::move(s); }
  static Value to_value(std::string_view s) { return std::string(s); }
  static Value to_value(const char* s) { return std::string(s); }
  static Value to_value(bool b) { return std::int64_t{b ? 1 : 0}; }
  static Value to_value(double d) { return d; }
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  static Value to_value(T n) {
    return static_cast<std::int64_t>(n);
  }
  template <class T>
  static Value to_value(const std::optional<T>& o) {
    return o ? to_value(*o) : Value{nullptr};
  }
  static Value to_value(const Value& v) { return v; }
};

struct PoolStats {
  int connections_open = 0;
  int connections_in_use = 0;
  std::int64_t waits = 0;  // times a caller had to wait for a free connection
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Engine engine() const = 0;
  virtual void read(const std::function<void(Connection&)>& fn) = 0;
  virtual void write(const std::function<void(Connection&)>& fn) = 0;
  virtual PoolStats stats() const = 0;
  // A number that changes whenever a write has committed to the database, from this process or
  // any other, or nullopt when the engine cannot tell at the moment. A response cached under one
  // stamp is stale once the stamp differs.
  virtual std::optional<std::uint64_t> change_stamp() { return std::nullopt; }

  // Value-returning conveniences.
  template <class F>
  auto read_value(F&& f) -> std::invoke_result_t<F, Connection&> {
    std::optional<std::invoke_result_t<F, Connection&>> out;
    read([&](Connection& c) { out.emplace(f(c)); });
    return std::move(*out);
  }
  template <class F>
  auto write_value(F&& f) -> std::invoke_result_t<F, Connection&> {
    std::optional<std::invoke_result_t<F, Connection&>> out;
    write([&](Connection& c) { out.emplace(f(c)); });
    return std::move(*out);
  }
};

struct Options {
  int readers = 4;    // SQLite reader connections
  int pool_size = 8;  // PostgreSQL connections
  int busy_timeout_ms = 10000;
};

// Work added to every write transaction the constructing thread makes while the hook lives, run
// inside it after the caller's own work: what must commit or roll back with whatever a request
// writes (the request's Idempotency-Key marked as acted upon). One hook per thread at a time.
class WriteHook {
 public:
  explicit WriteHook(std::function<void(Connection&)> fn);
  ~WriteHook();
  WriteHook(const WriteHook&) = delete;
  WriteHook& operator=(const WriteHook&) = delete;
  // `fn`, followed by this thread's hook when one lives; each engine's write() calls it on the
  // caller's thread (SQLite's group commit may then run it on another).
  static std::function<void(Connection&)> around(const std::function<void(Connection&)>& fn);

  // While one lives, this thread's writes run without the hook: bookkeeping a request does that is
  // not its effect (a rate-limit count, a spent challenge) must not mark its key as acted upon.
  class Suspend {
   public:
    Suspend();
    ~Suspend();
    Suspend(const Suspend&) = delete;
    Suspend& operator=(const Suspend&) = delete;

   private:
    WriteHook* saved_;
  };

 private:
  std::function<void(Connection&)> fn_;
  WriteHook* previous_;
};

// `s` with LIKE's wildcards escaped, for use with `LIKE $n ESCAPE '\'` (same on both engines).
std::string escape_like(std::string_view s);

// `sqlite:PATH` (or a bare path ending in .db) or `postgresql://user@host:port/db` / `postgres://`.
std::unique_ptr<Database> open(const std::string& url, const Options& options = {});
// Hides the password of a libpq URI for logs and messages.
std::string redact_url(const std::string& url);

}  // namespace antq::db
