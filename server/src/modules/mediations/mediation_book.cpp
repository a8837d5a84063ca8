#include "modules/mediations/mediation_book.hpp"

#include <algorithm>
#include <map>

#include "core/errors.hpp"
#include "core/html.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "http/params.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/units/units_repository.hpp"

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
const std::map<std::string, std::string> kOutcome{
    {"successful", "Hòa giải thành"}, {"unsuccessful", "Hòa giải không thành"}, {"pending", "Đang hòa giải"}, {"transferred", "Chuyển cơ quan có thẩm quyền"}};

}  // namespace

void register_book_route(http::Router& router, registers::RegisterService& mediations, db::Database& db) {
  router.add({"GET", "/api/v1/mediations/book", http::Access::staff}, [&mediations, &db](http::Request& req) {
    const auto& who = *req.principal;
    access::require(who, mediations.spec().read_permission);
    const auto unit_code = http::text_param(req, "unit", 40);
    if (!unit_code) throw BadRequest("Thiếu tham số 'unit' (mã thôn, tổ dân phố).", "unit");
    const int year = http::int_param(req, "year", std::stoi(timeutil::today_vietnam().substr(0, 4)), 2000, 2100);
    registers::ListQuery q;
    q.unit = unit_code;
    q.from = std::to_string(year) + "-01-01";
    q.to = std::to_string(year) + "-12-31";
    auto [rows, total] = mediations.list(who, q, true);
    std::vector<units::Unit> chain;
    std::map<std::string, std::string> labels;
    // A read: printing shows nothing the detail would not show this reader, so it changes no
    // state and needs no audit entry (a GET that wrote was a CSRF-able state change).
    db.read([&](db::Connection& c) {
      auto u = units::repo::find_active(c, *unit_code);
      if (!u) throw NotFound("Không tìm thấy đơn vị.", "unit");
      chain = units::repo::ancestors(c, *u);
      chain.push_back(*u);
      for (const auto& i : catalog::items(c, "dispute_types", true)) labels[i.code] = i.label;
    });
    std::string header;
    for (const auto& u : chain) header += "<div>" + esc_br(u.full_name) + "</div>";
    // Rows in the order cases were received.
    std::reverse(rows.begin(), rows.end());
    std::string body;
    std::map<std::string, int> by_result, by_kind;
    int n = 0;
    for (const auto& r : rows) {
      const auto& v = r.values;
      std::string parties;
      // The parties are sealed: the book shows their names only to those the record's detail
      // shows them to (Spec::identity_visible), and only how many they are to everyone else.
      if (!mediations.sees_sealed(who, r)) {
        parties = std::to_string(v.at("parties_count").as_int64()) + " bên (thông tin được bảo mật)";
      } else
      for (const auto& p : v.at("parties").as_array()) {
        const auto& o = p.as_object();
        parties += esc_br(o.at("name").as_string());
        if (o.contains("birth_year")) parties += ", " + std::to_string(year - o.at("birth_year").as_int64()) + " tuổi";
        if (o.contains("address")) parties += ", " + esc_br(o.at("address").as_string());
        parties += "<br>";
      }
      const std::string outcome(v.at("outcome").as_string());
      const std::string kind(v.at("dispute_type").as_string());
      ++by_result[outcome];
      ++by_kind[kind];
      body += "<tr><td>" + std::to_string(++n) + "</td><td>" + vn_date(v.at("received_on")) + "</td><td>" +
              esc_br(v.at("mediators").as_string()) + "</td><td>" + parties + "</td><td>" + esc_br(labels[kind]) + ": " +
              esc_br(v.at("content").as_string()) + "</td><td>" + esc_br(v.at("agreement").as_string()) + "</td><td>" +
              esc_br(kOutcome.count(outcome) ? kOutcome.at(outcome) : outcome) + "</td><td></td><td>" +
              (v.at("closed_on").is_string() ? "Kết thúc " + vn_date(v.at("closed_on")) : "") + "</td></tr>\n";
    }
    std::string totals;
    for (const auto& [k, c] : by_result) totals += "<tr><td>" + esc_br(kOutcome.count(k) ? kOutcome.at(k) : k) + "</td><td>" + std::to_string(c) + "</td></tr>";
    std::string kinds;
    for (const auto& [k, c] : by_kind) kinds += "<tr><td>" + esc_br(labels[k]) + "</td><td>" + std::to_string(c) + "</td></tr>";
    http::Response res;
    res.content_type = "text/html; charset=utf-8";
    res.header("Cache-Control", "private, no-store");
    res.body = R"(<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sổ theo dõi hoạt động hòa giải )" +
               std::to_string(year) + R"(</title><style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; color: #000; }
.head { text-transform: uppercase; font-weight: bold; }
h1 { text-align: center; font-size: 16pt; margin: 8mm 0 2mm; }
.sub { text-align: center; margin-bottom: 6mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6mm; }
th, td { border: 1px solid #000; padding: 2mm; vertical-align: top; }
th { font-weight: bold; text-align: center; }
h2 { font-size: 13pt; }
</style></head><body>
<div class="head">)" + header + R"(</div>
<h1>SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ</h1>
<p class="sub">Năm )" + std::to_string(year) + " — " + std::to_string(rows.size()) + R"( vụ việc</p>
<h2>Phần I. Theo dõi vụ, việc hòa giải</h2>
<table><thead><tr><th>STT</th><th>Ngày tiếp nhận</th><th>Hòa giải viên, người được mời</th><th>Các bên (họ tên, tuổi, địa chỉ)</th>
<th>Nội dung chính</th><th>Thỏa thuận / yêu cầu của các bên</th><th>Kết quả</th><th>Ký tên</th><th>Ghi chú</th></tr></thead>
<tbody>
)" + body + R"(</tbody></table>
<h2>Phần II. Tổng hợp</h2>
<table style="width:auto"><thead><tr><th>Kết quả</th><th>Số vụ việc</th></tr></thead><tbody>)" +
               totals + R"(</tbody></table>
<table style="width:auto"><thead><tr><th>Loại việc</th><th>Số vụ việc</th></tr></thead><tbody>)" + kinds + R"(</tbody></table>
</body></html>
)";
    return res;
  });
}

}  // namespace antq::mediations
