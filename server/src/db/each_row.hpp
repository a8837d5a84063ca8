#pragma once
// A query's rows handed to `fn` one at a time and not kept, for the few readers whose result grows
// with the data: the rollup fold reads every tip of a day, and a flood of public tips makes that
// tens of thousands of rows (bench/soak.sh, docs/decisions/0011-faults.md). On SQLite the
// statement is stepped row by row; PostgreSQL falls back to `execute` (libpq hands over whole
// results), so there the rows are still held for the duration of the call.
// `fn` may run other queries on the same connection.
#include <functional>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace antq::db {

void each_row(Connection& c, std::string_view sql, const std::vector<Value>& params, const std::function<void(const Row&)>& fn);

}  // namespace antq::db
