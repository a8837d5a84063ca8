#pragma once
// Which unit a record names, as of the record's date: for the spreadsheet import of old records.
// A code or a name path ("Xã Sơn Tịnh, Quảng Ngãi": the unit first, then any of its parents, unit
// types, diacritics and case optional, "Hoà"/"Hòa" alike). Matches active units, or a retired one
// when `date_iso` is before its `retired_on` (the unit in force on that date: the 2025 reform reused
// codes, so "00004" was Phường Trúc Bạch in 2024 and is Phường Ba Đình now). The unit found is the
// one to store: a retired unit hangs under its successor, so its records roll up there.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "modules/units/unit.hpp"

namespace antq::units {

// nullopt when nothing matches or several do; `why` (when given) then says which, in Vietnamese.
std::optional<Unit> resolve_at(db::Connection& c, std::string_view code_or_name_path, std::string_view date_iso,
                               std::string* why = nullptr);

// resolve_at in two steps, for a caller that meets the same cell on many rows of different dates
// (the importer): every unit the code or name path names, active or retired (the database part),
// then the one in force on the date (no database).
std::vector<Unit> candidates(db::Connection& c, std::string_view code_or_name_path);
std::optional<Unit> in_force(const std::vector<Unit>& found, std::string_view date_iso, std::string_view input, std::string* why);

}  // namespace antq::units
