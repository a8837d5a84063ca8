#pragma once
// A fresh, empty database per test on either engine: a SQLite file in a temporary folder, or a
// schema of its own in the PostgreSQL started by scripts/with-postgres.sh (ANTQ_TEST_PG_URL).
// A PostgreSQL test without that variable fails: `make test` must never silently skip an engine.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::test {

std::vector<std::string> engines();         // {"sqlite", "postgresql"}
std::vector<std::string> server_engines();  // the engines among those that run as a server: {"postgresql"}

class TestDatabase {
 public:
  // `own_database`: on PostgreSQL a database of its own (CREATE DATABASE, dropped after) instead of
  // a schema, for what works on a whole database (pg_dump, pg_restore); SQLite is a file either way.
  explicit TestDatabase(const std::string& engine, bool own_database = false);
  ~TestDatabase();
  const std::string& url() const { return url_; }
  db::Database& db() { return *db_; }
  // A second, independent handle on the same database (another process would see this).
  std::unique_ptr<db::Database> open_again() const;
  const std::filesystem::path& dir() const { return dir_; }
  // PostgreSQL: the application_name of this test's connections (empty for SQLite).
  const std::string& pg_application_name() const { return schema_; }

 private:
  std::string engine_, url_, schema_, database_;
  std::filesystem::path dir_;
  std::unique_ptr<db::Database> db_;
};

std::string source_dir();  // the repository root
std::string read_source_file(const std::string& relative);

}  // namespace antq::test
