#pragma once
// What a person types in a spreadsheet cell, read as the value the API takes. Pure functions:
// every accepted spelling is unit-tested (server/tests/unit/imports/cell_values_test.cpp).
//  - dates: dd/mm/yyyy (d/m/yyyy, with / - or .), yyyy-mm-dd, or an Excel serial (45123: how a
//    date cell reads in XLSX, and what a CSV holds when Excel wrote the date as a number);
//  - date and time: a date then hh:mm[:ss] (Vietnam time), RFC 3339, or a serial with a fraction;
//  - whole numbers: 16000, 16.000 or 16 000 (Vietnamese grouping); "16000.0" as Excel may write it;
//  - yes/no: có/không, x, 1/0, true/false, yes/no, đúng/sai;
//  - lists: items separated by ';' (also by a new line inside the cell).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antq::imports::cells {

std::optional<std::string> date(std::string_view cell);      // → "YYYY-MM-DD"
std::optional<std::string> datetime(std::string_view cell);  // → RFC 3339 with +07:00
std::optional<std::int64_t> whole_number(std::string_view cell);
std::optional<bool> yes_no(std::string_view cell);
std::vector<std::string> list(std::string_view cell);  // trimmed, empty items dropped

}  // namespace antq::imports::cells
