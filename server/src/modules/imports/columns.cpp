#include "modules/imports/columns.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "modules/imports/sheet.hpp"

namespace antq::imports {

namespace bj = boost::json;

namespace {

std::string hint_of(const registers::Field& f) {
  using registers::FieldType;
  switch (f.type) {
    case FieldType::date: return "Ngày dd/mm/yyyy (ví dụ 19/08/2024)";
    case FieldType::datetime: return "Ngày giờ dd/mm/yyyy hh:mm";
    case FieldType::count: return "Số nguyên không âm; viết 16.000 hoặc 16000";
    case FieldType::year: return "Năm, ví dụ 1985";
    case FieldType::boolean: return "Có / Không";
    case FieldType::code: return "Một mục của danh mục (mã hoặc tên), xem trang Danh mục";
    case FieldType::codes: return "Một hoặc nhiều mục của danh mục (mã hoặc tên), cách nhau bởi dấu ;";
    case FieldType::choice: {
      std::string s = "Một trong: ";
      for (std::size_t i = 0; i < f.choices.size(); ++i)
        s += (i ? "; " : "") + (i < f.choice_labels.size() ? f.choice_labels[i] : f.choices[i]);
      return s;
    }
    case FieldType::reference: return "Mã số (id) của bản ghi liên quan";
    case FieldType::items: return "Các mục cách nhau bởi ;, mỗi mục: tiêu đề | hạn dd/mm/yyyy | ngày xong";
    case FieldType::sealed_list:
      return "Những người liên quan cách nhau bởi ;, mỗi người: họ tên | năm sinh | địa chỉ (được mã hóa khi lưu)";
    default: return f.sealed ? "Thông tin cá nhân: được mã hóa khi lưu" : "Chữ";
  }
}

}  // namespace

std::vector<Column> columns_of(const Target& target) {
  const registers::Spec& spec = target.spec();
  std::vector<Column> out;
  if (target.updates()) {
    out.push_back({"id", "Mã bản ghi", nullptr, false, "Để trống khi thêm mới; ghi mã số của bản ghi đã có để sửa bản ghi đó"});
  }
  if (target.has_unit()) {
    out.push_back(
        {"unit", "Đơn vị", nullptr, true,
         "Mã đơn vị (ví dụ 21163) hoặc tên kèm cấp trên (ví dụ \"Xã Sơn Tịnh, Quảng Ngãi\"); mã và tên trước 01/07/2025 vẫn nhận"});
  }
  for (const auto& f : spec.fields) {
    out.push_back({f.name, f.label.empty() ? f.name : f.label, &f, f.required, hint_of(f)});
  }
  return out;
}

std::optional<std::size_t> Mapping::sheet_column_of(std::size_t column_index) const {
  for (std::size_t i = 0; i < of_sheet_column.size(); ++i) {
    if (of_sheet_column[i] == column_index) return i;
  }
  return std::nullopt;
}

Mapping map_headers(const std::vector<std::string>& header, const std::vector<Column>& columns,
                    const std::map<std::string, std::string>& overrides) {
  Mapping m;
  m.of_sheet_column.resize(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h = text::fold(header[i]);
    if (h.empty()) continue;
    std::optional<std::string> key;
    if (auto o = overrides.find(h); o != overrides.end()) {
      if (o->second.empty()) continue;
      key = o->second;
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const bool hit = key ? columns[c].key == *key : (h == text::fold(columns[c].label) || h == text::fold(columns[c].key));
      if (!hit) continue;
      if (m.sheet_column_of(c)) {
        throw BadRequest("Hai cột cùng ghi vào trường \"" + columns[c].label + "\" (cột " + column_letters(*m.sheet_column_of(c)) +
                             " và cột " + column_letters(i) + "): hãy bỏ bớt một cột hoặc sửa cách ghép cột.",
                         "mapping");
      }
      m.of_sheet_column[i] = c;
      break;
    }
    if (key && !m.of_sheet_column[i]) throw BadRequest("Cách ghép cột nhắc tới trường không có: '" + *key + "'.", "mapping");
  }
  // A sheet of changes to existing records (an id column) needs only the columns it changes; each
  // of its rows without an id is checked as a new record, column by column.
  bool updates = false;
  for (std::size_t c = 0; c < columns.size(); ++c) updates = updates || (columns[c].key == "id" && m.sheet_column_of(c));
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].required && !updates && !m.sheet_column_of(c)) m.missing.push_back(c);
  }
  return m;
}

void require_complete(const std::vector<Column>& columns, const Mapping& m) {
  if (m.missing.empty()) return;
  std::string labels;
  for (const auto c : m.missing) labels += (labels.empty() ? "" : ", ") + columns[c].label;
  throw BadRequest("Tệp thiếu cột bắt buộc: " + labels + ". Hãy dùng tệp mẫu của sổ này hoặc ghép cột cho đúng.", "mapping",
                   "missing_columns");
}

bj::array columns_json(const std::vector<Column>& columns) {
  bj::array out;
  for (const auto& c : columns) out.push_back(bj::object{{"field", c.key}, {"label", c.label}, {"required", c.required}});
  return out;
}

bj::array missing_json(const std::vector<Column>& columns, const Mapping& m) {
  bj::array out;
  for (const auto c : m.missing) out.push_back(bj::object{{"field", columns[c].key}, {"label", columns[c].label}});
  return out;
}

bj::array mapping_json(const std::vector<std::string>& header, const std::vector<Column>& columns, const Mapping& m) {
  bj::array out;
  for (std::size_t i = 0; i < header.size(); ++i) {
    bj::object o{{"column", column_letters(i)}, {"header", header[i]}};
    if (i < m.of_sheet_column.size() && m.of_sheet_column[i]) {
      o["field"] = columns[*m.of_sheet_column[i]].key;
      o["label"] = columns[*m.of_sheet_column[i]].label;
    } else {
      o["field"] = nullptr;
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::map<std::string, std::string> overrides_from_json(const bj::value& v) {
  std::map<std::string, std::string> out;
  if (!v.is_object()) throw BadRequest("Cách ghép cột phải là một đối tượng JSON {\"tiêu đề cột\": \"trường\"}.", "mapping");
  for (const auto& kv : v.as_object()) {
    if (kv.value().is_null()) {
      out[text::fold(kv.key())] = "";
    } else if (kv.value().is_string()) {
      out[text::fold(kv.key())] = std::string(kv.value().as_string());
    } else {
      throw BadRequest("Cách ghép cột: giá trị của '" + std::string(kv.key()) + "' phải là tên trường hoặc null.", "mapping");
    }
  }
  return out;
}

}  // namespace antq::imports
