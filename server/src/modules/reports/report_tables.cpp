#include "modules/reports/report_tables.hpp"

#include "core/csv.hpp"
#include "core/xlsx.hpp"
#include "modules/reports/document_text.hpp"
#include "modules/reports/metrics.hpp"

namespace antq::reports {

using doc::label;

const std::vector<ChildMetric>& child_metrics() {
  using metric::measure::count;
  static const std::vector<ChildMetric> list = {
      {metric::activities_total(count), "Hoạt động"},
      {metric::activities_total(metric::measure::participants), "Lượt người tham gia"},
      {metric::activity("leaflet_distribution", metric::measure::quantity), "Tờ rơi"},
      {metric::kTipsReceived, "Tin báo"},
      {metric::kTipsCasesSolved, "Vụ án khám phá"},
      {metric::kMediationsTotal, "Vụ hòa giải"},
      {metric::kReintegrationSessions, "Lượt cảm hóa, giáo dục"},
      {metric::kProgressed, "Người tiến bộ"},
      {metric::group("self_managed", count), "Tổ, nhóm tự quản"},
      {metric::kPatrolsCount, "Lượt tuần tra"},
      {metric::kModelsCount, "Mô hình, chuyên đề"},
  };
  return list;
}

namespace {

// A row of "So với cùng kỳ": this period, the same period a year earlier, the change.
template <class Pick>
TableRow compare(const std::string& name, const Summary& now, const Summary& before, Pick pick) {
  return TableRow{name, {pick(now), pick(before), pick(now) - pick(before)}};
}

// Activities by type, then by organising force, audience and topic.
void activity_sections(const Summary& f, const Labels& l, std::vector<TableSection>& out) {
  TableSection acts{"Hoạt động phong trào", "Hoạt động phong trào", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  TableSection orgs{"Hoạt động theo lực lượng tổ chức", "Theo lực lượng tổ chức", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  TableSection auds{"Hoạt động theo đối tượng tham gia", "Theo đối tượng tham gia", {"Số cuộc", "Lượt người tham gia"}, {}};
  TableSection tops{"Hoạt động theo chủ đề", "Hoạt động theo chủ đề", {"Số cuộc", "Lượt người tham gia", "Số lượng"}, {}};
  for (const auto& [type, a] : f.activities) {
    const std::string tl = label(l, "activity_types", type);
    acts.rows.push_back({tl, {a.total.count, a.total.participants, a.total.quantity}});
    // Cross tables list only what happened: a row for every force or topic would bury it.
    for (const auto& [force, x] : a.by_organizer) {
      if (x.count == 0) continue;
      orgs.rows.push_back({tl + " — " + label(l, "forces", force), {x.count, x.participants, x.quantity}});
    }
    for (const auto& [force, x] : a.by_audience) {
      if (x.count == 0) continue;
      auds.rows.push_back({tl + " — " + label(l, "forces", force), {x.count, x.participants}});
    }
    for (const auto& [topic, x] : a.by_topic) {
      if (x.count == 0) continue;
      tops.rows.push_back({tl + " — " + label(l, "topics", topic), {x.count, x.participants, x.quantity}});
    }
  }
  out.push_back(std::move(acts));
  out.push_back(std::move(orgs));
  out.push_back(std::move(auds));
  out.push_back(std::move(tops));
}

// Tips, the people's opinions, mediations, people helped.
void count_sections(const Summary& f, std::vector<TableSection>& out) {
  out.push_back({"Tin báo, tố giác về tội phạm",
                 "Tin báo, tố giác",
                 {"Số lượng"},
                 {{"Tin tiếp nhận", {f.tips.received}},
                  {"Tin có giá trị", {f.tips.valid}},
                  {"Vụ án được khám phá", {f.tips.cases_solved}},
                  {"Đối tượng bị bắt giữ", {f.tips.suspects_arrested}},
                  {"Đối tượng truy nã bị bắt", {f.tips.wanted_caught}},
                  {"Tin quá hạn giải quyết", {f.tips.overdue}}}});
  out.push_back({"Ý kiến của Nhân dân",
                 "Ý kiến của Nhân dân",
                 {"Số lượng"},
                 {{"Ý kiến tiếp nhận", {f.opinions.received}}, {"Ý kiến đã trả lời", {f.opinions.answered}}}});
  out.push_back({"Hòa giải ở cơ sở",
                 "Hòa giải ở cơ sở",
                 {"Số vụ"},
                 {{"Tổng số vụ", {f.mediations.total}},
                  {"Hòa giải thành", {f.mediations.successful}},
                  {"Hòa giải không thành", {f.mediations.unsuccessful}},
                  {"Đang hòa giải", {f.mediations.pending}}}});
  out.push_back({"Cảm hóa, giáo dục, giúp đỡ người lầm lỗi",
                 "Cảm hóa, giáo dục, giúp đỡ",
                 {"Số lượng"},
                 {{"Người được giúp đỡ", {f.reintegration.people}},
                  {"Lượt cảm hóa, giáo dục tại nhà", {f.reintegration.sessions}},
                  {"Người tiến bộ", {f.reintegration.progressed}},
                  {"Người tái phạm", {f.reintegration.reoffended}}}});
}

// Groups, patrols, models, hotspots, evaluations, programs and pledges, awards.
void movement_sections(const Summary& f, const Labels& l, std::vector<TableSection>& out) {
  TableSection groups{"Tổ, nhóm quần chúng", "Tổ, nhóm quần chúng", {"Số tổ, nhóm", "Số thành viên"}, {}};
  for (const auto& [kind, g] : f.groups) {
    const std::string gl = label(l, "group_kinds", kind);
    groups.rows.push_back({gl, {g.total.count, g.total.members}});
    for (const auto& [platform, x] : g.by_platform) {
      if (x.count == 0) continue;
      groups.rows.push_back({gl + " — " + label(l, "platforms", platform), {x.count, x.members}});
    }
  }
  out.push_back(std::move(groups));
  out.push_back({"Tuần tra",
                 "Tuần tra",
                 {"Số lượng"},
                 {{"Lượt tuần tra", {f.patrols.count}},
                  {"Lượt người tham gia", {f.patrols.participants}},
                  {"Vụ việc phát hiện", {f.patrols.incidents}}}});
  TableSection models{"Mô hình, chuyên đề",
                      "Mô hình, chuyên đề",
                      {"Số lượng"},
                      {{"Mô hình", {f.models.model}},
                       {"Chuyên đề", {f.models.thematic}},
                       {"Lĩnh vực", {f.models.fields}},
                       {"Đơn vị có mô hình hoạt động", {f.models.replicated_units}}}};
  for (const auto& [field, v] : f.models.by_field) {
    if (v > 0) models.rows.push_back({"Lĩnh vực: " + label(l, "model_fields", field), {v}});
  }
  out.push_back(std::move(models));
  out.push_back({"Địa bàn trọng điểm, phức tạp về an ninh, trật tự",
                 "Địa bàn trọng điểm",
                 {"Số lượng"},
                 {{"Địa bàn được xác định", {f.hotspots.designated}}, {"Địa bàn đã chuyển hóa", {f.hotspots.transformed}}}});
  out.push_back({"Đánh giá “An toàn về an ninh, trật tự”",
                 "Đánh giá An toàn về ANTT",
                 {"Số lượng"},
                 {{"Đơn vị được xét", {f.evaluations.evaluated}}, {"Đơn vị được công nhận", {f.evaluations.passed}}}});
  out.push_back({"Chương trình phối hợp, giao ước thi đua",
                 "Chương trình, giao ước",
                 {"Số lượng"},
                 {{"Chương trình phối hợp đang thực hiện", {f.programs_active}}, {"Bản cam kết, giao ước", {f.pledges}}}});
  TableSection awards{"Khen thưởng", "Khen thưởng", {"Tập thể", "Cá nhân"}, {}};
  for (const auto& [form, a] : f.awards) awards.rows.push_back({label(l, "award_forms", form), {a.collective, a.individual}});
  out.push_back(std::move(awards));
}

TableSection comparison_section(const Summary& f, const Summary& p) {
  return {"So với cùng kỳ năm trước",
          "So với cùng kỳ",
          {"Kỳ này", "Cùng kỳ", "Tăng (+), giảm (-)"},
          {compare("Tin báo tiếp nhận", f, p, [](const Summary& s) { return s.tips.received; }),
           compare("Vụ án được khám phá", f, p, [](const Summary& s) { return s.tips.cases_solved; }),
           compare("Vụ hòa giải", f, p, [](const Summary& s) { return s.mediations.total; }),
           compare("Lượt cảm hóa, giáo dục", f, p, [](const Summary& s) { return s.reintegration.sessions; }),
           compare("Người tiến bộ", f, p, [](const Summary& s) { return s.reintegration.progressed; }),
           compare("Lượt tuần tra", f, p, [](const Summary& s) { return s.patrols.count; }),
           compare("Ý kiến của Nhân dân", f, p, [](const Summary& s) { return s.opinions.received; })}};
}

// The units below (communes of a district, villages of a commune), with what was recorded at
// the unit itself and the whole: the rows add up to the total.
TableSection children_section(const ChildTable& children, const Summary& f) {
  TableSection t{"Số liệu theo đơn vị trực thuộc", "Theo đơn vị trực thuộc", {}, {}};
  t.label_header = "Đơn vị";
  t.in_document = false;
  for (const auto& m : child_metrics()) t.headers.push_back(m.header);
  std::vector<std::int64_t> sum(t.headers.size(), 0);
  for (const auto& item : children.items) {
    auto v = item.values;
    v.resize(t.headers.size(), 0);
    for (std::size_t i = 0; i < v.size(); ++i) sum[i] += v[i];
    t.rows.push_back({item.full_name, std::move(v)});
  }
  auto total = children.total;
  total.resize(t.headers.size(), 0);
  std::vector<std::int64_t> own(total.size());
  bool any_own = false;
  for (std::size_t i = 0; i < total.size(); ++i) {
    own[i] = total[i] - sum[i];
    if (own[i] != 0) any_own = true;
  }
  if (any_own) t.rows.push_back({"Ghi nhận trực tiếp tại " + (f.unit ? f.unit->full_name : std::string("Toàn quốc")), own});
  t.rows.push_back({"Tổng cộng", total});
  return t;
}

}  // namespace

std::vector<TableSection> table_sections(const ReportFigures& figures, const Labels& l) {
  std::vector<TableSection> out;
  activity_sections(figures.summary, l, out);
  count_sections(figures.summary, out);
  movement_sections(figures.summary, l, out);
  if (figures.previous) out.push_back(comparison_section(figures.summary, *figures.previous));
  if (figures.children) out.push_back(children_section(*figures.children, figures.summary));
  return out;
}

std::string report_csv(const ReportFigures& f, const Labels& l) {
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

std::string report_xlsx(const ReportFigures& figures, const Labels& l) {
  const Summary& f = figures.summary;
  // The title rows of every sheet: what, where, when.
  std::string where = "Toàn quốc";
  if (f.unit) where = f.unit->full_name;
  const std::string title = "SỐ LIỆU PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC";
  const std::string subtitle = where + ", từ ngày " + doc::vn_date(f.from) + " đến ngày " + doc::vn_date(f.to);
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
    for (const auto& s : table_sections(figures, l)) {
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
      for (std::size_t c = 0; c < s.headers.size(); ++c)
        worksheet_write_string(ws, kHead, static_cast<lxw_col_t>(c + 1), s.headers[c].c_str(), bold);
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
