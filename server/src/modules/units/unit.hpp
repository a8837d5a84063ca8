#pragma once
// A unit of the territory (C1): province, district (pre-2025 data), commune, village
// (thôn, tổ dân phố, khu dân cư) or an establishment attached to a unit.
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/tree_path.hpp"

namespace antq::units {

struct Unit {
  std::int64_t id = 0;
  std::string code;
  std::string dataset;
  std::string name;
  std::string full_name;
  std::string kind;
  std::string subkind;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> parent_code;
  std::string path;
  int depth = 0;
  bool active = true;
  std::optional<std::int64_t> successor_id;
  std::optional<std::string> retired_on;
  bool has_children = false;
};

// Dataset label of units created in the application (villages, establishments).
inline constexpr std::string_view kLocalDataset = "local";

bool is_kind(std::string_view kind);
bool is_admin_kind(std::string_view kind);  // province, district, commune: come from unit lists
int kind_rank(std::string_view kind);       // province 0 … establishment 4
bool is_establishment_type(std::string_view subkind);

using antq::PathRange;
using antq::subtree_range;

boost::json::object to_json(const Unit& u);

}  // namespace antq::units
