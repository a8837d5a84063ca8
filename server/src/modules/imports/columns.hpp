#pragma once
// A register's importable columns, and which column of a person's sheet holds which. A header
// matches a column by its Vietnamese label or its API name, ignoring case and diacritics; what the
// person corrected by hand (`overrides`, remembered per user and register) wins over the match.
#include <boost/json/array.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/registers/register_spec.hpp"

namespace antq::imports {

struct Column {
  std::string key;                          // the API field, "unit", or "id"
  std::string label;                        // the template's header
  const registers::Field* field = nullptr;  // null for "unit" and "id"
  bool required = false;
  std::string hint;  // how to fill it in (the template's instructions sheet)
};

// "id" (to update a record), "unit", then each field a spreadsheet can hold (lists of people's
// names are entered in the app, not imported).
std::vector<Column> columns_of(const registers::Spec& spec);

// For each sheet column, the index in `columns` it feeds, or nullopt (ignored).
struct Mapping {
  std::vector<std::optional<std::size_t>> of_sheet_column;
  std::optional<std::size_t> sheet_column_of(std::size_t column_index) const;
};

// `overrides`: folded header → column key, "" to ignore that header. Throws BadRequest when a
// required column is missing or two sheet columns feed the same field.
Mapping map_headers(const std::vector<std::string>& header, const std::vector<Column>& columns,
                    const std::map<std::string, std::string>& overrides);

// [{"column": "C", "header": "Ngày", "field": "date"|null, "label": "Ngày"}]: shown to the person to check.
boost::json::array mapping_json(const std::vector<std::string>& header, const std::vector<Column>& columns, const Mapping& m);

// {"folded header": "field"} from the answer's form ({"Ngày": "date", "Ghi chú riêng": null}).
std::map<std::string, std::string> overrides_from_json(const boost::json::value& v);

}  // namespace antq::imports
