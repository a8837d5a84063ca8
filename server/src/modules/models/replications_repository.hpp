#pragma once
// SQL of model_replications: the units a model was copied to, from when, until when.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"

namespace antq::models::replications_repo {

struct Replication {
  std::int64_t id = 0;
  std::string unit_code, unit_name, started_on;
  std::optional<std::string> ended_on;
  std::string created_by;
};

// The model's replications in units within `scope`, by start date.
std::vector<Replication> list(db::Connection& c, std::int64_t model_id, const PathRange& scope);
std::int64_t insert(db::Connection& c, std::int64_t model_id, std::int64_t unit_id, const std::string& started_on,
                    const std::string& created_by);
// True when the model is still running in the unit (a replication without an end).
bool open_in(db::Connection& c, std::int64_t model_id, std::int64_t unit_id);

struct Found {
  std::string started_on;
  std::optional<std::string> ended_on;
  std::string unit_path;
};
std::optional<Found> find(db::Connection& c, std::int64_t model_id, std::int64_t replication_id);
void end(db::Connection& c, std::int64_t replication_id, const std::string& ended_on);
// Any replication by its id alone (the importer's undo): its model and unit.
struct Owned {
  std::int64_t model_id = 0;
  std::string unit_path;
};
std::optional<Owned> find_any(db::Connection& c, std::int64_t replication_id);
void remove(db::Connection& c, std::int64_t replication_id);

}  // namespace antq::models::replications_repo
