#include "db/migrations.hpp"

#include <algorithm>
#include <map>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/resources.hpp"
#include "core/time.hpp"

namespace antq::db {

namespace {

constexpr std::string_view kPrefix = "server/src/db/migrations/";

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";
constexpr const char* kSelectApplied = "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
constexpr const char* kInsertApplied = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)";
// Any fixed number: every antq process migrating the same PostgreSQL database takes this lock.
constexpr const char* kPgLock = "SELECT pg_advisory_xact_lock(7268001)";

}  // namespace

std::vector<Migration> embedded_migrations(Engine engine) {
  const std::string own = std::string(".") + std::string(engine_name(engine)) + ".sql";
  std::map<int, Migration> by_version;
  for (const auto& e : resources::with_prefix(kPrefix)) {
    std::string file = std::string(e.name).substr(kPrefix.size());
    if (file.size() < 9 || !file.ends_with(".sql")) continue;
    const int version = std::stoi(file.substr(0, 4));
    std::string stem = file.substr(5, file.size() - 5 - 4);  // without NNNN_ and .sql
    const bool specific = file.ends_with(".sqlite.sql") || file.ends_with(".postgresql.sql");
    if (specific && !file.ends_with(own)) continue;
    if (specific) stem = stem.substr(0, stem.rfind('.'));
    Migration m{version, stem, std::string(e.data, e.size), {}};
    m.checksum = crypto::sha256_hex(m.sql);
    auto [it, inserted] = by_version.emplace(version, m);
    if (!inserted && specific) it->second = m;  // a dialect file wins over a shared one
  }
  std::vector<Migration> out;
  for (auto& [v, m] : by_version) out.push_back(std::move(m));
  return out;
}

MigrationReport migrate(Database& db) {
  const auto migrations = embedded_migrations(db.engine());
  MigrationReport report;
  db.write([&](Connection& c) {
    if (db.engine() == Engine::postgresql) c.execute(kPgLock, {});
    c.execute_script(kCreateTable);
    std::map<int, std::pair<std::string, std::string>> applied;
    for (const auto& row : c.query(kSelectApplied).rows) {
      applied[static_cast<int>(row.integer(0))] = {row.text(1), row.text(2)};
    }
    for (const auto& [version, info] : applied) {
      // Copied into the lambda: clang 14 cannot capture a structured binding (the fuzz build uses it).
      auto it = std::find_if(migrations.begin(), migrations.end(), [&, v = version](const Migration& m) { return m.version == v; });
      if (it == migrations.end()) {
        throw OperatorError("CSDL có migration " + std::to_string(version) + " (" + info.first +
                            ") mà phiên bản antq này không biết: hãy dùng bản antq mới hơn.");
      }
      if (it->checksum != info.second) {
        throw OperatorError("Migration " + std::to_string(version) + " (" + info.first +
                            ") đã bị sửa sau khi áp dụng (checksum khác). Không sửa migration cũ: thêm migration mới.");
      }
    }
    for (const auto& m : migrations) {
      if (applied.count(m.version)) continue;
      try {
        c.execute_script(m.sql);
      } catch (const DatabaseError& e) {
        throw OperatorError("Migration " + std::to_string(m.version) + "_" + m.name + " thất bại: " + e.what());
      }
      c.query(kInsertApplied, m.version, m.name, m.checksum, timeutil::now_utc());
      report.applied.push_back(m.name);
    }
  });
  report.current_version = migrations.empty() ? 0 : migrations.back().version;
  return report;
}

int schema_version(Database& db) {
  return db.read_value([](Connection& c) -> int {
    const char* probe = c.engine() == Engine::sqlite
                            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
                            : "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' "
                              "AND table_schema = current_schema()";
    if (c.query(probe).rows.at(0).integer(0) == 0) return 0;
    auto r = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return static_cast<int>(r.rows.at(0).integer(0));
  });
}

}  // namespace antq::db
