#include "modules/demo/bulk_insert.hpp"
#include "modules/demo/bulk_insert.sql.hpp"

namespace antq::demo {

namespace {
using namespace antq::sql::demo::bulk_insert;  // the statements: bulk_insert.sql
}  // namespace

std::vector<std::int64_t> IdSource::take(const std::string& table, std::int64_t n) {
  std::vector<std::int64_t> ids;
  if (n <= 0) return ids;
  ids.reserve(static_cast<std::size_t>(n));
  if (c_.engine() == db::Engine::postgresql) {
    for (const auto& r : c_.query(kPgNextIds, table, n).rows) ids.push_back(r.integer(0));
    return ids;
  }
  auto it = next_.find(table);
  if (it == next_.end()) {
    const auto r = c_.query("SELECT COALESCE(MAX(id), 0) FROM " + table);
    it = next_.emplace(table, r.rows[0].integer(0) + 1).first;
  }
  for (std::int64_t k = 0; k < n; ++k) ids.push_back(it->second++);
  return ids;
}

}  // namespace antq::demo
