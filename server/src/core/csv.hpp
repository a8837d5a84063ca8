#pragma once
// RFC 4180 CSV reading (quoted fields, doubled quotes, CRLF or LF), with the line number of each
// record so import errors can point at the row.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antq::csv {

struct Record {
  std::size_t line;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Throws BadRequest on an unterminated quote. A UTF-8 BOM at the start is skipped. `delimiter`:
// ',' by default; ';' and tab for what Excel writes under other regional settings.
std::vector<Record> parse(std::string_view text, char delimiter = ',');

// One field for writing: always quoted, quotes doubled, and a value a spreadsheet would run as a
// formula (starting with = + - @, or with a tab or carriage return before one) prefixed with an
// apostrophe (CSV injection). Every CSV the server writes uses this.
std::string field(std::string_view value);

// Column index by header name, nullopt when absent.
std::optional<std::size_t> column(const Record& header, std::string_view name);

}  // namespace antq::csv
