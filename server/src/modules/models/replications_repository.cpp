#include "modules/models/replications_repository.hpp"

#include "core/time.hpp"

namespace antq::models::replications_repo {

namespace {

constexpr const char* kList =
    "SELECT r.id, un.code, un.name, r.started_on, r.ended_on, r.created_by FROM model_replications r "
    "JOIN units un ON un.id = r.unit_id WHERE r.model_id = $1 AND un.path >= $2 AND un.path < $3 ORDER BY r.started_on, r.id";
constexpr const char* kInsert =
    "INSERT INTO model_replications (model_id, unit_id, started_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr const char* kOpenHere = "SELECT 1 FROM model_replications WHERE model_id = $1 AND unit_id = $2 AND ended_on IS NULL";
constexpr const char* kFind =
    "SELECT r.started_on, r.ended_on, un.path FROM model_replications r JOIN units un ON un.id = r.unit_id "
    "WHERE r.id = $1 AND r.model_id = $2";
constexpr const char* kEnd = "UPDATE model_replications SET ended_on = $2 WHERE id = $1";

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

}  // namespace antq::models::replications_repo
