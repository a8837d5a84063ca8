#pragma once
// The places of the demo data, on either shipped unit list. The same village codes are used on
// both lists ("21220-001" is Thôn Trường Thọ under Xã Sơn Tịnh in vn-2tier and under Thị trấn Tịnh
// Hà, Huyện Sơn Tịnh, in vn-3tier), so the demo records of every module name the same units on
// both, and an old 3-tier demo follows its communes into the 2025 list on `antq import units`.
//
//   vn-2tier  Xã Sơn Tịnh (21220, Quảng Ngãi)      and Phường Sơn Tây (09574, Hà Nội)
//   vn-3tier  Huyện Sơn Tịnh (527): Thị trấn Tịnh Hà (21220), Xã Tịnh Phong (21181), Xã Tịnh Thọ
//             (21175); Thị xã Sơn Tây (269): Phường Ngô Quyền (09574), Phường Phú Thịnh (09577)
//
// Villages and establishments are invented (the lists stop at communes); communes and districts
// are the official ones. Which communes the 2025 reform merged is not claimed here.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::units {

struct DemoLocal {
  const char* code;
  const char* name;
  const char* kind;     // village | establishment
  const char* subkind;  // "Thôn", "Tổ dân phố" or an establishment type
};
struct DemoCommune {
  const char* code;
  const char* full_name;  // codes are reused between lists: the name says it is the same commune
  std::vector<DemoLocal> locals;
};
struct DemoArea {
  const char* list;                // "vn-2tier" | "vn-3tier"
  const char* district_code;       // "" on the 2-tier list
  const char* district_full_name;  // "" on the 2-tier list
  std::vector<DemoCommune> communes;
  bool history;  // several years of records are written here (one area per list)
};

// Every demo area of both lists.
const std::vector<DemoArea>& demo_areas();

// The demo communes of the live unit list: that of the list whose communes are present (vn-2tier
// first), each with its area. Empty when neither list is loaded.
struct LiveCommune {
  const DemoArea* area;
  const DemoCommune* commune;
  std::int64_t id;
};
struct LiveDemo {
  std::string list;  // "" when no demo commune is in the live tree
  std::vector<LiveCommune> communes;
  int missing = 0;  // communes of that list absent from the live tree
};
LiveDemo live_demo(db::Connection& c);

struct DemoReport {
  std::string list;  // the unit list the demo was written for ("" = none)
  int created = 0;
  int skipped_communes = 0;  // demo communes of that list absent from the live tree
};

// Villages and establishments under the live demo communes, through UnitsService (audited).
// Idempotent: units that already exist are left alone.
DemoReport seed_demo(db::Database& db, const audit::AuditLog& audit);

}  // namespace antq::units
