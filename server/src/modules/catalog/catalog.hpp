#pragma once
// The movement's shared vocabulary (catalog_items): what records store as codes and reports count
// by. Validation of a code goes through here, so every register names the offending field the
// same way.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::catalog {

struct Item {
  std::string kind, code, label, label_en;
  int sort_order = 0;
  bool active = true;
  std::optional<std::string> owner_path;  // nullopt: national; otherwise the province that added it
};

// The kinds GET /api/v1/catalog returns, in order. Other modules keep lists here too, under their
// own kind and routes (tips: "tip_categories", /api/v1/tip-categories).
const std::vector<std::string>& kinds();
bool is_kind(const std::string& kind);

// Every entry of `kind`, national and provincial (labels for lists, exports and reports).
std::vector<Item> items(db::Connection& c, const std::string& kind, bool include_inactive);
// The entries that apply to records of the unit at `unit_path`: national ones and those its
// province added. nullopt: national entries only.
std::vector<Item> items_for(db::Connection& c, const std::string& kind, bool include_inactive, const std::optional<std::string>& unit_path);
// Throws BadRequest naming `field` when `code` is not an active code of `kind` that applies to a
// record of the unit at `unit_path`.
void require_code(db::Connection& c, const std::string& kind, const std::string& code, const std::string& field,
                  const std::string& unit_path);
// require_code with its answers remembered, for one caller's run over many records (the importer:
// a file names the same few codes on every row). One per run, never shared: a code retired after
// the run is refused by the next one.
class CodeChecks {
 public:
  void require(db::Connection& c, const std::string& kind, const std::string& code, const std::string& field, const std::string& unit_path);

 private:
  // (kind, code) → the active entry's owner (nullopt inside: national), or nullopt: not active.
  std::map<std::pair<std::string, std::string>, std::optional<std::optional<std::string>>> owners_;
};
std::optional<Item> find(db::Connection& c, const std::string& kind, const std::string& code);
// Active, at the end of its list (before "other"). Conflict (409) when the code is taken.
void add(db::Connection& c, const Item& item);
bool update(db::Connection& c, const Item& item);

}  // namespace antq::catalog
