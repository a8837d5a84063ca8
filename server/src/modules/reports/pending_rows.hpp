#pragma once
// The pending rows a rollup folder takes (rollup_dirty, rollup_dirty_keys), named exactly: as runs
// of consecutive ids read in one statement, not as "every id up to the largest". On PostgreSQL a
// writer's id comes from a sequence before it commits, so a row below the largest id taken can
// become visible later, even to the folder's next statement (READ COMMITTED). Such a row lies
// between two runs, never inside one: checked, folded and deleted by runs, it stays pending for the
// next fold instead of being deleted unfolded.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace antq::reports::pending {

using Spans = std::vector<std::pair<std::int64_t, std::int64_t>>;  // [first, last] ids, ascending

// `table`: rollup_dirty or rollup_dirty_keys (a constant, never input).
Spans take(db::Connection& c, const char* table);
std::int64_t rows(const Spans& spans);
// `select` ("SELECT … FROM table") restricted to the spans, a few hundred spans a statement.
void each(db::Connection& c, const std::string& select, const Spans& spans, const std::function<void(const db::Row&)>& fn);
// How many of the spans' rows are still there (fewer: another folder took them).
std::int64_t count(db::Connection& c, const char* table, const Spans& spans);
void remove(db::Connection& c, const char* table, const Spans& spans);

}  // namespace antq::reports::pending
