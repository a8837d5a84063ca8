#include "db/database.hpp"

#include <filesystem>
#include <utility>

#include "core/errors.hpp"
#include "db/postgres_database.hpp"
#include "db/sqlite_database.hpp"

namespace antq::db {

std::string_view engine_name(Engine e) { return e == Engine::sqlite ? "sqlite" : "postgresql"; }

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::stoll(*p);
  return 0;
}

double Row::real(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::stod(*p);
  return 0;
}

std::string Row::text(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return {};
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

namespace {
thread_local WriteHook* current_hook = nullptr;
}  // namespace

WriteHook::WriteHook(std::function<void(Connection&)> fn) : fn_(std::move(fn)), previous_(current_hook) { current_hook = this; }

WriteHook::~WriteHook() { current_hook = previous_; }

WriteHook::Suspend::Suspend() : saved_(std::exchange(current_hook, nullptr)) {}

WriteHook::Suspend::~Suspend() { current_hook = saved_; }

std::function<void(Connection&)> WriteHook::around(const std::function<void(Connection&)>& fn) {
  if (current_hook == nullptr) return fn;
  return [&fn, &hook = current_hook->fn_](Connection& c) {
    fn(c);
    hook(c);
  };
}

std::string escape_like(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string redact_url(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

std::unique_ptr<Database> open(const std::string& url, const Options& options) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return std::make_unique<PostgresDatabase>(url, options);
  }
  if (url.starts_with("sqlite:")) {
    std::string path = url.substr(7);
    if (path.starts_with("//")) path = path.substr(2);  // sqlite:///abs/path
    if (path.empty()) throw OperatorError("Đường dẫn CSDL SQLite trống (dùng sqlite:ĐƯỜNG_DẪN).");
    return std::make_unique<SqliteDatabase>(path, options);
  }
  throw OperatorError("Địa chỉ CSDL không hợp lệ: '" + redact_url(url) + "'. Dùng sqlite:ĐƯỜNG_DẪN hoặc postgresql://user@host:port/db.");
}

}  // namespace antq::db
