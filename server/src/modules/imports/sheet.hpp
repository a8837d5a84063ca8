#pragma once
// A spreadsheet as the importer sees it: a header row and the rows under it, every cell as text,
// each row with the number the spreadsheet itself shows (so an error points at the row a person
// sees in Excel). Read from CSV (sheet_csv.cpp) or XLSX (sheet_xlsx.cpp); everything a person can
// get wrong in the file itself (its encoding, a formula, a merged cell, a password) is refused here
// with a Vietnamese message saying what to do, before any row is looked at.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antq::imports {

enum class SheetFormat { csv, xlsx };
std::string_view format_name(SheetFormat f);  // "csv", "xlsx"

struct SheetRow {
  std::size_t number = 0;  // the spreadsheet's own row number (1 is the header)
  std::vector<std::string> cells;
};

struct Sheet {
  SheetFormat format = SheetFormat::csv;
  std::size_t header_row = 1;
  std::vector<std::string> header;
  std::vector<SheetRow> rows;  // blank rows left out
};

// What one file may hold. The defaults are the documented limits (issue 14); tests lower them.
struct SheetLimits {
  std::size_t max_rows = 200000;
  std::size_t max_columns = 200;
  std::size_t max_cell_bytes = 32 * 1024;
  // XLSX: bytes one part may inflate to, and all parts together. A workbook that inflates past
  // them is refused (a "zip bomb": a small file that would take the server's memory or time).
  std::uint64_t max_part_bytes = 1024ull * 1024 * 1024;
  std::uint64_t max_shared_strings_bytes = 256ull * 1024 * 1024;
  // The text of every cell kept, together: what holds the reader's memory whatever the shape.
  std::uint64_t max_text_bytes = 256ull * 1024 * 1024;
};

// By the file's first bytes, not its name: a zip is XLSX, an OLE2 container (an encrypted
// workbook or an old .xls) is refused, anything else is read as CSV.
SheetFormat sniff_format(std::string_view bytes);

// Throws BadRequest (400) naming the problem, PayloadTooLarge (413) past `max_rows`.
Sheet read_csv(std::string_view bytes, const SheetLimits& limits);
Sheet read_xlsx(std::string_view bytes, const std::optional<std::string>& sheet_name, const SheetLimits& limits);
Sheet read_sheet(std::string_view bytes, const std::optional<std::string>& sheet_name, const SheetLimits& limits);

// "C" → 2 (0-based), "AA" → 26; nullopt when not a column name.
std::optional<std::size_t> column_index(std::string_view letters);
// 2 → "C": for messages and the failed-rows file.
std::string column_letters(std::size_t index);

}  // namespace antq::imports
