#include "modules/imports/sheet_files.hpp"

#include "core/csv.hpp"
#include "core/xlsx.hpp"
#include "modules/catalog/catalog.hpp"

namespace antq::imports {

namespace {

using registers::FieldType;

// What the example row holds in a column: a value the register takes as it is.
std::string example_of(db::Connection& c, const Column& col, const TemplateContext& ctx) {
  if (col.key == "id") return "";
  if (col.key == "unit") return ctx.example_unit;
  const auto& f = *col.field;
  switch (f.type) {
    case FieldType::date: return ctx.example_date;
    case FieldType::datetime: return ctx.example_date + " 08:00";
    case FieldType::count: return "120";
    case FieldType::year: return "1990";
    case FieldType::boolean: return "Có";
    case FieldType::code:
    case FieldType::codes: {
      const auto items = catalog::items(c, f.catalog, false);
      return items.empty() ? "" : items.front().label;
    }
    case FieldType::choice: return f.choice_labels.empty() ? f.choices.front() : f.choice_labels.front();
    case FieldType::sealed_list: return "Nguyễn Văn A | 1980; Trần Thị B";
    case FieldType::reference:
    case FieldType::items: return "";
    default: return f.required ? "Nội dung ví dụ" : "";
  }
}

// The catalogue labels a column may take, for its drop-down (codes columns take several: the
// drop-down offers one, the person may add more with ';').
std::vector<std::string> choices_of(db::Connection& c, const Column& col) {
  std::vector<std::string> out;
  if (!col.field) return out;
  if (col.field->type == FieldType::code || col.field->type == FieldType::codes) {
    for (const auto& item : catalog::items(c, col.field->catalog, false)) out.push_back(item.label);
  } else if (col.field->type == FieldType::choice) {
    out = col.field->choice_labels.empty() ? col.field->choices : col.field->choice_labels;
  } else if (col.field->type == FieldType::boolean) {
    out = {"Có", "Không"};
  }
  return out;
}

void instructions_sheet(lxw_workbook* wb, lxw_format* bold, const registers::Spec& spec, const std::vector<Column>& cols) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Hướng dẫn");
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 12, nullptr);
  worksheet_set_column(ws, 2, 2, 90, nullptr);
  worksheet_write_string(ws, 0, 0, ("Nhập dữ liệu: " + spec.title).c_str(), bold);
  worksheet_write_string(ws, 1, 0,
                         "Mỗi dòng của trang đầu là một bản ghi. Giữ nguyên dòng tiêu đề; xóa dòng ví dụ trước khi nhập. Không gộp ô, "
                         "không dùng công thức. Tải lên cùng một tệp hai lần không tạo bản ghi trùng.",
                         nullptr);
  worksheet_write_string(ws, 3, 0, "Cột", bold);
  worksheet_write_string(ws, 3, 1, "Bắt buộc", bold);
  worksheet_write_string(ws, 3, 2, "Cách ghi", bold);
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const auto row = static_cast<lxw_row_t>(i + 4);
    worksheet_write_string(ws, row, 0, cols[i].label.c_str(), nullptr);
    worksheet_write_string(ws, row, 1, cols[i].required ? "Có" : "", nullptr);
    worksheet_write_string(ws, row, 2, cols[i].hint.c_str(), nullptr);
  }
}

}  // namespace

std::string template_csv(db::Connection& c, const Target& target, const TemplateContext& ctx) {
  const auto cols = columns_of(target);
  std::string header, example;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    header += (i ? "," : "") + csv::field(cols[i].label);
    example += (i ? "," : "") + csv::field(example_of(c, cols[i], ctx));
  }
  return "\xEF\xBB\xBF" + header + "\r\n" + example + "\r\n";
}

std::string template_xlsx(db::Connection& c, const Target& target, const TemplateContext& ctx) {
  const registers::Spec& spec = target.spec();
  const auto cols = columns_of(target);
  return xlsx::build([&](lxw_workbook* wb) {
    lxw_worksheet* data = workbook_add_worksheet(wb, "Dữ liệu");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* as_text = workbook_add_format(wb);
    format_set_num_format(as_text, "@");  // codes keep their leading zeros
    instructions_sheet(wb, bold, spec, cols);
    lxw_worksheet* lists = workbook_add_worksheet(wb, "Danh mục");
    lxw_col_t list_col = 0;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      worksheet_write_string(data, 0, col, cols[i].label.c_str(), bold);
      worksheet_set_column(data, col, col, cols[i].key == "unit" || cols[i].key == "title" ? 32 : 18,
                           cols[i].key == "unit" ? as_text : nullptr);
      worksheet_write_string(data, 1, col, example_of(c, cols[i], ctx).c_str(), nullptr);
      const auto choices = choices_of(c, cols[i]);
      if (choices.empty()) continue;
      // The list lives on its own sheet: a validation list written inline is capped at 255 characters.
      worksheet_write_string(lists, 0, list_col, cols[i].label.c_str(), bold);
      for (std::size_t k = 0; k < choices.size(); ++k)
        worksheet_write_string(lists, static_cast<lxw_row_t>(k + 1), list_col, choices[k].c_str(), nullptr);
      const std::string letters = column_letters(list_col);
      const std::string range = "='Danh mục'!$" + letters + "$2:$" + letters + "$" + std::to_string(choices.size() + 1);
      lxw_data_validation v{};
      v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      std::string formula = range;  // libxlsxwriter takes a char*, and copies it
      v.value_formula = formula.data();
      // A codes column takes several entries separated by ';': the list helps, it does not forbid.
      v.error_type = cols[i].field->type == FieldType::codes ? LXW_VALIDATION_ERROR_TYPE_INFORMATION : LXW_VALIDATION_ERROR_TYPE_WARNING;
      worksheet_data_validation_range(data, 1, col, 10000, col, &v);
      ++list_col;
    }
  });
}

std::string failed_rows_file(const FailedRows& f, SheetFormat format) {
  if (format == SheetFormat::csv) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& h : f.header) out += csv::field(h) + ",";
    out += csv::field(kErrorColumn) + "\r\n";
    for (const auto& r : f.rows) {
      for (std::size_t i = 0; i < f.header.size(); ++i) out += csv::field(i < r.cells.size() ? r.cells[i] : "") + ",";
      out += csv::field("Dòng " + std::to_string(r.number) + ": " + r.error) + "\r\n";
    }
    return out;
  }
  return xlsx::build([&](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Dòng lỗi");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    const auto err_col = static_cast<lxw_col_t>(f.header.size());
    for (std::size_t i = 0; i < f.header.size(); ++i) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), f.header[i].c_str(), bold);
    worksheet_write_string(ws, 0, err_col, kErrorColumn, bold);
    worksheet_set_column(ws, err_col, err_col, 60, nullptr);
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t i = 0; i < f.header.size() && i < f.rows[r].cells.size(); ++i) {
        if (!f.rows[r].cells[i].empty()) worksheet_write_string(ws, row, static_cast<lxw_col_t>(i), f.rows[r].cells[i].c_str(), nullptr);
      }
      worksheet_write_string(ws, row, err_col, ("Dòng " + std::to_string(f.rows[r].number) + ": " + f.rows[r].error).c_str(), nullptr);
    }
  });
}

}  // namespace antq::imports
