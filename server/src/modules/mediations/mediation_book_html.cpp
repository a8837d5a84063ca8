#include <boost/json.hpp>

#include <map>

#include "core/html.hpp"
#include "core/time.hpp"
#include "modules/mediations/mediation_book.hpp"

// The mediation book as a printable page (HTML the browser prints on A4, landscape).
namespace antq::mediations {

namespace bj = boost::json;

namespace {

std::string esc_br(std::string_view s) { return html::escape(s, true); }

std::string vn_date(const bj::value& v) {
  if (!v.is_string()) return "";
  const auto d = timeutil::parse_date(v.as_string());
  return d ? timeutil::format_vn(*d) : "";
}

// The words of the register's outcome field (mediations_spec.cpp) and of the web, so the printed
// book reads as the screen does.
const std::map<std::string, std::string> kOutcome{{"successful", "Hòa giải thành"},
                                                  {"unsuccessful", "Hòa giải không thành"},
                                                  {"pending", "Đang hòa giải"},
                                                  {"transferred", "Chuyển cơ quan có thẩm quyền"}};

std::string outcome_words(const std::string& outcome) { return kOutcome.count(outcome) ? kOutcome.at(outcome) : outcome; }

// The parties are sealed: their names only to those the record's detail shows them to, and only
// how many they are to everyone else.
std::string parties_cell(const BookEntry& e, int year) {
  const auto& v = e.values;
  if (!e.parties_visible) return std::to_string(v.at("parties_count").as_int64()) + " bên (thông tin được bảo mật)";
  std::string parties;
  for (const auto& p : v.at("parties").as_array()) {
    const auto& o = p.as_object();
    parties += esc_br(o.at("name").as_string());
    if (o.contains("birth_year")) parties += ", " + std::to_string(year - o.at("birth_year").as_int64()) + " tuổi";
    if (o.contains("address")) parties += ", " + esc_br(o.at("address").as_string());
    parties += "<br>";
  }
  return parties;
}

std::string entry_row(const Book& b, const BookEntry& e, int n) {
  const auto& v = e.values;
  const std::string kind(v.at("dispute_type").as_string());
  const auto label = b.dispute_kinds.count(kind) ? b.dispute_kinds.at(kind) : std::string();
  return "<tr><td>" + std::to_string(n) + "</td><td>" + vn_date(v.at("received_on")) + "</td><td>" + esc_br(v.at("mediators").as_string()) +
         "</td><td>" + parties_cell(e, b.year) + "</td><td>" + esc_br(label) + ": " + esc_br(v.at("content").as_string()) + "</td><td>" +
         esc_br(v.at("agreement").as_string()) + "</td><td>" + esc_br(outcome_words(std::string(v.at("outcome").as_string()))) +
         "</td><td></td><td>" + (v.at("closed_on").is_string() ? "Kết thúc " + vn_date(v.at("closed_on")) : "") + "</td></tr>\n";
}

constexpr const char* kStyle = R"(<style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; color: #000; }
.head { text-transform: uppercase; font-weight: bold; }
h1 { text-align: center; font-size: 16pt; margin: 8mm 0 2mm; }
.sub { text-align: center; margin-bottom: 6mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6mm; }
th, td { border: 1px solid #000; padding: 2mm; vertical-align: top; }
th { font-weight: bold; text-align: center; }
h2 { font-size: 13pt; }
</style>)";

}  // namespace

std::string book_html(const Book& b) {
  std::string header;
  for (const auto& name : b.header) header += "<div>" + esc_br(name) + "</div>";
  std::string body;
  std::map<std::string, int> by_result, by_kind;
  int n = 0;
  for (const auto& e : b.entries) {
    ++by_result[std::string(e.values.at("outcome").as_string())];
    ++by_kind[std::string(e.values.at("dispute_type").as_string())];
    body += entry_row(b, e, ++n);
  }
  std::string totals;
  for (const auto& [k, c] : by_result) totals += "<tr><td>" + esc_br(outcome_words(k)) + "</td><td>" + std::to_string(c) + "</td></tr>";
  std::string kinds;
  for (const auto& [k, c] : by_kind) {
    const auto label = b.dispute_kinds.count(k) ? b.dispute_kinds.at(k) : std::string();
    kinds += "<tr><td>" + esc_br(label) + "</td><td>" + std::to_string(c) + "</td></tr>";
  }
  const std::string year = std::to_string(b.year);
  return R"(<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sổ theo dõi hoạt động hòa giải )" + year + "</title>" +
         kStyle + R"(</head><body>
<div class="head">)" +
         header + R"(</div>
<h1>SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ</h1>
<p class="sub">Năm )" +
         year + " — " + std::to_string(b.entries.size()) + R"( vụ việc</p>
<h2>Phần I. Theo dõi vụ, việc hòa giải</h2>
<table><thead><tr><th>STT</th><th>Ngày tiếp nhận</th><th>Hòa giải viên, người được mời</th><th>Các bên (họ tên, tuổi, địa chỉ)</th>
<th>Nội dung chính</th><th>Thỏa thuận / yêu cầu của các bên</th><th>Kết quả</th><th>Ký tên</th><th>Ghi chú</th></tr></thead>
<tbody>
)" + body +
         R"(</tbody></table>
<h2>Phần II. Tổng hợp</h2>
<table style="width:auto"><thead><tr><th>Kết quả</th><th>Số vụ việc</th></tr></thead><tbody>)" +
         totals + R"(</tbody></table>
<table style="width:auto"><thead><tr><th>Loại việc</th><th>Số vụ việc</th></tr></thead><tbody>)" +
         kinds + R"(</tbody></table>
</body></html>
)";
}

}  // namespace antq::mediations
