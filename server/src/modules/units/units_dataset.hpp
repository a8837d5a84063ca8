#pragma once
// Loading an official unit list (CSV: code,name,level,parent_code[,full_name,unit_type]) as the
// live administrative tree. Units of the previous list that are not in the new one are retired,
// linked to their successors from an optional successions CSV (old_code,new_code) or else to the
// new unit with the same code, and the local
// units (villages, establishments) under a retired commune move to its successor.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace antq::units {

struct ImportReport {
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;
  int retired = 0;
  int successions = 0;          // from the successions file
  int successions_by_code = 0;  // retired units whose code lives on in the new list
  int local_moved = 0;
  int local_orphaned = 0;  // local units left under a retired unit without successor
};

// Label → embedded file for the lists shipped with ANTQ: "vn-2tier" (current), "vn-3tier"
// (before the July 2025 reform).
std::optional<std::string_view> shipped_list(std::string_view label);

struct ApplyOptions {
  std::string retired_on;                                        // written on the units this list retires; empty: today (Vietnam)
  std::vector<std::pair<std::string, std::string>> successions;  // old code → new code
  bool successions_by_code = true;                               // a retired unit whose code lives on is succeeded by that unit
  bool move_local = true;                                        // villages and establishments follow their retired commune
};
// The same inside an open write transaction (the reform applies the list and its lineage in one).
ImportReport apply_list(db::Connection& c, std::string_view csv_text, const std::string& label, const ApplyOptions& o);

ImportReport import_units(db::Database& db, std::string_view csv_text, const std::string& label,
                          std::optional<std::string_view> successions_csv = std::nullopt);

}  // namespace antq::units
