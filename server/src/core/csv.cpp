#include "core/csv.hpp"

#include "core/errors.hpp"

namespace antq::csv {

std::vector<Record> parse(std::string_view text, char delimiter) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Record> out;
  std::size_t line = 1, i = 0;
  while (i < text.size()) {
    Record rec{line, {}};
    std::string field;
    bool in_quotes = false, done = false;
    const std::size_t start_line = line;
    while (i < text.size() && !done) {
      const char c = text[i];
      if (in_quotes) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            ++i;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
        }
      } else if (c == '"' && field.empty()) {
        in_quotes = true;
      } else if (c == delimiter) {
        rec.fields.push_back(std::move(field));
        field.clear();
      } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        // handled by the '\n' on the next step
      } else if (c == '\n') {
        ++line;
        done = true;
      } else {
        field.push_back(c);
      }
      ++i;
    }
    if (in_quotes) throw BadRequest("CSV: dấu ngoặc kép chưa đóng ở dòng " + std::to_string(start_line) + ".");
    rec.fields.push_back(std::move(field));
    if (!(rec.fields.size() == 1 && rec.fields[0].empty())) out.push_back(std::move(rec));
  }
  return out;
}

std::optional<std::size_t> column(const Record& header, std::string_view name) {
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    if (header.fields[i] == name) return i;
  }
  return std::nullopt;
}

std::string field(std::string_view value) {
  std::string out = "\"";
  if (!value.empty() &&
      (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' || value[0] == '\t' || value[0] == '\r')) {
    out += '\'';
  }
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace antq::csv
