#pragma once
// The tables of a report ("Số liệu cụ thể"): one section per kind of work, shared by the A4
// document, the XLSX workbook (one sheet per section) and the CSV.
#include <string>
#include <vector>

#include "modules/reports/report_document.hpp"
#include "modules/reports/summary.hpp"

namespace antq::reports {

struct TableRow {
  std::string label;
  std::vector<std::int64_t> values;
};

struct TableSection {
  std::string title;                 // "Hoạt động phong trào"
  std::string sheet;                 // the XLSX sheet name: whole words, at most 31 characters
  std::vector<std::string> headers;  // after the label column
  std::vector<TableRow> rows;
  std::string label_header = "Nội dung";
  bool in_document = true;  // false: too wide for an A4 page (XLSX and CSV only)
};

std::vector<TableSection> table_sections(const ReportFigures& figures, const Labels& labels);

// The figures of the table of child units (figures["children"], docs/api/reports.md), in order:
// figure paths (metrics.hpp) and their column headers.
struct ChildMetric {
  std::string path;
  const char* header;
};
const std::vector<ChildMetric>& child_metrics();

}  // namespace antq::reports
