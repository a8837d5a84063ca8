// CSV and XLSX of a register's list: the rows the list shows for the same filters, with
// Vietnamese headers and catalogue labels; sealed lists (names) appear only as their size.
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/crypto.hpp"
#include "core/csv.hpp"
#include "core/time.hpp"
#include "core/xlsx.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/registers/register_service.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::registers {

namespace bj = boost::json;

namespace {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;
};

std::string cell(const Field& f, const bj::value& v, const std::map<std::string, std::string>& labels) {
  auto label = [&](const std::string& code) {
    auto it = labels.find(f.catalog + "/" + code);
    return it == labels.end() ? code : it->second;
  };
  if (v.is_null()) return "";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_bool()) return v.as_bool() ? "Có" : "Không";
  if (f.type == FieldType::items) {
    // "title (hạn dd/mm/yyyy, xong dd/mm/yyyy); …"
    std::string s;
    for (const auto& x : v.as_array()) {
      const auto& o = x.as_object();
      std::string part = o.contains("title") ? std::string(o.at("title").as_string()) : "";
      for (const auto& [key, word] : {std::pair<const char*, const char*>{"due_on", "hạn"}, {"done_on", "xong"}}) {
        if (!o.contains(key)) continue;
        const auto d = timeutil::parse_date(std::string(o.at(key).as_string()));
        part += std::string(part.empty() ? "" : " ") + "(" + word + " " + (d ? timeutil::format_vn(*d) : "") + ")";
      }
      s += (s.empty() ? "" : "; ") + part;
    }
    return s;
  }
  if (v.is_array()) {
    std::string s;
    for (const auto& x : v.as_array()) s += (s.empty() ? "" : "; ") + (x.is_string() ? label(std::string(x.as_string())) : "");
    return s;
  }
  std::string s(v.as_string());  // not const: returned as is, it moves
  if (f.type == FieldType::code) return label(s);
  if (f.type == FieldType::choice) {
    for (std::size_t i = 0; i < f.choices.size() && i < f.choice_labels.size(); ++i)
      if (f.choices[i] == s) return f.choice_labels[i];
  }
  if (f.type == FieldType::date) {
    if (auto d = timeutil::parse_date(s)) return timeutil::format_vn(*d);  // dd/mm/yyyy, as people read dates
  }
  return s;
}

Table build(const Spec& spec, const std::vector<Record>& rows, db::Database& db) {
  std::map<std::string, std::string> labels;
  db.read([&](db::Connection& c) {
    for (const auto& kind : catalog::kinds())
      for (const auto& i : catalog::items(c, kind, true)) labels[kind + "/" + i.code] = i.label;
  });
  Table t;
  t.header = {spec.ref_prefix.empty() ? "Mã số" : "Số hiệu", "Đơn vị"};
  t.numeric = {spec.ref_prefix.empty(), false};
  for (const auto& f : spec.fields) {
    if (f.sealed) continue;  // a person's identity never leaves in an export
    t.header.push_back(f.type == FieldType::sealed_list ? f.label + " (số người)" : f.label);
    t.numeric.push_back(f.type == FieldType::count || f.type == FieldType::year || f.type == FieldType::sealed_list ||
                        f.type == FieldType::reference);
  }
  t.header.push_back("Người nhập");
  t.numeric.push_back(false);
  for (const auto& r : rows) {
    std::vector<std::string> line{spec.reference(r.id), r.unit_name + " (" + r.unit_code + ")"};
    for (const auto& f : spec.fields) {
      if (f.sealed) continue;
      if (f.type == FieldType::sealed_list) line.push_back(std::to_string(r.values.at(f.name + "_count").as_int64()));
      else line.push_back(cell(f, r.values.at(f.name), labels));
    }
    line.push_back(r.created_by);
    t.rows.push_back(std::move(line));
  }
  return t;
}

}  // namespace

std::string RegisterService::export_unit_name(const http::Principal& who, const std::optional<std::string>& filter) const {
  const std::string code = filter.value_or(who.unit_code);
  if (code.empty()) return "";
  return db_.read_value([&](db::Connection& c) {
    auto u = units::repo::find_active(c, code);
    if (!u) u = units::repo::find_latest_retired(c, code);  // an account of a unit merged away
    return u ? u->full_name : code;
  });
}

std::string RegisterService::export_csv(const std::vector<Record>& rows) const {
  const Table t = build(spec_, rows, db_);
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv::field(cells[i]);
    out += "\r\n";
  };
  line(t.header);
  for (const auto& r : t.rows) line(r);
  return out;
}

std::string RegisterService::export_xlsx(const std::vector<Record>& rows) const {
  const Table t = build(spec_, rows, db_);
  return xlsx::build([&](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.header[c].c_str(), bold);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), t.numeric[c] ? 12 : 28, nullptr);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const auto& v = t.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r + 1);
        const auto col = static_cast<lxw_col_t>(c);
        if (t.numeric[c] && !v.empty()) worksheet_write_number(ws, row, col, std::stod(v), nullptr);
        else worksheet_write_string(ws, row, col, v.c_str(), nullptr);
      }
    }
  });
}

}  // namespace antq::registers
