#pragma once
// The report as people read it: a Vietnamese narrative paragraph in the style of the movement's
// own reviews ("…đã phối hợp cảm hóa giáo dục tại nhà 3.421 lượt đối tượng, hòa giải 79 vụ…"), an
// A4 administrative document (Decree 30/2020 layout), and the tables as XLSX (one sheet per
// section) or CSV. Everything is rendered from the figures alone, so an issued report reopens
// exactly as it was issued.
#include <boost/json.hpp>

#include <map>
#include <string>

namespace antq::reports {

// Vietnamese labels of catalogue codes: "forces/women_union" → "Hội Liên hiệp Phụ nữ".
using Labels = std::map<std::string, std::string>;

struct DocumentInfo {
  std::string issuer;     // "Ban Chỉ đạo phong trào Toàn dân bảo vệ ANTQ"
  std::string parent;     // the body above it, e.g. "UBND thị xã Sơn Tây" ("" for none)
  std::string number;     // "12/BC-BCĐ" ("" before issuing)
  std::string place;      // "Sơn Tây"
  std::string date;       // YYYY-MM-DD
  std::string title;      // trích yếu
  std::string signer;     // name under the signature ("" leaves the space)
};

// 16000 → "16.000", −5 → "-5".
std::string vn_number(std::int64_t n);

std::string narrative(const boost::json::object& figures, const Labels& labels);
std::string report_html(const boost::json::object& figures, const DocumentInfo& info, const Labels& labels);
std::string report_csv(const boost::json::object& figures, const Labels& labels);
std::string report_xlsx(const boost::json::object& figures, const Labels& labels);

}  // namespace antq::reports
