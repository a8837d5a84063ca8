#pragma once
// Small helpers shared by the parts of a report document (narrative, tables, HTML): catalogue
// labels, Vietnamese dates and lists.
#include <string>
#include <vector>

#include "modules/reports/report_document.hpp"

namespace antq::reports::doc {

// "forces/women_union" → "Hội Liên hiệp Phụ nữ"; the code itself when unknown.
std::string label(const Labels& l, const std::string& kind, const std::string& code);
// A catalogue label read mid-sentence: "Phòng cháy, chữa cháy" → "phòng cháy, chữa cháy";
// an acronym stays ("ANTT học đường").
std::string mid_sentence(const std::string& label);

// YYYY-MM-DD → dd/mm/yyyy.
std::string vn_date(const std::string& iso);
std::string join(const std::vector<std::string>& parts, const std::string& sep);
// "A", "A và B", "A, B và C"; items that contain a comma are separated by "; " instead.
std::string join_and(const std::vector<std::string>& parts);

}  // namespace antq::reports::doc
