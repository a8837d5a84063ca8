#pragma once
// The demo's years of records are written with multi-row INSERTs (db/bulk_insert.hpp); the ids
// their child rows name come from IdSource.
#include <map>
#include <string>
#include <vector>

#include "db/bulk_insert.hpp"
#include "db/database.hpp"

namespace antq::demo {

// Multi-row INSERTs (db/bulk_insert.hpp), as the demo's writers name them.
using BulkInsert = db::BulkInsert;

// Fresh ids for rows inserted with explicit ids (so that their child rows can name them before
// the multi-row INSERT runs). On PostgreSQL they come from the table's identity sequence, so later
// inserts without an id do not collide with them; on SQLite the caller holds the only writer and
// the ids above MAX(id) are free (remembered here until the rows are written).
class IdSource {
 public:
  explicit IdSource(db::Connection& c) : c_(c) {}
  // `table` is one of the demo's constant table names, never input.
  std::vector<std::int64_t> take(const std::string& table, std::int64_t n);

 private:
  db::Connection& c_;
  std::map<std::string, std::int64_t> next_;  // SQLite: the next free id per table
};

}  // namespace antq::demo
