#pragma once
// An administrative reform applied to the territory from the state's old → new table: the 2025
// reform (data/units/vn_admin_old_to_new_2025-07-01.csv) turns the pre-reform 3-tier list
// (dataset vn-3tier) into the current 2-tier list (vn-2tier). Every old unit is retired on the
// reform date and linked to its successor: a commune taken over whole (or renamed) by one new
// commune hangs under it with its villages, establishments and records; a commune split across
// several new communes hangs under the new province and waits, with its local units, in the review
// queue (unit_lineage.hpp) until an officer of the province assigns each; an old district or
// province retires into the new province that took its communes, an island district into its
// special zone (Đặc khu).
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "modules/units/units_dataset.hpp"

namespace antq::units {

inline constexpr std::string_view kReform2025 = "2025-07-01";

struct ReformReport {
  bool already_applied = false;  // a second run changes nothing
  ImportReport list;             // the 2-tier list made live
  int whole = 0, same = 0;       // communes with one successor, by the table's relation
  int split = 0;                 // communes split across several new communes: queued
  int unlisted = 0;              // old communes the table does not name: queued, any commune of the province
  int special_zones = 0;         // island districts become Đặc khu
  int districts = 0, provinces = 0;
  int local_moved = 0;  // villages and establishments that followed their commune
  int queued = 0;       // review-queue items (split communes and their local units)
  int accounts_moved = 0;
};

// A retired unit and where its accounts go (a split commune's: the province).
struct UnitMove {
  std::int64_t from = 0, to = 0;
};
// Called once, inside the reform's transaction, after the new paths are set: moves the accounts
// of the retired units (the accounts module owns them; app/reform.cpp wires it), counts them in the
// report and records the audit.
using AfterReform = std::function<void(db::Connection&, const std::vector<UnitMove>&, ReformReport&)>;

// Throws BadRequest (Vietnamese) for an unknown reform date or a database without the pre-reform
// list; nothing is changed then.
ReformReport reform_units(db::Database& db, std::string_view date, const AfterReform& after = {});

}  // namespace antq::units
