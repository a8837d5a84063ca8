#pragma once
// Fresh ids for rows inserted with explicit ids, so that rows naming them (a record's catalogue
// lists, a tip's events) can be written in the same multi-row INSERTs (db/bulk_insert.hpp). On
// PostgreSQL they come from the table's identity sequence, so later inserts without an id do not
// collide with them; on SQLite the caller holds the only writer and the ids above MAX(id) are free
// (remembered here until the rows are written, so one IdSource serves one write transaction).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::db {

class IdSource {
 public:
  explicit IdSource(Connection& c) : c_(c) {}
  // `table` is a constant table name (a spec's, the demo's), never input.
  std::vector<std::int64_t> take(const std::string& table, std::int64_t n);

 private:
  Connection& c_;
  std::map<std::string, std::int64_t> next_;  // SQLite: the next free id per table
};

}  // namespace antq::db
