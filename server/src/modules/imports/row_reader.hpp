#pragma once
// One spreadsheet row read as the register's API input: each mapped cell converted by its field's
// type (cell_values.hpp), catalogue entries by code or label, the unit resolved (unit_cells.hpp).
// Every cell that cannot be read is reported with its column, not only the first.
#include <boost/json/object.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/imports/columns.hpp"
#include "modules/imports/import_target.hpp"
#include "modules/imports/sheet.hpp"
#include "modules/imports/unit_cells.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::imports {

struct CellError {
  std::size_t row = 0;
  std::string column;  // the sheet's header ("Ngày"), or "" for the row as a whole
  std::string message;
};

struct ReadRow {
  boost::json::object body;  // what the API would take (without "unit")
  std::optional<std::int64_t> id;
  std::optional<units::Unit> unit;
  std::vector<CellError> errors;
};

class RowReader {
 public:
  RowReader(const Target& target, const http::Principal& who, const std::vector<std::string>& header, const std::vector<Column>& columns,
            const Mapping& mapping);
  ReadRow read(db::Connection& c, const SheetRow& row);
  // The header a field's errors are reported under ("" when the field has no column).
  std::string header_of(const std::string& key) const;

 private:
  std::optional<boost::json::value> cell_value(db::Connection& c, const registers::Field& f, const std::string& cell, std::string& error);
  std::optional<std::string> catalog_code(db::Connection& c, const std::string& kind, const std::string& cell);

  const registers::Spec& spec_;
  const bool has_unit_;
  const std::vector<std::string>& header_;
  const std::vector<Column>& columns_;
  const Mapping& mapping_;
  UnitCells units_;
  std::map<std::string, std::map<std::string, std::string>> catalog_;    // kind → folded code or label → code
  std::unordered_map<std::string, std::optional<std::string>> answers_;  // kind + cell as written → code
};

}  // namespace antq::imports
