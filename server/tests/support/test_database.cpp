#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"

namespace antq::test {

std::vector<std::string> engines() {
  const char* only = std::getenv("ANTQ_TEST_ENGINES");
  if (only && std::string(only) == "sqlite") return {"sqlite"};
  return {"sqlite", "postgresql"};
}

std::vector<std::string> server_engines() {
  std::vector<std::string> out;
  for (auto& e : engines()) {
    if (e != "sqlite") out.push_back(e);
  }
  return out;
}

namespace {

// A statement outside any transaction (CREATE / DROP DATABASE refuse to run inside one).
void pg_admin(const std::string& sql) {
  PGconn* c = PQconnectdb(std::getenv("ANTQ_TEST_PG_URL"));
  PGresult* r = PQexec(c, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string error = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + error);
}

}  // namespace

TestDatabase::TestDatabase(const std::string& engine, bool own_database) : engine_(engine) {
  dir_ = std::filesystem::temp_directory_path() / ("antq-test-" + crypto::random_hex(6));
  std::filesystem::create_directories(dir_);
  if (engine == "sqlite") {
    url_ = "sqlite:" + (dir_ / "antq.db").string();
  } else {
    const char* base = std::getenv("ANTQ_TEST_PG_URL");
    if (!base) {
      ADD_FAILURE() << "ANTQ_TEST_PG_URL is not set: run the tests through 'make test' (scripts/with-postgres.sh), "
                       "or set ANTQ_TEST_ENGINES=sqlite to run SQLite only.";
      throw std::runtime_error("no PostgreSQL for tests");
    }
    if (own_database) {
      database_ = "antq_t_" + crypto::random_hex(6);
      pg_admin("CREATE DATABASE " + database_);
      const std::string b(base);
      const auto slash = b.rfind('/'), query = b.find('?', slash);
      url_ = b.substr(0, slash + 1) + database_ + (query == std::string::npos ? "" : b.substr(query));
      db_ = db::open(url_);
      return;
    }
    schema_ = "t_" + crypto::random_hex(6);
    {
      auto admin = db::open(base);
      admin->write([&](db::Connection& c) { c.execute_script("CREATE SCHEMA " + schema_); });
    }
    // application_name lets a test find (and terminate) exactly its own connections.
    url_ = std::string(base) + (std::string(base).find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_ +
           "&application_name=" + schema_;
  }
  db_ = db::open(url_);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!schema_.empty()) {
    try {
      auto admin = db::open(std::getenv("ANTQ_TEST_PG_URL"));
      admin->write([&](db::Connection& c) { c.execute_script("DROP SCHEMA " + schema_ + " CASCADE"); });
    } catch (const std::exception& e) {
      std::cerr << "could not drop test schema " << schema_ << ": " << e.what() << "\n";
    }
  }
  if (!database_.empty()) {
    try {
      pg_admin("DROP DATABASE " + database_ + " WITH (FORCE)");
    } catch (const std::exception& e) {
      std::cerr << "could not drop test database " << database_ << ": " << e.what() << "\n";
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::unique_ptr<db::Database> TestDatabase::open_again() const { return db::open(url_); }

std::string source_dir() {
  const char* d = std::getenv("ANTQ_SOURCE_DIR");
  return d ? d : ANTQ_TEST_SOURCE_DIR;
}

std::string read_source_file(const std::string& relative) {
  std::ifstream in(source_dir() + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace antq::test
