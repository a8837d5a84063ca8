#pragma once
// The report as people read it: Vietnamese narrative paragraphs in the style of the movement's
// own reviews ("…đã phối hợp cảm hóa giáo dục tại nhà 3.421 lượt đối tượng, hòa giải 79 vụ…"), an
// A4 administrative document (Decree 30/2020 layout) as HTML for print or as the source of the
// Word document, and the tables as XLSX (one sheet per section) or CSV. Everything is rendered
// from the figures (typed: summary.hpp) and the stored texts alone, so an issued report reopens
// exactly as issued.
#include <map>
#include <string>
#include <vector>

#include "modules/reports/issuing_body.hpp"
#include "modules/reports/summary.hpp"

namespace antq::reports {

// Vietnamese labels of catalogue codes: "forces/women_union" → "Hội Liên hiệp Phụ nữ".
using Labels = std::map<std::string, std::string>;

struct DocumentInfo {
  Heading heading;         // parent body, issuing body, number symbol, signing position, place
  std::string number;      // "12/BC-BCĐ" ("" before issuing: "Số: …/BC-BCĐ")
  std::string date;        // YYYY-MM-DD ("" before issuing: "ngày … tháng … năm …")
  std::string title;       // trích yếu
  std::string signer;      // name under the signature ("" leaves the space)
  std::string assessment;  // "Đánh giá chung" as the steering committee wrote it ("" leaves lines to write on)
  std::string direction;   // "Phương hướng, nhiệm vụ", likewise
};

// Who reads the HTML: a browser printing A4, or LibreOffice turning it into a .docx (tables for
// the two-column heading and signature, page numbers as a Writer header field, no CSS it ignores).
enum class HtmlTarget { print, word };

// 16000 → "16.000", −5 → "-5".
std::string vn_number(std::int64_t n);

// The opening paragraphs: every sentence from a figure that is not zero.
std::vector<std::string> narrative(const Summary& figures, const Labels& labels);
std::string report_html(const ReportFigures& figures, const DocumentInfo& info, const Labels& labels,
                        HtmlTarget target = HtmlTarget::print);
std::string report_csv(const ReportFigures& figures, const Labels& labels);
std::string report_xlsx(const ReportFigures& figures, const Labels& labels);

}  // namespace antq::reports
