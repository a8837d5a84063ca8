#include "db/id_source.hpp"

namespace antq::db {

std::vector<std::int64_t> IdSource::take(const std::string& table, std::int64_t n) {
  std::vector<std::int64_t> ids;
  if (n <= 0) return ids;
  ids.reserve(static_cast<std::size_t>(n));
  if (c_.engine() == Engine::postgresql) {
    for (const auto& r : c_.query("SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)", table, n).rows) {
      ids.push_back(r.integer(0));
    }
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

}  // namespace antq::db
