#include "modules/units/units_repository.hpp"

#include <functional>
#include <unordered_map>

#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/units/units_repository.sql.hpp"

namespace antq::units::repo {

namespace {

#define UNIT_COLUMNS                                                                                        \
  "u.id, u.code, u.dataset, u.name, u.full_name, u.kind, u.subkind, u.parent_id, p.code, u.path, u.depth, " \
  "u.active, u.successor_id, u.retired_on, "                                                                \
  "EXISTS (SELECT 1 FROM units ch WHERE ch.parent_id = u.id AND ch.active = 1)"
#define UNIT_FROM " FROM units u LEFT JOIN units p ON p.id = u.parent_id "

constexpr const char* kFindActive = "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.code = $1 AND u.active = 1";
constexpr const char* kFindInDataset = "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.code = $1 AND u.dataset = $2";
constexpr const char* kFindLatestRetired =
    "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.code = $1 AND u.active = 0 ORDER BY u.retired_on DESC, u.id DESC LIMIT 1";
constexpr const char* kFindById = "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.id = $1";
constexpr const char* kFindAllWithCode = "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.code = $1 ORDER BY u.active DESC, u.id";
constexpr const char* kChildren = "SELECT " UNIT_COLUMNS UNIT_FROM
                                  "WHERE u.parent_id = $1 AND u.active = 1 "
                                  "ORDER BY CASE u.kind WHEN 'establishment' THEN 1 ELSE 0 END, u.sort_key, u.id";
constexpr const char* kTopLevel = "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.parent_id IS NULL AND u.active = 1 ORDER BY u.sort_key, u.id";
constexpr const char* kAncestors =
    "WITH RECURSIVE chain (id, parent_id, depth) AS ("
    "  SELECT id, parent_id, 0 FROM units WHERE id = $1"
    "  UNION ALL SELECT x.id, x.parent_id, chain.depth + 1 FROM units x JOIN chain ON x.id = chain.parent_id"
    "  WHERE chain.depth < 32)"
    " SELECT " UNIT_COLUMNS UNIT_FROM "JOIN chain ON chain.id = u.id WHERE chain.depth > 0 ORDER BY chain.depth DESC";
// The unit and its ancestors in one statement (the unit's detail is the most frequent read):
// rows from the top down, the unit itself last. Ancestors have children by definition.
#define CHAIN_SELECT                                                                                                          \
  " SELECT u.id, u.code, u.dataset, u.name, u.full_name, u.kind, u.subkind, u.parent_id, p.code, u.path, u.depth, "           \
  "u.active, u.successor_id, u.retired_on, "                                                                                  \
  "CASE WHEN chain.depth > 0 THEN 1 WHEN EXISTS (SELECT 1 FROM units ch WHERE ch.parent_id = u.id AND ch.active = 1) THEN 1 " \
  "ELSE 0 END"                                                                                                                \
  " FROM chain JOIN units u ON u.id = chain.id LEFT JOIN units p ON p.id = u.parent_id ORDER BY chain.depth DESC"
#define CHAIN_STEP \
  " UNION ALL SELECT x.id, x.parent_id, chain.depth + 1 FROM units x JOIN chain ON x.id = chain.parent_id WHERE chain.depth < 32)"
constexpr const char* kActiveWithAncestors =
    "WITH RECURSIVE chain (id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM units WHERE code = $1 AND active = 1" CHAIN_STEP
        CHAIN_SELECT;
constexpr const char* kInDatasetWithAncestors =
    "WITH RECURSIVE chain (id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM units WHERE code = $1 AND dataset = $2" CHAIN_STEP
        CHAIN_SELECT;
#undef CHAIN_SELECT
#undef CHAIN_STEP
constexpr const char* kSearchActive =
    "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.search_text LIKE $1 ESCAPE '\\' AND u.active = 1 ORDER BY u.depth, u.sort_key LIMIT $2";
constexpr const char* kSearchAll =
    "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.search_text LIKE $1 ESCAPE '\\' ORDER BY u.active DESC, u.depth, u.sort_key LIMIT $2";
using namespace antq::sql::units::units_repository;  // the statements: units_repository.sql

#undef UNIT_COLUMNS
#undef UNIT_FROM

Unit from_row(const db::Row& r) {
  Unit u;
  u.id = r.integer(0);
  u.code = r.text(1);
  u.dataset = r.text(2);
  u.name = r.text(3);
  u.full_name = r.text(4);
  u.kind = r.text(5);
  u.subkind = r.text(6);
  u.parent_id = r.opt_integer(7);
  u.parent_code = r.opt_text(8);
  u.path = r.text(9);
  u.depth = static_cast<int>(r.integer(10));
  u.active = r.integer(11) != 0;
  u.successor_id = r.opt_integer(12);
  u.retired_on = r.opt_text(13);
  u.has_children = r.integer(14) != 0;
  return u;
}

std::optional<Unit> one(const db::Result& r) {
  if (r.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

std::vector<Unit> all(const db::Result& r) {
  std::vector<Unit> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back(from_row(row));
  return out;
}

}  // namespace

std::optional<Unit> find_active(db::Connection& c, const std::string& code) { return one(c.query(kFindActive, code)); }

std::optional<Unit> find_in_dataset(db::Connection& c, const std::string& code, const std::string& dataset) {
  return one(c.query(kFindInDataset, code, dataset));
}

std::optional<Unit> find_latest_retired(db::Connection& c, const std::string& code) { return one(c.query(kFindLatestRetired, code)); }

std::optional<Unit> find_by_id(db::Connection& c, std::int64_t id) { return one(c.query(kFindById, id)); }

std::vector<Unit> find_all_with_code(db::Connection& c, const std::string& code) { return all(c.query(kFindAllWithCode, code)); }

std::vector<Unit> find_with_ancestors(db::Connection& c, const std::string& code, const std::optional<std::string>& dataset) {
  return dataset ? all(c.query(kInDatasetWithAncestors, code, *dataset)) : all(c.query(kActiveWithAncestors, code));
}

std::vector<Unit> children(db::Connection& c, std::optional<std::int64_t> parent_id) {
  return parent_id ? all(c.query(kChildren, *parent_id)) : all(c.query(kTopLevel));
}

std::vector<Unit> ancestors(db::Connection& c, const Unit& u) { return all(c.query(kAncestors, u.id)); }

std::vector<Unit> search(db::Connection& c, const std::string& folded, bool include_retired, int limit) {
  const std::string pattern = "%" + db::escape_like(folded) + "%";
  return all(c.query(include_retired ? kSearchAll : kSearchActive, pattern, limit));
}

std::int64_t insert(db::Connection& c, const NewUnit& u, const std::string& parent_path, int parent_depth) {
  const std::string search_text = text::fold(u.full_name) + " " + text::fold(u.code);
  const auto id = c.query(kInsert, u.code, u.dataset, u.name, u.full_name, u.kind, u.subkind, u.parent_id, parent_depth + 1, search_text,
                          text::sort_key(u.name), timeutil::now_utc())
                      .rows.at(0)
                      .integer(0);
  const std::string base = parent_path.empty() ? "/" : parent_path;
  c.query(kSetPath, id, base + std::to_string(id) + "/", parent_path.empty() ? 0 : parent_depth + 1);
  return id;
}

void update_names(db::Connection& c, std::int64_t id, const std::string& name, const std::string& full_name, const std::string& subkind) {
  // The code is part of the search text; read it back rather than trust the caller.
  auto u = find_by_id(c, id);
  const std::string search_text = text::fold(full_name) + " " + text::fold(u ? u->code : "");
  c.query(kUpdateNames, id, name, full_name, subkind, search_text, text::sort_key(name), timeutil::now_utc());
}

void set_parent(db::Connection& c, std::int64_t id, std::optional<std::int64_t> parent_id) {
  c.query(kSetParent, id, parent_id, timeutil::now_utc());
}

void retire(db::Connection& c, std::int64_t id, std::optional<std::int64_t> successor_id, const std::string& date) {
  c.query(kRetire, id, successor_id, date, timeutil::now_utc());
}

void lock_tree(db::Connection& c) {
  if (c.engine() == db::Engine::postgresql) c.query(kPgTreeLock);
}

int rebuild_paths(db::Connection& c, const std::optional<PathRange>& within) {
  struct Node {
    std::optional<std::int64_t> parent, successor;
    bool active;
    std::string path;
    int depth;
  };
  std::unordered_map<std::int64_t, Node> nodes;
  const auto links = within ? c.query(kLinksWithin, within->lo, within->hi) : c.query(kAllLinks);
  for (const auto& r : links.rows) {
    nodes[r.integer(0)] = Node{r.opt_integer(1), r.opt_integer(2), r.integer(3) != 0, r.text(4), static_cast<int>(r.integer(5))};
  }
  std::unordered_map<std::int64_t, std::pair<std::string, int>> computed;
  // A retired unit with a successor hangs under it; any other unit under its parent.
  std::function<std::pair<std::string, int>(std::int64_t, int)> path_of = [&](std::int64_t id, int guard) {
    if (auto it = computed.find(id); it != computed.end()) return it->second;
    if (!nodes.count(id)) {
      // Outside the rebuilt range: its stored path is already right.
      auto r = c.query(kPathById, id);
      std::pair<std::string, int> stored = r.empty()
                                               ? std::pair<std::string, int>{"/" + std::to_string(id) + "/", 0}
                                               : std::pair<std::string, int>{r.rows[0].text(0), static_cast<int>(r.rows[0].integer(1))};
      computed[id] = stored;
      return stored;
    }
    const Node& n = nodes.at(id);
    std::optional<std::int64_t> up = (!n.active && n.successor) ? n.successor : n.parent;
    std::pair<std::string, int> result;
    if (!up || guard > 64) {
      result = {"/" + std::to_string(id) + "/", 0};
    } else {
      auto [p, d] = path_of(*up, guard + 1);
      result = {p + std::to_string(id) + "/", d + 1};
    }
    computed[id] = result;
    return result;
  };
  int changed = 0;
  for (const auto& [id, n] : nodes) {
    const auto [p, d] = path_of(id, 0);
    if (p != n.path || d != n.depth) {
      c.query(kSetPath, id, p, d);
      ++changed;
    }
  }
  return changed;
}

std::int64_t max_code_suffix(db::Connection& c, const std::string& prefix) {
  std::int64_t best = 0;
  for (const auto& r : c.query(kCodesLike, db::escape_like(prefix) + "%").rows) {
    const std::string code = r.text(0);
    const std::string rest = code.substr(prefix.size());
    if (rest.empty() || rest.size() > 9 || rest.find_first_not_of("0123456789") != std::string::npos) continue;
    best = std::max(best, static_cast<std::int64_t>(std::stoll(rest)));
  }
  return best;
}

}  // namespace antq::units::repo
