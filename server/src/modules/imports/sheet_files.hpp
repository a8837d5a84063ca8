#pragma once
// The files the importer hands out: a register's template (a header of Vietnamese labels, an
// instructions sheet, drop-down lists from the catalogue, one example row) and a batch's failed
// rows in the format they came in, with an added error column, to fix and upload again.
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/imports/columns.hpp"
#include "modules/imports/sheet.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::imports {

struct TemplateContext {
  std::string example_unit;  // the caller's own unit, so the example row imports as it is
  std::string example_date;  // dd/mm/yyyy
};

std::string template_csv(db::Connection& c, const Target& target, const TemplateContext& ctx);
std::string template_xlsx(db::Connection& c, const Target& target, const TemplateContext& ctx);

struct FailedRows {
  std::vector<std::string> header;
  struct Row {
    std::size_t number;
    std::vector<std::string> cells;
    std::string error;
  };
  std::vector<Row> rows;
};

inline constexpr const char* kErrorColumn = "Lỗi cần sửa";

// The error column is last; an upload of this file ignores it (no field matches its header).
std::string failed_rows_file(const FailedRows& f, SheetFormat format);

}  // namespace antq::imports
