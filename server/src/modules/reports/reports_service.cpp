#include "modules/reports/reports_service.hpp"

#include <cstdio>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/units/area.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::reports {

namespace bj = boost::json;

namespace {

constexpr const char* kIssuedColumns =
    "SELECT r.id, r.number, u.code, u.name, u.full_name, u.kind, u.path, r.period_from, r.period_to, r.title, r.issued_on, "
    "r.issued_by, r.signer, r.figures FROM reports r JOIN units u ON u.id = r.unit_id ";

constexpr const char* kSections[] = {"activities", "opinions", "tips", "mediations", "reintegration", "groups", "patrols",
                                     "models", "hotspots", "evaluations", "programs", "pledges", "awards"};

void check_period(const std::string& from, const std::string& to) {
  if (!timeutil::parse_date(from)) throw BadRequest("Tham số 'from' phải là ngày dạng YYYY-MM-DD.", "from");
  if (!timeutil::parse_date(to)) throw BadRequest("Tham số 'to' phải là ngày dạng YYYY-MM-DD.", "to");
  if (from > to) throw BadRequest("Ngày bắt đầu phải trước ngày kết thúc.", "from");
  if (from < "1990-01-01" || to > "2100-12-31") throw BadRequest("Kỳ báo cáo nằm ngoài khoảng 1990–2100.", "from");
}

// "tips.received", "activities.training.by_audience.women_union.participants": a figure's path.
void check_metric(const std::string& m) {
  const auto dot = m.find('.');
  const std::string top = m.substr(0, dot);
  const bool known = std::any_of(std::begin(kSections), std::end(kSections), [&](const char* s) { return top == s; });
  const bool clean = m.size() <= 120 && dot != std::string::npos &&
                     m.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") == std::string::npos;
  if (!known || !clean) throw BadRequest("Chỉ tiêu '" + m.substr(0, 120) + "' không có trong báo cáo.", "metric");
}

// `day` moved by `months` calendar months, keeping its day of the month where the month has it
// (31/01 + 1 month = 28/02 or 29/02).
std::string add_months(const std::string& day, int months) {
  const int total = std::stoi(day.substr(0, 4)) * 12 + std::stoi(day.substr(5, 2)) - 1 + months;
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%04d-%02d-", total / 12, total % 12 + 1);
  for (int d = std::stoi(day.substr(8, 2)); d >= 28; --d) {
    const std::string candidate = prefix + std::string(d < 10 ? "0" : "") + std::to_string(d);
    if (timeutil::parse_date(candidate)) return candidate;
  }
  return prefix + day.substr(8, 2);
}

// Consecutive windows of `months` months from `from` (15th to 14th stays 15th to 14th).
std::vector<Period> windows(const Period& p, int months) {
  std::vector<Period> out;
  for (int k = 0; out.size() < 600; ++k) {
    const std::string a = add_months(p.from, k * months);
    if (a > p.to) break;
    out.push_back({a, std::min(timeutil::add_days(add_months(p.from, (k + 1) * months), -1), p.to)});
  }
  return out;
}

bj::object issued_json(const db::Row& r) {
  return bj::object{{"id", std::to_string(r.integer(0))},
                    {"number", r.text(1)},
                    {"unit", bj::object{{"code", r.text(2)}, {"name", r.text(3)}, {"full_name", r.text(4)}, {"kind", r.text(5)}}},
                    {"from", r.text(7)},
                    {"to", r.text(8)},
                    {"title", r.text(9)},
                    {"issued_on", r.text(10)},
                    {"issued_by", r.text(11)},
                    {"signer", r.text(12)},
                    {"figures", bj::parse(r.text(13))}};
}

std::string default_title(const Period& p) {
  auto vn = [](const std::string& d) { return timeutil::format_vn(*timeutil::parse_date(d)); };
  return "Kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc từ ngày " + vn(p.from) + " đến ngày " + vn(p.to);
}

}  // namespace

Area ReportsService::area(db::Connection& c, const http::Principal& who, const ReportQuery& q) {
  access::require(who, "reports.read");
  check_period(q.from, q.to);
  if (q.unit) {
    auto u = q.dataset ? units::repo::find_in_dataset(c, *q.unit, *q.dataset) : units::repo::find_active(c, *q.unit);
    if (!u || !access::in_scope(who, u->path)) throw NotFound("Không tìm thấy đơn vị '" + *q.unit + "'.", "unit");
    return Area{*u};
  }
  if (who.unit_path.empty()) return Area{};
  auto own = units::repo::find_active(c, who.unit_code);
  if (!own) throw NotFound("Không tìm thấy đơn vị của tài khoản.", "unit");
  return Area{*own};
}

Labels ReportsService::labels(db::Connection& c) {
  Labels l;
  for (const char* kind : {"forces", "activity_types", "group_kinds", "award_forms", "topics"})
    for (const auto& i : catalog::items(c, kind, true)) l[std::string(kind) + "/" + i.code] = i.label;
  for (const auto& r : c.query("SELECT code, label FROM tip_categories").rows) l["tip_categories/" + r.text(0)] = r.text(1);
  return l;
}

bj::object ReportsService::summary(const http::Principal& who, const ReportQuery& q) {
  rollups_.fold();  // what was written before this request is counted
  return db_.read_value([&](db::Connection& c) {
    const Area a = area(c, who, q);
    const Period p{q.from, q.to};
    bj::object s = reports::summary(c, rollups_, a, p);
    if (q.compare_previous_year) {
      bj::object prev = reports::summary(c, rollups_, a, previous_year(p));
      bj::object change = difference(s, prev);
      change.erase("from");
      change.erase("to");
      s["previous"] = std::move(prev);
      s["change"] = std::move(change);
    }
    return s;
  });
}

DocumentInfo ReportsService::document_info(const http::Principal&, const bj::object& report) {
  DocumentInfo d;
  const auto& f = report.at("figures").as_object();
  d.issuer = "Ban Chỉ đạo phong trào Toàn dân bảo vệ ANTQ";
  if (f.contains("unit") && f.at("unit").is_object()) {
    const auto& u = f.at("unit").as_object();
    d.parent = std::string(u.at("full_name").as_string());
    d.place = std::string(u.at("name").as_string());
  }
  d.number = report.contains("number") ? std::string(report.at("number").as_string()) : "";
  d.date = report.contains("issued_on") ? std::string(report.at("issued_on").as_string()) : timeutil::today_vietnam();
  d.title = report.contains("title") ? std::string(report.at("title").as_string())
                                     : default_title({std::string(f.at("from").as_string()), std::string(f.at("to").as_string())});
  d.signer = report.contains("signer") ? std::string(report.at("signer").as_string()) : "";
  return d;
}

std::string ReportsService::render(const http::Principal& who, const bj::object& figures, const std::string& format,
                                   const DocumentInfo* issued) {
  const Labels l = db_.read_value([&](db::Connection& c) { return labels(c); });
  if (format == "csv") return report_csv(figures, l);
  if (format == "xlsx") return report_xlsx(figures, l);
  if (issued) return report_html(figures, *issued, l);
  return report_html(figures, document_info(who, bj::object{{"figures", figures}}), l);
}

bj::object ReportsService::timeseries(const http::Principal& who, const ReportQuery& q, const std::string& metric,
                                      const std::string& interval) {
  check_metric(metric);
  const int months = interval == "month" ? 1 : interval == "quarter" ? 3 : interval == "year" ? 12 : 0;
  if (!months) throw BadRequest("Tham số 'interval' phải là month, quarter hoặc year.", "interval");
  rollups_.fold();
  return db_.read_value([&](db::Connection& c) {
    const Area a = area(c, who, q);
    bj::array points;
    for (const auto& w : windows({q.from, q.to}, months)) {
      FigureSource f(c, rollups_, a, w);
      points.push_back(bj::object{{"from", w.from}, {"to", w.to}, {"value", f.value(metric)}});
    }
    return bj::object{{"unit", a.unit ? bj::value(a.unit->code) : bj::value(nullptr)},
                      {"from", q.from}, {"to", q.to}, {"metric", metric}, {"interval", interval}, {"points", std::move(points)}};
  });
}

bj::object ReportsService::breakdown(const http::Principal& who, const ReportQuery& q, const std::string& metric, const std::string& by) {
  check_metric(metric);
  rollups_.fold();
  return db_.read_value([&](db::Connection& c) {
    const Area a = area(c, who, q);
    const Period p{q.from, q.to};
    bj::array items;
    if (by == "child") {
      for (const auto& child : units::repo::children(c, a.unit ? std::optional<std::int64_t>(a.unit->id) : std::nullopt)) {
        const Area sub{child};
        FigureSource f(c, rollups_, sub, p);
        items.push_back(bj::object{{"key", child.code},
                                   {"label", child.full_name},
                                   {"unit", bj::object{{"code", child.code}, {"name", child.name}, {"kind", child.kind},
                                                       {"has_children", child.has_children}}},
                                   {"value", f.value(metric)}});
      }
    } else {
      // The family of figures the metric splits into.
      std::string kind, pattern;  // pattern: "{}" is the code
      const auto parts = [&] {
        std::vector<std::string> v;
        std::size_t i = 0, j;
        while ((j = metric.find('.', i)) != std::string::npos) v.push_back(metric.substr(i, j - i)), i = j + 1;
        v.push_back(metric.substr(i));
        return v;
      }();
      if (by == "organizer" && parts[0] == "activities" && parts.size() == 3) {
        kind = "forces";
        pattern = "activities." + parts[1] + ".by_organizer.{}." + parts[2];
      } else if (by == "organizer" && parts[0] == "activities" && parts.size() == 2 && parts[1] != "quantity") {
        kind = "forces";
        pattern = "activity_organizers.{}." + parts[1];
      } else if (by == "topic" && parts[0] == "activities" && parts.size() == 2 && parts[1] != "quantity") {
        kind = "topics";
        pattern = "activity_topics.{}." + parts[1];
      } else if (by == "category" && metric == "tips.received") {
        kind = "tip_categories";
        pattern = "tips.by_category.{}.received";
      } else if (by == "organizer" || by == "topic" || by == "category") {
        throw BadRequest("Chỉ tiêu '" + metric + "' không chia được theo '" + by + "'.", "by");
      } else {
        throw BadRequest("Tham số 'by' phải là child, organizer, topic hoặc category.", "by");
      }
      FigureSource f(c, rollups_, a, p);
      std::vector<std::pair<std::string, std::string>> codes;
      if (kind == "tip_categories") {
        for (const auto& r : c.query("SELECT code, label FROM tip_categories ORDER BY sort_order, code").rows) codes.emplace_back(r.text(0), r.text(1));
      } else {
        for (const auto& i : catalog::items(c, kind, true)) codes.emplace_back(i.code, i.label);
      }
      for (const auto& [code, label] : codes) {
        std::string m = pattern;
        m.replace(m.find("{}"), 2, code);
        items.push_back(bj::object{{"key", code}, {"label", label}, {"value", f.value(m)}});
      }
    }
    return bj::object{{"unit", a.unit ? bj::value(a.unit->code) : bj::value(nullptr)},
                      {"from", q.from}, {"to", q.to}, {"metric", metric}, {"by", by}, {"items", std::move(items)}};
  });
}

bj::object ReportsService::issue(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, "reports.issue");
  const json::ObjectReader in(body);
  in.allow_only({"unit", "from", "to", "compare", "title", "signer", "number"});
  ReportQuery q;
  q.unit = in.optional_string("unit", 40);
  q.from = in.required_string("from", 10);
  q.to = in.required_string("to", 10);
  const auto compare = in.optional_string("compare", 20);
  if (compare && *compare != "previous_year") throw BadRequest("Trường 'compare' chỉ nhận 'previous_year'.", "compare");
  q.compare_previous_year = compare.has_value();
  const auto title = in.optional_string("title", 300);
  const std::string signer = in.optional_string("signer", 120).value_or("");
  const auto number = in.optional_string("number", 60);
  bj::object figures = summary(who, q);
  if (!figures.at("unit").is_object()) throw BadRequest("Hãy chọn đơn vị của báo cáo.", "unit");
  return db_.write_value([&](db::Connection& c) {
    const Area a = area(c, who, q);
    const std::string today = timeutil::today_vietnam();
    std::string no = number.value_or("");
    if (no.empty()) {
      const auto n = c.query("SELECT COUNT(*) FROM reports WHERE unit_id = $1 AND issued_on >= $2", a.unit->id, today.substr(0, 4) + "-01-01")
                         .rows[0]
                         .integer(0);
      no = std::to_string(n + 1) + "/BC-BCĐ";
    }
    const auto id = c.query("INSERT INTO reports (number, unit_id, period_from, period_to, title, issued_on, issued_by, signer, figures, "
                            "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                            no, a.unit->id, q.from, q.to, title.value_or(default_title({q.from, q.to})), today, who.username, signer,
                            bj::serialize(figures), timeutil::now_utc())
                        .rows[0]
                        .integer(0);
    audit_.record(c, {who.username, "report.issue", "report", std::to_string(id), a.unit->path, a.unit->code, "", request_id,
                      bj::serialize(bj::object{{"number", no}})});
    return issued_json(c.query(std::string(kIssuedColumns) + "WHERE r.id = $1", id).rows[0]);
  });
}

bj::object ReportsService::issued(const http::Principal& who, std::int64_t id) {
  access::require(who, "reports.read");
  return db_.read_value([&](db::Connection& c) {
    auto r = c.query(std::string(kIssuedColumns) + "WHERE r.id = $1", id);
    if (r.rows.empty() || !access::in_scope(who, r.rows[0].text(6))) throw NotFound("Không tìm thấy báo cáo.");
    return issued_json(r.rows[0]);
  });
}

bj::array ReportsService::list_issued(const http::Principal& who, const std::optional<std::string>& unit) {
  access::require(who, "reports.read");
  return db_.read_value([&](db::Connection& c) {
    const PathRange scope = units::area_range(c, who, unit);
    bj::array out;
    for (const auto& r : c.query(std::string(kIssuedColumns) + "WHERE u.path >= $1 AND u.path < $2 ORDER BY r.issued_on DESC, r.id DESC LIMIT 200",
                                 scope.lo, scope.hi)
                             .rows) {
      auto o = issued_json(r);
      o.erase("figures");
      out.push_back(std::move(o));
    }
    return out;
  });
}

}  // namespace antq::reports
