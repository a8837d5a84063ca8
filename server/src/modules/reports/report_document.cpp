#include "modules/reports/report_document.hpp"

#include <vector>

#include "core/csv.hpp"
#include "core/html.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "core/xlsx.hpp"

namespace antq::reports {

namespace bj = boost::json;

std::string vn_number(std::int64_t n) { return text::group_thousands(n); }

namespace {

std::int64_t num(const bj::object& f, std::initializer_list<const char*> path) {
  const bj::value* v = nullptr;
  const bj::object* o = &f;
  for (const char* k : path) {
    if (!o) return 0;
    auto it = o->find(k);
    if (it == o->end()) return 0;
    v = &it->value();
    o = v->is_object() ? &v->as_object() : nullptr;
  }
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::string label(const Labels& l, const std::string& kind, const std::string& code) {
  auto it = l.find(kind + "/" + code);
  return it == l.end() ? code : it->second;
}

std::string vn_date(const std::string& iso) {
  const auto d = timeutil::parse_date(iso);
  return d ? timeutil::format_vn(*d) : iso;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

struct Row {
  std::string label;
  std::vector<std::int64_t> values;
};
struct Section {
  std::string title;
  std::vector<std::string> headers;  // after the label column
  std::vector<Row> rows;
};

std::vector<Section> sections(const bj::object& f, const Labels& l) {
  std::vector<Section> out;
  Section acts{"Hoạt động phong trào", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  Section orgs{"Hoạt động theo lực lượng tổ chức", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  Section auds{"Hoạt động theo đối tượng tham gia", {"Số cuộc", "Lượt người tham gia"}, {}};
  if (f.contains("activities")) {
    for (const auto& kv : f.at("activities").as_object()) {
      const std::string type(kv.key());
      const auto& a = kv.value().as_object();
      const std::string tl = label(l, "activity_types", type);
      acts.rows.push_back({tl, {num(a, {"count"}), num(a, {"participants"}), num(a, {"quantity"})}});
      for (const auto& o : a.at("by_organizer").as_object()) {
        const auto& x = o.value().as_object();
        if (num(x, {"count"}) == 0) continue;
        orgs.rows.push_back({tl + " — " + label(l, "forces", std::string(o.key())),
                             {num(x, {"count"}), num(x, {"participants"}), num(x, {"quantity"})}});
      }
      for (const auto& o : a.at("by_audience").as_object()) {
        const auto& x = o.value().as_object();
        if (num(x, {"count"}) == 0) continue;
        auds.rows.push_back({tl + " — " + label(l, "forces", std::string(o.key())), {num(x, {"count"}), num(x, {"participants"})}});
      }
    }
  }
  out.push_back(std::move(acts));
  out.push_back(std::move(orgs));
  out.push_back(std::move(auds));
  out.push_back({"Tin báo, tố giác về tội phạm",
                 {"Số lượng"},
                 {{"Tin tiếp nhận", {num(f, {"tips", "received"})}},
                  {"Tin có giá trị", {num(f, {"tips", "valid"})}},
                  {"Vụ án được khám phá", {num(f, {"tips", "cases_solved"})}},
                  {"Đối tượng bị bắt giữ", {num(f, {"tips", "suspects_arrested"})}},
                  {"Đối tượng truy nã bị bắt", {num(f, {"tips", "wanted_caught"})}},
                  {"Tin quá hạn giải quyết", {num(f, {"tips", "overdue"})}}}});
  out.push_back({"Ý kiến của Nhân dân",
                 {"Số lượng"},
                 {{"Ý kiến tiếp nhận", {num(f, {"opinions", "received"})}}, {"Ý kiến đã trả lời", {num(f, {"opinions", "answered"})}}}});
  out.push_back({"Hòa giải ở cơ sở",
                 {"Số vụ"},
                 {{"Tổng số vụ", {num(f, {"mediations", "total"})}},
                  {"Hòa giải thành", {num(f, {"mediations", "successful"})}},
                  {"Hòa giải không thành", {num(f, {"mediations", "unsuccessful"})}},
                  {"Đang hòa giải", {num(f, {"mediations", "pending"})}}}});
  out.push_back({"Cảm hóa, giáo dục, giúp đỡ người lầm lỗi",
                 {"Số lượng"},
                 {{"Người được giúp đỡ", {num(f, {"reintegration", "people"})}},
                  {"Lượt cảm hóa, giáo dục tại nhà", {num(f, {"reintegration", "sessions"})}},
                  {"Người tiến bộ", {num(f, {"reintegration", "progressed"})}},
                  {"Người tái phạm", {num(f, {"reintegration", "reoffended"})}}}});
  Section groups{"Tổ, nhóm quần chúng", {"Số tổ, nhóm", "Số thành viên"}, {}};
  if (f.contains("groups")) {
    for (const auto& kv : f.at("groups").as_object()) {
      const auto& g = kv.value().as_object();
      groups.rows.push_back({label(l, "group_kinds", std::string(kv.key())), {num(g, {"count"}), num(g, {"members"})}});
    }
  }
  out.push_back(std::move(groups));
  out.push_back({"Tuần tra",
                 {"Số lượng"},
                 {{"Lượt tuần tra", {num(f, {"patrols", "count"})}},
                  {"Lượt người tham gia", {num(f, {"patrols", "participants"})}},
                  {"Vụ việc phát hiện", {num(f, {"patrols", "incidents"})}}}});
  out.push_back({"Mô hình, chuyên đề",
                 {"Số lượng"},
                 {{"Mô hình", {num(f, {"models", "by_kind", "model"})}},
                  {"Chuyên đề", {num(f, {"models", "by_kind", "thematic"})}},
                  {"Lĩnh vực", {num(f, {"models", "fields"})}},
                  {"Đơn vị có mô hình hoạt động", {num(f, {"models", "replicated_units"})}}}});
  out.push_back({"Địa bàn trọng điểm, phức tạp về ANTT",
                 {"Số lượng"},
                 {{"Địa bàn được xác định", {num(f, {"hotspots", "designated"})}},
                  {"Địa bàn đã chuyển hóa", {num(f, {"hotspots", "transformed"})}}}});
  out.push_back({"Đánh giá “An toàn về an ninh, trật tự”",
                 {"Số lượng"},
                 {{"Đơn vị được xét", {num(f, {"evaluations", "evaluated"})}},
                  {"Đơn vị được công nhận", {num(f, {"evaluations", "passed"})}}}});
  out.push_back({"Chương trình phối hợp, giao ước thi đua",
                 {"Số lượng"},
                 {{"Chương trình phối hợp đang thực hiện", {num(f, {"programs", "active"})}},
                  {"Bản cam kết, giao ước", {num(f, {"pledges", "count"})}}}});
  Section awards{"Khen thưởng", {"Tập thể", "Cá nhân"}, {}};
  if (f.contains("awards")) {
    for (const auto& kv : f.at("awards").as_object()) {
      const auto& a = kv.value().as_object();
      awards.rows.push_back({label(l, "award_forms", std::string(kv.key())), {num(a, {"collective"}), num(a, {"individual"})}});
    }
  }
  out.push_back(std::move(awards));
  if (f.contains("previous") && f.at("previous").is_object()) {
    const auto& p = f.at("previous").as_object();
    auto row = [&](const std::string& name, std::initializer_list<const char*> path) {
      return Row{name, {num(f, path), num(p, path), num(f, path) - num(p, path)}};
    };
    out.push_back({"So với cùng kỳ năm trước",
                   {"Kỳ này", "Cùng kỳ", "Tăng (+), giảm (-)"},
                   {row("Tin báo tiếp nhận", {"tips", "received"}), row("Vụ án được khám phá", {"tips", "cases_solved"}),
                    row("Vụ hòa giải", {"mediations", "total"}), row("Lượt cảm hóa, giáo dục", {"reintegration", "sessions"}),
                    row("Người tiến bộ", {"reintegration", "progressed"}), row("Lượt tuần tra", {"patrols", "count"}),
                    row("Ý kiến của Nhân dân", {"opinions", "received"})}});
  }
  return out;
}

}  // namespace

std::string narrative(const bj::object& f, const Labels& l) {
  std::string place = "trên địa bàn";
  if (f.contains("unit") && f.at("unit").is_object()) place += " " + text::lower_initial(std::string(f.at("unit").at("full_name").as_string()));
  else place += " cả nước";
  std::vector<std::string> people;
  if (auto n = num(f, {"reintegration", "sessions"})) people.push_back("cảm hóa giáo dục tại nhà " + vn_number(n) + " lượt đối tượng");
  if (auto n = num(f, {"mediations", "total"})) people.push_back("hòa giải " + vn_number(n) + " vụ mâu thuẫn nhỏ trong nội bộ nhân dân");
  std::vector<std::string> tips;
  if (auto n = num(f, {"tips", "cases_solved"})) tips.push_back("giúp khám phá " + vn_number(n) + " vụ án");
  if (auto n = num(f, {"tips", "suspects_arrested"})) tips.push_back("bắt giữ " + vn_number(n) + " đối tượng");
  if (auto n = num(f, {"tips", "wanted_caught"})) tips.push_back("tham gia bắt " + vn_number(n) + " đối tượng truy nã");
  if (auto n = num(f, {"reintegration", "progressed"})) tips.push_back("giúp đỡ " + vn_number(n) + " người tiến bộ");
  std::string s = "Kết quả từ ngày " + vn_date(std::string(f.at("from").as_string())) + " đến ngày " +
                  vn_date(std::string(f.at("to").as_string())) + ", quần chúng nhân dân " + place;
  std::vector<std::string> first;
  if (!people.empty()) first.push_back("đã phối hợp " + join(people, ", "));
  if (auto n = num(f, {"tips", "received"})) {
    first.push_back("cung cấp cho cơ quan chức năng " + vn_number(n) + " tin liên quan đến an ninh, trật tự" +
                    (tips.empty() ? "" : ", " + join(tips, ", ")));
  } else if (!tips.empty()) {
    first.push_back(join(tips, ", "));
  }
  s += first.empty() ? " đã tham gia phong trào Toàn dân bảo vệ an ninh Tổ quốc." : " " + join(first, "; ") + ".";

  // Leaflets and trainings, with who organised them and who took part.
  std::vector<std::string> acts;
  if (f.contains("activities")) {
    for (const auto& kv : f.at("activities").as_object()) {
      const std::string type(kv.key());
      const auto& a = kv.value().as_object();
      if (type == "leaflet_distribution" && num(a, {"quantity"}) > 0) {
        acts.push_back("phát " + vn_number(num(a, {"quantity"})) + " tờ rơi tuyên truyền");
      }
      if (type == "training" && num(a, {"count"}) > 0) {
        std::vector<std::string> who;
        for (const auto& o : a.at("by_audience").as_object()) {
          if (auto n = num(o.value().as_object(), {"participants"})) {
            who.push_back(vn_number(n) + " lượt hội viên " + label(l, "forces", std::string(o.key())));
          }
        }
        acts.push_back("tổ chức " + vn_number(num(a, {"count"})) + " lớp tập huấn" +
                       (who.empty() ? "" : " kiến thức phòng chống tội phạm cho " + join(who, ", ")));
      }
    }
  }
  if (!acts.empty()) {
    std::string a = join(acts, "; ");
    a[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(a[0])));
    s += " " + a + ".";
  }
  std::vector<std::string> kept;
  if (auto n = num(f, {"groups", "self_managed", "count"})) kept.push_back(vn_number(n) + " tổ, nhóm nhân dân tự quản về an ninh, trật tự");
  if (auto n = num(f, {"groups", "security_team", "count"})) kept.push_back(vn_number(n) + " Tổ bảo vệ an ninh, trật tự");
  if (auto n = num(f, {"groups", "patrol_team", "count"})) kept.push_back(vn_number(n) + " tổ tuần tra nhân dân");
  if (!kept.empty()) s += " Duy trì hoạt động của " + join(kept, ", ") + ".";
  std::vector<std::string> models;
  if (auto n = num(f, {"models", "by_kind", "thematic"})) models.push_back(vn_number(n) + " chuyên đề");
  if (auto n = num(f, {"models", "by_kind", "model"})) models.push_back(vn_number(n) + " mô hình");
  if (!models.empty()) {
    s += " Các cơ quan, đơn vị triển khai thực hiện hiệu quả " + join(models, ", ") +
         " về xây dựng phong trào Toàn dân bảo vệ an ninh Tổ quốc, phòng chống tội phạm.";
  }
  return s;
}

std::string report_html(const bj::object& f, const DocumentInfo& info, const Labels& l) {
  auto esc = [](const std::string& s) { return html::escape(s); };
  std::string h = R"(<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>)" + esc(info.title) + R"(</title><style>
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font: 13pt "Times New Roman", "Liberation Serif", serif; } }
@page :first { @top-center { content: none; } }
body { font-family: "Times New Roman", "Liberation Serif", "Tinos", serif; font-size: 14pt; color: #000; margin: 0; line-height: 1.3; }
.head { display: flex; justify-content: space-between; text-align: center; }
.issuer { width: 40%; font-size: 12pt; } .issuer .parent { text-transform: uppercase; } .issuer .name { font-weight: bold; text-transform: uppercase; }
.motto { width: 60%; } .motto .republic { font-size: 12pt; font-weight: bold; text-transform: uppercase; white-space: nowrap; } .motto .slogan { font-size: 13pt; font-weight: bold; white-space: nowrap; }
.rule { width: 35%; margin: 1mm auto 0; border-top: 1px solid #000; }
.meta { display: flex; justify-content: space-between; margin-top: 4mm; font-size: 13pt; } .meta .place { font-style: italic; font-size: 14pt; }
h1 { text-align: center; font-size: 14pt; margin: 10mm 0 0; text-transform: uppercase; }
.subject { text-align: center; font-weight: bold; margin-bottom: 6mm; }
p { text-align: justify; margin: 0 0 6pt; text-indent: 10mm; }
h2 { font-size: 14pt; margin: 8pt 0 4pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 8pt; font-size: 12pt; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 1mm 2mm; } th { font-weight: bold; text-align: center; } td.n { text-align: right; white-space: nowrap; }
.sign { display: flex; justify-content: space-between; margin-top: 10mm; page-break-inside: avoid; }
.recipients { font-size: 12pt; width: 45%; } .recipients b { font-style: italic; }
.signer { width: 50%; text-align: center; font-weight: bold; } .signer .space { height: 26mm; }
@media screen { body { max-width: 165mm; margin: 10mm auto; } }
</style></head><body>)";
  h += "<div class=\"head\"><div class=\"issuer\">";
  if (!info.parent.empty()) h += "<div class=\"parent\">" + esc(info.parent) + "</div>";
  h += "<div class=\"name\">" + esc(info.issuer) + "</div><div class=\"rule\"></div></div>";
  h += "<div class=\"motto\"><div class=\"republic\">Cộng hòa xã hội chủ nghĩa Việt Nam</div>"
       "<div class=\"slogan\">Độc lập - Tự do - Hạnh phúc</div><div class=\"rule\"></div></div></div>";
  const std::string d = info.date.size() == 10 ? "ngày " + info.date.substr(8, 2) + " tháng " + info.date.substr(5, 2) + " năm " +
                                                      info.date.substr(0, 4)
                                                : "ngày … tháng … năm …";
  h += "<div class=\"meta\"><div>Số: " + (info.number.empty() ? std::string("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC") : esc(info.number)) +
       "</div><div class=\"place\">" + esc(info.place) + ", " + d + "</div></div>";
  h += "<h1>Báo cáo</h1><div class=\"subject\">" + esc(info.title) + "</div>";
  h += "<p>" + esc(narrative(f, l)) + "</p>";
  h += "<h2>Kết quả cụ thể</h2>";
  int i = 0;
  for (const auto& s : sections(f, l)) {
    if (s.rows.empty()) continue;
    h += "<h2>" + std::to_string(++i) + ". " + esc(s.title) + "</h2><table><thead><tr><th>Nội dung</th>";
    for (const auto& c : s.headers) h += "<th>" + esc(c) + "</th>";
    h += "</tr></thead><tbody>";
    for (const auto& r : s.rows) {
      h += "<tr><td>" + esc(r.label) + "</td>";
      for (auto v : r.values) h += "<td class=\"n\">" + vn_number(v) + "</td>";
      h += "</tr>";
    }
    h += "</tbody></table>";
  }
  h += "<div class=\"sign\"><div class=\"recipients\"><b>Nơi nhận:</b><br>- Ban Chỉ đạo cấp trên;<br>- Các thành viên Ban Chỉ đạo;<br>- Lưu: VT.</div>"
       "<div class=\"signer\">TM. " + esc(info.issuer) + "<div class=\"space\"></div>" + esc(info.signer) + "</div></div>";
  h += "</body></html>";
  return h;
}

std::string report_csv(const bj::object& f, const Labels& l) {
  auto field = [](const std::string& s) { return csv::field(s); };
  std::string out = "\xEF\xBB\xBF" + field("Mục") + "," + field("Nội dung") + "," + field("Cột") + "," + field("Giá trị") + "\r\n";
  for (const auto& s : sections(f, l)) {
    for (const auto& r : s.rows) {
      for (std::size_t i = 0; i < r.values.size(); ++i) {
        out += field(s.title) + "," + field(r.label) + "," + field(s.headers[i]) + "," + std::to_string(r.values[i]) + "\r\n";
      }
    }
  }
  return out;
}

std::string report_xlsx(const bj::object& f, const Labels& l) {
  return xlsx::build([&](lxw_workbook* wb) {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* number = workbook_add_format(wb);
    format_set_num_format(number, "#,##0");
    int n = 0;
    for (const auto& s : sections(f, l)) {
      // Sheet names: at most 31 characters, none of []:*?/\ — numbered so they stay unique.
      std::string name = std::to_string(++n) + ". " + s.title;
      for (auto& ch : name)
        if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = ' ';
      std::size_t cut = 0, chars = 0;
      while (cut < name.size() && chars < 31) {
        const auto c = static_cast<unsigned char>(name[cut]);
        cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++chars;
      }
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.substr(0, cut).c_str());
      worksheet_set_column(ws, 0, 0, 48, nullptr);
      worksheet_set_column(ws, 1, static_cast<lxw_col_t>(s.headers.size()), 18, nullptr);
      worksheet_write_string(ws, 0, 0, "Nội dung", bold);
      for (std::size_t c = 0; c < s.headers.size(); ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c + 1), s.headers[c].c_str(), bold);
      for (std::size_t r = 0; r < s.rows.size(); ++r) {
        worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), 0, s.rows[r].label.c_str(), nullptr);
        for (std::size_t c = 0; c < s.rows[r].values.size(); ++c) {
          worksheet_write_number(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c + 1),
                                 static_cast<double>(s.rows[r].values[c]), number);
        }
      }
    }
  });
}

}  // namespace antq::reports
