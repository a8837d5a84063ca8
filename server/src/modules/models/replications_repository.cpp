#include "modules/models/replications_repository.hpp"

#include "core/time.hpp"
#include "modules/models/replications_repository.sql.hpp"

namespace antq::models::replications_repo {

namespace {

using namespace antq::sql::models::replications_repository;  // the statements: replications_repository.sql

}  // namespace

std::vector<Replication> list(db::Connection& c, std::int64_t model_id, const PathRange& scope) {
  std::vector<Replication> out;
  for (const auto& r : c.query(kList, model_id, scope.lo, scope.hi).rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.opt_text(4), r.text(5)});
  }
  return out;
}

std::int64_t insert(db::Connection& c, std::int64_t model_id, std::int64_t unit_id, const std::string& started_on,
                    const std::string& created_by) {
  return c.query(kInsert, model_id, unit_id, started_on, created_by, timeutil::now_utc()).rows[0].integer(0);
}

bool open_in(db::Connection& c, std::int64_t model_id, std::int64_t unit_id) { return !c.query(kOpenHere, model_id, unit_id).rows.empty(); }

std::optional<Found> find(db::Connection& c, std::int64_t model_id, std::int64_t replication_id) {
  auto r = c.query(kFind, replication_id, model_id);
  if (r.rows.empty()) return std::nullopt;
  return Found{r.rows[0].text(0), r.rows[0].opt_text(1), r.rows[0].text(2)};
}

void end(db::Connection& c, std::int64_t replication_id, const std::string& ended_on) { c.query(kEnd, replication_id, ended_on); }

std::optional<Owned> find_any(db::Connection& c, std::int64_t replication_id) {
  auto r = c.query(kFindAny, replication_id);
  if (r.rows.empty()) return std::nullopt;
  return Owned{r.rows[0].integer(0), r.rows[0].text(1)};
}

void remove(db::Connection& c, std::int64_t replication_id) { c.query(kRemove, replication_id); }

}  // namespace antq::models::replications_repo
