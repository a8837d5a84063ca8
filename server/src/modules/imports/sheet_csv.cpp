#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "modules/imports/sheet.hpp"

namespace antq::imports {

namespace {

constexpr const char* kSaveAsUtf8 =
    "Trong Excel hãy chọn Tệp → Lưu thành → \"CSV UTF-8 (Comma delimited)\" hoặc lưu dưới dạng .xlsx rồi tải lên lại.";

// UTF-16 with a byte-order mark (Excel's "Unicode Text") → UTF-8.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
  bytes.remove_prefix(2);
  if (bytes.size() % 2 != 0) throw BadRequest(std::string("Tệp UTF-16 bị cắt cụt (số byte lẻ). ") + kSaveAsUtf8);
  std::u16string units(bytes.size() / 2, u'\0');
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto lo = static_cast<unsigned char>(bytes[2 * i + (little_endian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(bytes[2 * i + (little_endian ? 1 : 0)]);
    units[i] = static_cast<char16_t>(lo | (hi << 8));
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strToUTF8(nullptr, 0, &needed, reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) throw BadRequest(std::string("Tệp UTF-16 không hợp lệ. ") + kSaveAsUtf8);
  std::string out(static_cast<std::size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), needed, nullptr, reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()), &status);
  if (U_FAILURE(status)) throw BadRequest(std::string("Tệp UTF-16 không hợp lệ (ký tự hỏng). ") + kSaveAsUtf8);
  return out;
}

// The separator Excel used: its "Unicode Text" writes tabs, a Vietnamese regional setting often
// writes semicolons. Read from the header line, which has no quoted separators in practice.
char guess_delimiter(std::string_view text) {
  const auto end = text.find('\n');
  const std::string_view first = text.substr(0, end);
  const auto tabs = std::count(first.begin(), first.end(), '\t');
  const auto semis = std::count(first.begin(), first.end(), ';');
  const auto commas = std::count(first.begin(), first.end(), ',');
  if (tabs > 0 && tabs >= commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

// A cell the server itself wrote with csv::field (an apostrophe before = + - @) reads back as typed.
std::string unguard(std::string cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@')) cell.erase(0, 1);
  return cell;
}

}  // namespace

Sheet read_csv(std::string_view bytes, const SheetLimits& limits) {
  std::string text;
  if (bytes.starts_with("\xFF\xFE")) {
    text = utf16_to_utf8(bytes, true);
  } else if (bytes.starts_with("\xFE\xFF")) {
    text = utf16_to_utf8(bytes, false);
  } else {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!text::valid_utf8(bytes)) {
      throw BadRequest(std::string("Tệp CSV không phải UTF-8 (có thể được lưu bằng bảng mã Windows-1258 hoặc TCVN3). ") + kSaveAsUtf8);
    }
    text.assign(bytes);
  }
  if (text.find('\0') != std::string::npos) throw BadRequest(std::string("Tệp không phải văn bản CSV (có byte 0). ") + kSaveAsUtf8);
  auto records = csv::parse(text, guess_delimiter(text));
  Sheet sheet;
  sheet.format = SheetFormat::csv;
  if (records.empty()) throw BadRequest("Tệp không có dữ liệu: cần một dòng tiêu đề và ít nhất một dòng số liệu.");
  if (records.size() - 1 > limits.max_rows) {
    throw PayloadTooLarge("Tệp có " + text::group_thousands(static_cast<std::int64_t>(records.size() - 1)) + " dòng, vượt giới hạn " +
                          text::group_thousands(static_cast<std::int64_t>(limits.max_rows)) +
                          " dòng một tệp (và 50 MiB): hãy chia thành nhiều tệp.");
  }
  sheet.header_row = records[0].line;
  for (auto& h : records[0].fields) sheet.header.push_back(text::nfc(text::trim(h)));
  if (sheet.header.size() > limits.max_columns) {
    throw BadRequest("Tệp có " + std::to_string(sheet.header.size()) + " cột, nhiều hơn " + std::to_string(limits.max_columns) +
                     " cột cho phép.");
  }
  for (std::size_t i = 1; i < records.size(); ++i) {
    SheetRow row{records[i].line, {}};
    bool blank = true;
    for (auto& f : records[i].fields) {
      if (f.size() > limits.max_cell_bytes) {
        throw BadRequest("Dòng " + std::to_string(row.number) + ": một ô dài quá " + std::to_string(limits.max_cell_bytes / 1024) +
                         " KiB.");
      }
      std::string cell = unguard(text::nfc(text::trim(f)));
      if (!cell.empty()) blank = false;
      row.cells.push_back(std::move(cell));
    }
    if (!blank) sheet.rows.push_back(std::move(row));
  }
  if (sheet.rows.empty()) throw BadRequest("Tệp chỉ có dòng tiêu đề, không có dòng số liệu nào.");
  return sheet;
}

std::string_view format_name(SheetFormat f) { return f == SheetFormat::xlsx ? "xlsx" : "csv"; }

SheetFormat sniff_format(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04")) return SheetFormat::xlsx;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    throw BadRequest(
        "Tệp là bảng tính có mật khẩu hoặc tệp Excel 97-2003 (.xls): ANTQ không mở được. Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ "
        "sổ làm việc) và lưu dưới dạng .xlsx hoặc CSV UTF-8.",
        "file", "unsupported_file");
  }
  if (bytes.starts_with("PK")) throw BadRequest("Tệp nén không hợp lệ: không phải tệp .xlsx. Hãy mở bằng Excel và lưu lại.", "file");
  return SheetFormat::csv;
}

Sheet read_sheet(std::string_view bytes, const std::optional<std::string>& sheet_name, const SheetLimits& limits) {
  if (bytes.empty()) throw BadRequest("Tệp tải lên trống.", "file");
  return sniff_format(bytes) == SheetFormat::xlsx ? read_xlsx(bytes, sheet_name, limits) : read_csv(bytes, limits);
}

std::optional<std::size_t> column_index(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  std::size_t n = 0;
  for (char ch : letters) {
    if (ch < 'A' || ch > 'Z') return std::nullopt;
    n = n * 26 + static_cast<std::size_t>(ch - 'A' + 1);
  }
  return n - 1;
}

std::string column_letters(std::size_t index) {
  std::string s;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

}  // namespace antq::imports
