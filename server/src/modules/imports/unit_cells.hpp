#pragma once
// The unit a spreadsheet row names: a code ("21163") or a name with as much of its parents as the
// person wrote ("Xã Sơn Tịnh, Quảng Ngãi"; case and diacritics optional, so Hoà and Hòa match).
// Codes and names from before the 2025 reform are taken: a code reused by the new list names the
// old commune for a record dated before the old one was retired, and the new one otherwise. A
// record on a retired unit rolls up to its successor through the unit tree (units/area.hpp).
// Answers are cached: a file names the same few units on thousands of rows.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/units/unit.hpp"

namespace antq::imports {

class UnitCells {
 public:
  UnitCells(const http::Principal& who, std::vector<std::string> kinds) : who_(who), kinds_(std::move(kinds)) {}
  // The unit, or why not (a Vietnamese message for the row's error).
  std::variant<units::Unit, std::string> resolve(db::Connection& c, const std::string& cell, const std::optional<std::string>& date);

 private:
  const http::Principal& who_;
  std::vector<std::string> kinds_;                              // the register's unit kinds (empty: any)
  std::map<std::string, std::vector<units::Unit>> candidates_;  // cell → the units it names
};

}  // namespace antq::imports
