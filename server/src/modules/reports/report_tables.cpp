#include "modules/reports/report_tables.hpp"

#include "core/csv.hpp"
#include "core/xlsx.hpp"
#include "modules/reports/document_text.hpp"

namespace antq::reports {

namespace bj = boost::json;
using doc::label;
using doc::num;
using doc::section;

const std::vector<ChildMetric>& child_metrics() {
  static const std::vector<ChildMetric> list = {
      {"activities.count", "Hoạt động"},
      {"activities.participants", "Lượt người tham gia"},
      {"activities.leaflet_distribution.quantity", "Tờ rơi"},
      {"tips.received", "Tin báo"},
      {"tips.cases_solved", "Vụ án khám phá"},
      {"mediations.total", "Vụ hòa giải"},
      {"reintegration.sessions", "Lượt cảm hóa, giáo dục"},
      {"reintegration.progressed", "Người tiến bộ"},
      {"groups.self_managed.count", "Tổ, nhóm tự quản"},
      {"patrols.count", "Lượt tuần tra"},
      {"models.count", "Mô hình, chuyên đề"},
  };
  return list;
}

std::vector<TableSection> table_sections(const bj::object& f, const Labels& l) {
  std::vector<TableSection> out;
  TableSection acts{"Hoạt động phong trào", "Hoạt động phong trào", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  TableSection orgs{"Hoạt động theo lực lượng tổ chức", "Theo lực lượng tổ chức", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  TableSection auds{"Hoạt động theo đối tượng tham gia", "Theo đối tượng tham gia", {"Số cuộc", "Lượt người tham gia"}, {}};
  TableSection tops{"Hoạt động theo chủ đề", "Hoạt động theo chủ đề", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  for (const auto& kv : section(f, "activities")) {
    if (!kv.value().is_object()) continue;
    const auto& a = kv.value().as_object();
    const std::string tl = label(l, "activity_types", std::string(kv.key()));
    acts.rows.push_back({tl, {num(a, {"count"}), num(a, {"participants"}), num(a, {"quantity"})}});
    // Cross tables list only what happened: a row for every force or topic would bury it.
    for (const auto& o : section(a, "by_organizer")) {
      const auto& x = o.value().as_object();
      if (num(x, {"count"}) == 0) continue;
      orgs.rows.push_back({tl + " — " + label(l, "forces", std::string(o.key())), {num(x, {"count"}), num(x, {"participants"}), num(x, {"quantity"})}});
    }
    for (const auto& o : section(a, "by_audience")) {
      const auto& x = o.value().as_object();
      if (num(x, {"count"}) == 0) continue;
      auds.rows.push_back({tl + " — " + label(l, "forces", std::string(o.key())), {num(x, {"count"}), num(x, {"participants"})}});
    }
    for (const auto& o : section(a, "by_topic")) {
      const auto& x = o.value().as_object();
      if (num(x, {"count"}) == 0) continue;
      tops.rows.push_back({tl + " — " + label(l, "topics", std::string(o.key())), {num(x, {"count"}), num(x, {"participants"}), num(x, {"quantity"})}});
    }
  }
  out.push_back(std::move(acts));
  out.push_back(std::move(orgs));
  out.push_back(std::move(auds));
  out.push_back(std::move(tops));
  out.push_back({"Tin báo, tố giác về tội phạm",
                 "Tin báo, tố giác",
                 {"Số lượng"},
                 {{"Tin tiếp nhận", {num(f, {"tips", "received"})}},
                  {"Tin có giá trị", {num(f, {"tips", "valid"})}},
                  {"Vụ án được khám phá", {num(f, {"tips", "cases_solved"})}},
                  {"Đối tượng bị bắt giữ", {num(f, {"tips", "suspects_arrested"})}},
                  {"Đối tượng truy nã bị bắt", {num(f, {"tips", "wanted_caught"})}},
                  {"Tin quá hạn giải quyết", {num(f, {"tips", "overdue"})}}}});
  out.push_back({"Ý kiến của Nhân dân",
                 "Ý kiến của Nhân dân",
                 {"Số lượng"},
                 {{"Ý kiến tiếp nhận", {num(f, {"opinions", "received"})}}, {"Ý kiến đã trả lời", {num(f, {"opinions", "answered"})}}}});
  out.push_back({"Hòa giải ở cơ sở",
                 "Hòa giải ở cơ sở",
                 {"Số vụ"},
                 {{"Tổng số vụ", {num(f, {"mediations", "total"})}},
                  {"Hòa giải thành", {num(f, {"mediations", "successful"})}},
                  {"Hòa giải không thành", {num(f, {"mediations", "unsuccessful"})}},
                  {"Đang hòa giải", {num(f, {"mediations", "pending"})}}}});
  out.push_back({"Cảm hóa, giáo dục, giúp đỡ người lầm lỗi",
                 "Cảm hóa, giáo dục, giúp đỡ",
                 {"Số lượng"},
                 {{"Người được giúp đỡ", {num(f, {"reintegration", "people"})}},
                  {"Lượt cảm hóa, giáo dục tại nhà", {num(f, {"reintegration", "sessions"})}},
                  {"Người tiến bộ", {num(f, {"reintegration", "progressed"})}},
                  {"Người tái phạm", {num(f, {"reintegration", "reoffended"})}}}});
  TableSection groups{"Tổ, nhóm quần chúng", "Tổ, nhóm quần chúng", {"Số tổ, nhóm", "Số thành viên"}, {}};
  for (const auto& kv : section(f, "groups")) {
    if (!kv.value().is_object()) continue;
    const auto& g = kv.value().as_object();
    const std::string gl = label(l, "group_kinds", std::string(kv.key()));
    groups.rows.push_back({gl, {num(g, {"count"}), num(g, {"members"})}});
    for (const auto& p : section(g, "by_platform")) {
      const auto& x = p.value().as_object();
      if (num(x, {"count"}) == 0) continue;
      groups.rows.push_back({gl + " — " + label(l, "platforms", std::string(p.key())), {num(x, {"count"}), num(x, {"members"})}});
    }
  }
  out.push_back(std::move(groups));
  out.push_back({"Tuần tra",
                 "Tuần tra",
                 {"Số lượng"},
                 {{"Lượt tuần tra", {num(f, {"patrols", "count"})}},
                  {"Lượt người tham gia", {num(f, {"patrols", "participants"})}},
                  {"Vụ việc phát hiện", {num(f, {"patrols", "incidents"})}}}});
  TableSection models{"Mô hình, chuyên đề",
                      "Mô hình, chuyên đề",
                      {"Số lượng"},
                      {{"Mô hình", {num(f, {"models", "by_kind", "model"})}},
                       {"Chuyên đề", {num(f, {"models", "by_kind", "thematic"})}},
                       {"Lĩnh vực", {num(f, {"models", "fields"})}},
                       {"Đơn vị có mô hình hoạt động", {num(f, {"models", "replicated_units"})}}}};
  for (const auto& kv : section(section(f, "models"), "by_field")) {
    if (kv.value().is_int64() && kv.value().as_int64() > 0)
      models.rows.push_back({"Lĩnh vực: " + label(l, "model_fields", std::string(kv.key())), {kv.value().as_int64()}});
  }
  out.push_back(std::move(models));
  out.push_back({"Địa bàn trọng điểm, phức tạp về an ninh, trật tự",
                 "Địa bàn trọng điểm",
                 {"Số lượng"},
                 {{"Địa bàn được xác định", {num(f, {"hotspots", "designated"})}},
                  {"Địa bàn đã chuyển hóa", {num(f, {"hotspots", "transformed"})}}}});
  out.push_back({"Đánh giá “An toàn về an ninh, trật tự”",
                 "Đánh giá An toàn về ANTT",
                 {"Số lượng"},
                 {{"Đơn vị được xét", {num(f, {"evaluations", "evaluated"})}},
                  {"Đơn vị được công nhận", {num(f, {"evaluations", "passed"})}}}});
  out.push_back({"Chương trình phối hợp, giao ước thi đua",
                 "Chương trình, giao ước",
                 {"Số lượng"},
                 {{"Chương trình phối hợp đang thực hiện", {num(f, {"programs", "active"})}},
                  {"Bản cam kết, giao ước", {num(f, {"pledges", "count"})}}}});
  TableSection awards{"Khen thưởng", "Khen thưởng", {"Tập thể", "Cá nhân"}, {}};
  for (const auto& kv : section(f, "awards")) {
    if (!kv.value().is_object()) continue;
    const auto& a = kv.value().as_object();
    awards.rows.push_back({label(l, "award_forms", std::string(kv.key())), {num(a, {"collective"}), num(a, {"individual"})}});
  }
  out.push_back(std::move(awards));
  if (f.contains("previous") && f.at("previous").is_object()) {
    const auto& p = f.at("previous").as_object();
    auto row = [&](const std::string& name, std::initializer_list<const char*> path) {
      return TableRow{name, {num(f, path), num(p, path), num(f, path) - num(p, path)}};
    };
    out.push_back({"So với cùng kỳ năm trước",
                   "So với cùng kỳ",
                   {"Kỳ này", "Cùng kỳ", "Tăng (+), giảm (-)"},
                   {row("Tin báo tiếp nhận", {"tips", "received"}), row("Vụ án được khám phá", {"tips", "cases_solved"}),
                    row("Vụ hòa giải", {"mediations", "total"}), row("Lượt cảm hóa, giáo dục", {"reintegration", "sessions"}),
                    row("Người tiến bộ", {"reintegration", "progressed"}), row("Lượt tuần tra", {"patrols", "count"}),
                    row("Ý kiến của Nhân dân", {"opinions", "received"})}});
  }
  // The units below (communes of a district, villages of a commune), with what was recorded at
  // the unit itself and the whole: the rows add up to the total.
  const auto& children = section(f, "children");
  if (children.contains("items") && children.at("items").is_array()) {
    TableSection t{"Số liệu theo đơn vị trực thuộc", "Theo đơn vị trực thuộc", {}, {}};
    t.label_header = "Đơn vị";
    t.in_document = false;
    for (const auto& m : child_metrics()) t.headers.push_back(m.header);
    auto values = [](const bj::value& v) {
      std::vector<std::int64_t> out;
      if (v.is_array())
        for (const auto& x : v.as_array()) out.push_back(x.is_int64() ? x.as_int64() : 0);
      return out;
    };
    std::vector<std::int64_t> sum(t.headers.size(), 0);
    for (const auto& item : children.at("items").as_array()) {
      if (!item.is_object()) continue;
      const auto& o = item.as_object();
      auto v = values(o.contains("values") ? o.at("values") : bj::value());
      v.resize(t.headers.size(), 0);
      for (std::size_t i = 0; i < v.size(); ++i) sum[i] += v[i];
      t.rows.push_back({o.contains("full_name") ? std::string(o.at("full_name").as_string()) : std::string(), std::move(v)});
    }
    auto total = values(children.contains("total") ? children.at("total") : bj::value());
    total.resize(t.headers.size(), 0);
    std::vector<std::int64_t> own(total.size());
    bool any_own = false;
    for (std::size_t i = 0; i < total.size(); ++i) {
      own[i] = total[i] - sum[i];
      if (own[i] != 0) any_own = true;
    }
    if (any_own) {
      const std::string unit = f.contains("unit") && f.at("unit").is_object() ? std::string(f.at("unit").at("full_name").as_string()) : "Toàn quốc";
      t.rows.push_back({"Ghi nhận trực tiếp tại " + unit, own});
    }
    t.rows.push_back({"Tổng cộng", total});
    out.push_back(std::move(t));
  }
  return out;
}

std::string report_csv(const bj::object& f, const Labels& l) {
  auto field = [](const std::string& s) { return csv::field(s); };
  std::string out = "\xEF\xBB\xBF" + field("Mục") + "," + field("Nội dung") + "," + field("Cột") + "," + field("Giá trị") + "\r\n";
  for (const auto& s : table_sections(f, l)) {
    for (const auto& r : s.rows) {
      for (std::size_t i = 0; i < r.values.size(); ++i) {
        out += field(s.title) + "," + field(r.label) + "," + field(s.headers[i]) + "," + std::to_string(r.values[i]) + "\r\n";
      }
    }
  }
  return out;
}

std::string report_xlsx(const bj::object& f, const Labels& l) {
  // The title rows of every sheet: what, where, when.
  std::string where = "Toàn quốc";
  if (f.contains("unit") && f.at("unit").is_object()) where = std::string(f.at("unit").at("full_name").as_string());
  const std::string title = "SỐ LIỆU PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC";
  const std::string subtitle = where + ", từ ngày " + doc::vn_date(std::string(f.at("from").as_string())) + " đến ngày " +
                               doc::vn_date(std::string(f.at("to").as_string()));
  return xlsx::build([&](lxw_workbook* wb) {
    lxw_format* heading = workbook_add_format(wb);
    format_set_bold(heading);
    format_set_font_size(heading, 13);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    format_set_align(bold, LXW_ALIGN_CENTER);
    format_set_align(bold, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(bold, LXW_BORDER_THIN);
    lxw_format* text = workbook_add_format(wb);
    format_set_border(text, LXW_BORDER_THIN);
    lxw_format* number = workbook_add_format(wb);
    format_set_num_format(number, "#,##0");
    format_set_border(number, LXW_BORDER_THIN);
    for (const auto& s : table_sections(f, l)) {
      // Sheet names are chosen whole and short (≤ 31 characters, none of []:*?/\): see table_sections.
      lxw_worksheet* ws = workbook_add_worksheet(wb, s.sheet.c_str());
      const auto last = static_cast<lxw_col_t>(s.headers.size());
      worksheet_set_column(ws, 0, 0, 48, nullptr);
      worksheet_set_column(ws, 1, last, s.headers.size() > 4 ? 14 : 18, nullptr);
      worksheet_write_string(ws, 0, 0, title.c_str(), heading);
      worksheet_write_string(ws, 1, 0, subtitle.c_str(), nullptr);
      worksheet_write_string(ws, 2, 0, s.title.c_str(), heading);
      constexpr lxw_row_t kHead = 4;
      worksheet_write_string(ws, kHead, 0, s.label_header.c_str(), bold);
      for (std::size_t c = 0; c < s.headers.size(); ++c) worksheet_write_string(ws, kHead, static_cast<lxw_col_t>(c + 1), s.headers[c].c_str(), bold);
      for (std::size_t r = 0; r < s.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(kHead + 1 + r);
        worksheet_write_string(ws, row, 0, s.rows[r].label.c_str(), text);
        for (std::size_t c = 0; c < s.rows[r].values.size(); ++c) {
          worksheet_write_number(ws, row, static_cast<lxw_col_t>(c + 1), static_cast<double>(s.rows[r].values[c]), number);
        }
      }
      worksheet_freeze_panes(ws, kHead + 1, 1);
      worksheet_set_landscape(ws);
      worksheet_set_paper(ws, 9);  // A4
      worksheet_fit_to_pages(ws, 1, 0);
    }
  });
}

}  // namespace antq::reports
