#pragma once
// A register list's filter as SQL: the caller's area, the date range in Vietnam days, the folded
// text search, exact matches on hashed sealed fields, the filterable fields; then the order and the
// page. Pure (no connection): what a list query turns into is testable on its own.
#include <cstddef>
#include <string>
#include <vector>

#include "core/keyring.hpp"
#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/registers/register_record.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::registers {

struct ListSql {
  std::string where;              // "WHERE un.path >= $1 AND …" over `<table> r JOIN units un`
  std::string tail;               // " ORDER BY … LIMIT … OFFSET …"
  std::vector<db::Value> params;  // for both, in order: the WHERE's first, then the tail's
  std::size_t where_count = 0;    // how many of `params` the WHERE uses (a COUNT(*) passes only those)

  std::vector<db::Value> where_params() const { return {params.begin(), params.begin() + static_cast<std::ptrdiff_t>(where_count)}; }
};

// `all_rows`: an export (at most 50,000 rows, no paging). Throws BadRequest for a number filter
// that is not a number.
ListSql list_sql(const Spec& spec, const crypto::Keyring& keys, const PathRange& scope, const ListQuery& q, bool all_rows);

}  // namespace antq::registers
