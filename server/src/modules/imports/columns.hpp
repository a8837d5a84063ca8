#pragma once
// A register's importable columns, and which column of a person's sheet holds which. A header
// matches a column by its Vietnamese label or its API name, ignoring case and diacritics; what the
// person corrected by hand (`overrides`, remembered per user and register) wins over the match.
#include <boost/json/array.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/imports/import_target.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::imports {

struct Column {
  std::string key;                          // the API field, "unit", or "id"
  std::string label;                        // the template's header
  const registers::Field* field = nullptr;  // null for "unit" and "id"
  bool required = false;
  std::string hint;  // how to fill it in (the template's instructions sheet)
};

// "id" (a target that updates), "unit" (a target with units), then each field of the target.
std::vector<Column> columns_of(const Target& target);

// For each sheet column, the index in `columns` it feeds, or nullopt (ignored).
struct Mapping {
  std::vector<std::optional<std::size_t>> of_sheet_column;
  std::vector<std::size_t> missing;  // required columns no sheet column feeds (indexes in `columns`)
  std::optional<std::size_t> sheet_column_of(std::size_t column_index) const;
};

// `overrides`: folded header → column key, "" to ignore that header. Throws BadRequest when two
// sheet columns feed the same field; notes the required columns missing (none for a sheet with an
// id column: changes to existing records).
Mapping map_headers(const std::vector<std::string>& header, const std::vector<Column>& columns,
                    const std::map<std::string, std::string>& overrides);
// BadRequest "missing_columns" naming them, when required columns are missing.
void require_complete(const std::vector<Column>& columns, const Mapping& m);
// [{"field", "label", "required"}] of every column the target takes: what a sheet column may be
// mapped to.
boost::json::array columns_json(const std::vector<Column>& columns);
// [{"field", "label"}] of the missing required columns: the dry run shows them to be mapped.
boost::json::array missing_json(const std::vector<Column>& columns, const Mapping& m);

// [{"column": "C", "header": "Ngày", "field": "date"|null, "label": "Ngày"}]: shown to the person to check.
boost::json::array mapping_json(const std::vector<std::string>& header, const std::vector<Column>& columns, const Mapping& m);

// {"folded header": "field"} from the answer's form ({"Ngày": "date", "Ghi chú riêng": null}).
std::map<std::string, std::string> overrides_from_json(const boost::json::value& v);

}  // namespace antq::imports
