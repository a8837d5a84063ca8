#include "modules/imports/row_reader.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/imports/cell_values.hpp"

namespace antq::imports {

namespace bj = boost::json;
using registers::FieldType;

RowReader::RowReader(const Target& target, const http::Principal& who, const std::vector<std::string>& header,
                     const std::vector<Column>& columns, const Mapping& mapping)
    : spec_(target.spec()),
      has_unit_(target.has_unit()),
      header_(header),
      columns_(columns),
      mapping_(mapping),
      units_(who, target.spec().unit_kinds) {}

std::string RowReader::header_of(const std::string& key) const {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].key != key) continue;
    if (auto i = mapping_.sheet_column_of(c)) return header_[*i];
  }
  return "";
}

std::optional<std::string> RowReader::catalog_code(db::Connection& c, const std::string& kind, const std::string& cell) {
  auto [it, fresh] = catalog_.try_emplace(kind);
  if (fresh) {
    for (const auto& item : catalog::items(c, kind, false)) {
      it->second[text::fold(item.code)] = item.code;
      it->second[text::fold(item.label)] = item.code;
    }
  }
  // A file repeats the same few cells on every row: each is folded once.
  auto [seen, first] = answers_.try_emplace(kind + '\x1f' + cell);
  if (first) {
    const auto hit = it->second.find(text::fold(cell));
    if (hit != it->second.end()) seen->second = hit->second;
  }
  return seen->second;
}

std::optional<bj::value> RowReader::cell_value(db::Connection& c, const registers::Field& f, const std::string& cell, std::string& error) {
  switch (f.type) {
    case FieldType::date:
      if (auto d = cells::date(cell)) return bj::value(*d);
      error = "Ngày '" + cell + "' không hợp lệ: ghi theo dạng dd/mm/yyyy.";
      return std::nullopt;
    case FieldType::datetime:
      if (auto d = cells::datetime(cell)) return bj::value(*d);
      error = "Ngày giờ '" + cell + "' không hợp lệ: ghi theo dạng dd/mm/yyyy hh:mm.";
      return std::nullopt;
    case FieldType::count:
    case FieldType::year:
      if (auto n = cells::whole_number(cell)) return bj::value(*n);
      error = "'" + cell + "' không phải số nguyên (viết 16.000 hoặc 16000).";
      return std::nullopt;
    case FieldType::boolean:
      if (auto b = cells::yes_no(cell)) return bj::value(*b);
      error = "'" + cell + "' không phải Có hoặc Không.";
      return std::nullopt;
    case FieldType::code:
      if (auto code = catalog_code(c, f.catalog, cell)) return bj::value(*code);
      error = "'" + cell + "' không có trong danh mục.";
      return std::nullopt;
    case FieldType::codes: {
      bj::array out;
      for (const auto& item : cells::list(cell)) {
        auto code = catalog_code(c, f.catalog, item);
        if (!code) {
          error = "'" + item + "' không có trong danh mục (các mục cách nhau bởi dấu ;).";
          return std::nullopt;
        }
        out.push_back(bj::value(*code));
      }
      return bj::value(std::move(out));
    }
    case FieldType::choice:
      for (std::size_t i = 0; i < f.choices.size(); ++i) {
        const bool by_label = i < f.choice_labels.size() && text::fold(f.choice_labels[i]) == text::fold(cell);
        if (by_label || text::fold(f.choices[i]) == text::fold(cell)) return bj::value(f.choices[i]);
      }
      error = "'" + cell + "' không phải một lựa chọn của cột này.";
      return std::nullopt;
    case FieldType::items:
    case FieldType::sealed_list: {
      bj::array out;
      for (const auto& item : cells::list(cell)) {
        bj::object o;
        std::size_t start = 0;
        for (const auto& key : f.item_fields) {
          if (start > item.size()) break;  // fewer parts than fields: the rest stay empty
          const auto bar = item.find('|', start);
          const std::string part = text::trim(item.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
          start = bar == std::string::npos ? item.size() + 1 : bar + 1;
          if (part.empty()) continue;
          if (key.ends_with("_on")) {
            auto d = cells::date(part);
            if (!d) {
              error = "Ngày '" + part + "' không hợp lệ: ghi theo dạng dd/mm/yyyy.";
              return std::nullopt;
            }
            o[key] = *d;
          } else if (key == "birth_year") {
            // Not echoed: a person's year of birth is sealed with their name.
            auto y = cells::whole_number(part);
            if (!y) {
              error = "Năm sinh của một người trong danh sách không phải số.";
              return std::nullopt;
            }
            o[key] = *y;
          } else {
            o[key] = part;
          }
        }
        out.push_back(std::move(o));
      }
      return bj::value(std::move(out));
    }
    default: return bj::value(cell);  // text, long text, a reference's id: checked by the register's validation
  }
}

ReadRow RowReader::read(db::Connection& c, const SheetRow& row) {
  ReadRow out;
  std::optional<std::string> unit_cell;
  for (std::size_t i = 0; i < mapping_.of_sheet_column.size(); ++i) {
    if (!mapping_.of_sheet_column[i] || i >= row.cells.size() || row.cells[i].empty()) continue;
    const Column& col = columns_[*mapping_.of_sheet_column[i]];
    const std::string& cell = row.cells[i];
    if (col.key == "unit") {
      unit_cell = cell;
    } else if (col.key == "id") {
      if (auto n = cells::whole_number(cell)) {
        out.id = *n;
      } else {
        out.errors.push_back({row.number, header_[i], "Mã bản ghi '" + cell + "' không phải số."});
      }
    } else {
      std::string error;
      if (auto v = cell_value(c, *col.field, cell, error)) {
        out.body[col.key] = std::move(*v);
      } else {
        out.errors.push_back({row.number, header_[i], error});
      }
    }
  }
  if (!unit_cell) {
    if (!out.id && has_unit_) out.errors.push_back({row.number, header_of("unit"), "Thiếu đơn vị."});
    return out;
  }
  // The record's own date chooses between a pre-reform unit and the one that reused its code.
  std::optional<std::string> date;
  if (!spec_.date_field.empty()) {
    if (auto it = out.body.find(spec_.date_field); it != out.body.end() && it->value().is_string()) {
      date = std::string(it->value().as_string()).substr(0, 10);
    }
  }
  auto u = units_.resolve(c, *unit_cell, date);
  if (auto* why = std::get_if<std::string>(&u)) {
    out.errors.push_back({row.number, header_of("unit"), *why});
  } else {
    out.unit = std::get<units::Unit>(std::move(u));
  }
  return out;
}

}  // namespace antq::imports
