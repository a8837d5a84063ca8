#pragma once
// SQL of the units table. Only the units module uses it; other modules go through UnitsService.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/units/unit.hpp"

namespace antq::units::repo {

std::optional<Unit> find_active(db::Connection& c, const std::string& code);
std::optional<Unit> find_in_dataset(db::Connection& c, const std::string& code, const std::string& dataset);
// The most recently retired unit with this code (old records name units by their old code).
std::optional<Unit> find_latest_retired(db::Connection& c, const std::string& code);
std::optional<Unit> find_by_id(db::Connection& c, std::int64_t id);
// Every unit with this code, active or retired, of any list (codes are reused across lists).
std::vector<Unit> find_all_with_code(db::Connection& c, const std::string& code);
// The unit (active one, or the one of `dataset`) preceded by its ancestors from the top; empty
// when there is no such unit.
std::vector<Unit> find_with_ancestors(db::Connection& c, const std::string& code, const std::optional<std::string>& dataset);
// Active children, Vietnamese order; top level when parent is empty.
std::vector<Unit> children(db::Connection& c, std::optional<std::int64_t> parent_id);
// From the top down to (excluding) the unit itself, following parent links.
std::vector<Unit> ancestors(db::Connection& c, const Unit& u);
// Units whose folded text contains `folded` (already folded, LIKE-escaped), at most `limit`.
std::vector<Unit> search(db::Connection& c, const std::string& folded, bool include_retired, int limit);

struct NewUnit {
  std::string code, dataset, name, full_name, kind, subkind;
  std::optional<std::int64_t> parent_id;
};
// Inserts and sets the path under the parent; returns the new id.
std::int64_t insert(db::Connection& c, const NewUnit& u, const std::string& parent_path, int parent_depth);
void update_names(db::Connection& c, std::int64_t id, const std::string& name, const std::string& full_name, const std::string& subkind);
void set_parent(db::Connection& c, std::int64_t id, std::optional<std::int64_t> parent_id);
void retire(db::Connection& c, std::int64_t id, std::optional<std::int64_t> successor_id, const std::string& date);
// Recomputes paths from parent and successor links: of every unit (after a dataset import), or
// only of those whose current path lies in `within` (after one unit is retired).
int rebuild_paths(db::Connection& c, const std::optional<PathRange>& within = std::nullopt);
// Serialises changes to the shape of the tree. SQLite has one writer already; on PostgreSQL two
// transactions could otherwise interleave a move with a create under the moved unit.
void lock_tree(db::Connection& c);
// Highest numeric suffix of codes "<prefix>NNN" among all units (for generated codes).
std::int64_t max_code_suffix(db::Connection& c, const std::string& prefix);

}  // namespace antq::units::repo
