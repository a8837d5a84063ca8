// XLSX (Office Open XML spreadsheet) as the importer reads it: the workbook's sheet list and
// relations to find the sheet, the shared strings, then the sheet's cells, streamed through expat
// and counted as they inflate. Formulas and merged cells are refused (their values are not what a
// person typed: a formula's result is whatever Excel last computed, a merged cell belongs to one row
// while the eye reads it for several), naming the first cell so the person can fix it.
#include <map>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "modules/imports/sheet.hpp"
#include "modules/imports/xml_stream.hpp"
#include "modules/imports/zip_reader.hpp"

namespace antq::imports {

namespace {

constexpr std::uint64_t kSmallPart = 8 * 1024 * 1024;  // workbook.xml, its relations

struct SheetEntry {
  std::string name, rel_id;
};

std::vector<SheetEntry> workbook_sheets(ZipReader& zip) {
  std::vector<SheetEntry> out;
  XmlStream xml("xl/workbook.xml");
  xml.on_start = [&](std::string_view name, const XmlStream::Attributes& attrs) {
    if (name != "sheet") return;
    SheetEntry e;
    for (const auto& [k, v] : attrs) {
      if (k == "name") e.name = v;
      if (k == "id") e.rel_id = v;
    }
    out.push_back(std::move(e));
  };
  xml.feed(zip.read_all("xl/workbook.xml", kSmallPart));
  xml.finish();
  return out;
}

// Relation id → part path ("xl/worksheets/sheet1.xml").
std::map<std::string, std::string> workbook_relations(ZipReader& zip) {
  std::map<std::string, std::string> out;
  XmlStream xml("xl/_rels/workbook.xml.rels");
  xml.on_start = [&](std::string_view name, const XmlStream::Attributes& attrs) {
    if (name != "Relationship") return;
    std::string id, target;
    for (const auto& [k, v] : attrs) {
      if (k == "Id") id = v;
      if (k == "Target") target = v;
    }
    if (target.starts_with("/")) {
      target.erase(0, 1);
    } else {
      target = "xl/" + target;
    }
    out[id] = target;
  };
  xml.feed(zip.read_all("xl/_rels/workbook.xml.rels", kSmallPart));
  xml.finish();
  return out;
}

std::string choose_sheet(ZipReader& zip, const std::optional<std::string>& wanted) {
  const auto sheets = workbook_sheets(zip);
  if (sheets.empty()) throw BadRequest("Bảng tính không có trang tính nào.", "file");
  const SheetEntry* chosen = &sheets.front();
  if (wanted) {
    chosen = nullptr;
    std::string names;
    for (const auto& s : sheets) {
      names += (names.empty() ? "" : ", ") + s.name;
      if (text::fold(s.name) == text::fold(*wanted)) chosen = &s;
    }
    if (!chosen) throw BadRequest("Bảng tính không có trang tính '" + *wanted + "' (có: " + names + ").", "sheet");
  }
  const auto rels = workbook_relations(zip);
  const auto it = rels.find(chosen->rel_id);
  if (it == rels.end()) throw BadRequest("Bảng tính hỏng: không tìm thấy trang tính '" + chosen->name + "'.", "file");
  return it->second;
}

std::vector<std::string> shared_strings(ZipReader& zip, const SheetLimits& limits) {
  std::vector<std::string> out;
  if (!zip.has("xl/sharedStrings.xml")) return out;
  XmlStream xml("xl/sharedStrings.xml");
  std::string current;
  bool in_t = false, in_phonetic = false;
  xml.on_start = [&](std::string_view name, const XmlStream::Attributes&) {
    if (name == "si") current.clear();
    if (name == "rPh") in_phonetic = true;
    if (name == "t" && !in_phonetic) in_t = true;
  };
  xml.on_end = [&](std::string_view name) {
    if (name == "t") in_t = false;
    if (name == "rPh") in_phonetic = false;
    // Cleaned once here rather than in every cell that refers to it (a label repeated on
    // 100,000 rows is one shared string).
    if (name == "si") out.push_back(text::nfc(text::trim(current)));
  };
  xml.on_text = [&](std::string_view t) {
    if (in_t) current.append(t);
  };
  zip.read("xl/sharedStrings.xml", limits.max_shared_strings_bytes, [&](std::string_view c) { xml.feed(c); });
  xml.finish();
  return out;
}

// "C12" → column 2; the row part is read from <row r=…>.
std::optional<std::size_t> cell_column(std::string_view ref) {
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
  return column_index(ref.substr(0, i));
}

// The sheet's cells, one <row> at a time.
class SheetReader {
 public:
  SheetReader(const std::vector<std::string>& strings, const SheetLimits& limits) : strings_(strings), limits_(limits) {}

  void start(std::string_view name, const XmlStream::Attributes& attrs) {
    if (name == "row") {
      row_ = SheetRow{};
      for (const auto& [k, v] : attrs) {
        if (k == "r") row_.number = std::strtoull(std::string(v).c_str(), nullptr, 10);
      }
      if (row_.number == 0) row_.number = last_row_ + 1;
    } else if (name == "c") {
      type_.clear();
      value_.clear();
      column_ = row_.cells.size();
      for (const auto& [k, v] : attrs) {
        if (k == "t") type_ = v;
        if (k == "r") column_ = cell_column(v).value_or(column_);
      }
      if (column_ >= limits_.max_columns) {
        throw BadRequest("Ô " + column_letters(column_) + std::to_string(row_.number) + " nằm ngoài " +
                             std::to_string(limits_.max_columns) + " cột được đọc: hãy xóa các cột thừa.",
                         "file");
      }
    } else if (name == "f") {
      throw BadRequest("Ô " + column_letters(column_) + std::to_string(row_.number) +
                           " chứa công thức: hãy sao chép cả bảng rồi dán \"Chỉ giá trị\" (Paste Special → Values) trước khi tải lên.",
                       "file", "formula");
    } else if (name == "v" || (name == "t" && type_ == "inlineStr")) {
      in_value_ = true;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "mergeCell") {
      std::string ref;
      for (const auto& [k, v] : attrs) {
        if (k == "ref") ref = v;
      }
      throw BadRequest("Bảng tính có ô gộp (" + ref + "): hãy bỏ gộp ô (Merge & Center → Unmerge) và điền giá trị vào từng dòng.", "file",
                       "merged_cells");
    }
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") in_value_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "c") store_cell();
    if (name == "row") finish_row();
  }

  void text(std::string_view t) {
    if (in_value_ && !in_phonetic_) {
      value_.append(t);
      if (value_.size() > limits_.max_cell_bytes) {
        throw BadRequest("Ô " + column_letters(column_) + std::to_string(row_.number) + " dài quá " +
                             std::to_string(limits_.max_cell_bytes / 1024) + " KiB.",
                         "file");
      }
    }
  }

  Sheet take() { return std::move(sheet_); }

 private:
  void store_cell() {
    std::string v;
    if (type_ == "s") {
      const auto i = std::strtoull(value_.c_str(), nullptr, 10);
      if (i >= strings_.size()) throw BadRequest("Bảng tính hỏng: ô tham chiếu chuỗi không tồn tại.", "file");
      v = strings_[i];  // cleaned as it was read
    } else {
      v = text::nfc(text::trim(value_));
    }
    if (v.empty()) return;
    text_bytes_ += v.size();
    if (text_bytes_ > limits_.max_text_bytes) {
      throw BadRequest("Trang tính chứa quá nhiều chữ (hơn " + std::to_string(limits_.max_text_bytes / (1024 * 1024)) +
                           " MiB): hãy chia thành nhiều tệp.",
                       "file", "file_too_large_unpacked");
    }
    if (row_.cells.size() <= column_) row_.cells.resize(column_ + 1);
    row_.cells[column_] = std::move(v);
  }

  void finish_row() {
    last_row_ = row_.number;
    if (row_.cells.empty()) return;  // a blank row
    if (sheet_.header.empty()) {
      sheet_.header = std::move(row_.cells);
      sheet_.header_row = row_.number;
      return;
    }
    if (sheet_.rows.size() >= limits_.max_rows) {
      throw PayloadTooLarge("Trang tính có hơn " + text::group_thousands(static_cast<std::int64_t>(limits_.max_rows)) +
                            " dòng, vượt giới hạn một tệp (và 50 MiB): hãy chia thành nhiều tệp.");
    }
    sheet_.rows.push_back(std::move(row_));
  }

  const std::vector<std::string>& strings_;
  const SheetLimits& limits_;
  Sheet sheet_;
  SheetRow row_;
  std::size_t last_row_ = 0, column_ = 0;
  std::uint64_t text_bytes_ = 0;
  std::string type_, value_;
  bool in_value_ = false, in_phonetic_ = false;
};

}  // namespace

Sheet read_xlsx(std::string_view bytes, const std::optional<std::string>& sheet_name, const SheetLimits& limits) {
  ZipReader zip(bytes);
  if (!zip.has("xl/workbook.xml")) throw BadRequest("Tệp nén không phải bảng tính Excel (.xlsx): thiếu xl/workbook.xml.", "file");
  if (zip.has("EncryptedPackage")) throw BadRequest("Bảng tính được mã hóa: hãy gỡ mật khẩu rồi lưu lại.", "file", "unsupported_file");
  const std::string part = choose_sheet(zip, sheet_name);
  const auto strings = shared_strings(zip, limits);
  SheetReader reader(strings, limits);
  XmlStream xml(part);
  xml.on_start = [&](std::string_view n, const XmlStream::Attributes& a) { reader.start(n, a); };
  xml.on_end = [&](std::string_view n) { reader.end(n); };
  xml.on_text = [&](std::string_view t) { reader.text(t); };
  zip.read(part, limits.max_part_bytes, [&](std::string_view c) { xml.feed(c); });
  xml.finish();
  Sheet sheet = reader.take();
  sheet.format = SheetFormat::xlsx;
  if (sheet.header.empty()) throw BadRequest("Trang tính trống: cần một dòng tiêu đề và ít nhất một dòng số liệu.", "file", "empty_sheet");
  if (sheet.rows.empty()) throw BadRequest("Trang tính chỉ có dòng tiêu đề, không có dòng số liệu nào.", "file", "empty_sheet");
  for (auto& h : sheet.header) h = text::nfc(text::trim(h));
  return sheet;
}

}  // namespace antq::imports
