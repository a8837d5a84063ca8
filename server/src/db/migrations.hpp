#pragma once
// Forward-only schema migrations embedded in the binary: server/src/db/migrations/NNNN_name.sql,
// or NNNN_name.sqlite.sql + NNNN_name.postgresql.sql where the dialects differ. Applied versions
// and their checksums are kept in `schema_migrations`; a changed or unknown applied migration
// stops the program rather than guessing.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::db {

struct Migration {
  int version;
  std::string name;
  std::string sql;
  std::string checksum;
};

// The migrations for one engine, ordered by version.
std::vector<Migration> embedded_migrations(Engine engine);

struct MigrationReport {
  std::vector<std::string> applied;  // names applied by this call
  int current_version = 0;
};

MigrationReport migrate(Database& db);

// The highest applied version, 0 for an empty database.
int schema_version(Database& db);

}  // namespace antq::db
