#include "modules/reports/reports_service.hpp"

#include <cstdio>
#include <functional>
#include <set>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/groups/groups_spec.hpp"
#include "modules/reports/metrics.hpp"
#include "modules/reports/report_tables.hpp"
#include "modules/reports/reports_service.sql.hpp"
#include "modules/units/area.hpp"
#include "modules/units/unit_lineage.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::reports {

namespace bj = boost::json;

namespace {

constexpr const char* kIssuedColumns =
    "SELECT r.id, r.number, u.code, u.name, u.full_name, u.kind, u.path, r.period_from, r.period_to, r.title, r.issued_on, "
    "r.issued_by, r.signer, r.figures, r.assessment, r.direction, r.heading FROM reports r JOIN units u ON u.id = r.unit_id ";
using namespace antq::sql::reports::reports_service;  // the statements: reports_service.sql

// The hand-written parts: room for a few pages, not a book.
constexpr std::size_t kHandTextMaxChars = 8000;

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
  const auto& sections = metric::sections();
  const bool known = std::any_of(sections.begin(), sections.end(), [&](std::string_view s) { return top == s; });
  const bool clean =
      m.size() <= 120 && dot != std::string::npos && m.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") == std::string::npos;
  if (!known || !clean) throw BadRequest("Chỉ tiêu '" + m.substr(0, 120) + "' không có trong báo cáo.", "metric");
}

// `day` moved by `months` calendar months, keeping its day of the month where the month has it
// (31/01 + 1 month = 28/02 or 29/02).
std::string add_months(const std::string& day, int months) {
  const int total = std::stoi(day.substr(0, 4)) * 12 + std::stoi(day.substr(5, 2)) - 1 + months;
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%04d-%02d-", total / 12, total % 12 + 1);
  for (int d = std::stoi(day.substr(8, 2)); d >= 28; --d) {
    std::string candidate = prefix + std::string(d < 10 ? "0" : "") + std::to_string(d);
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
                    {"assessment", r.text(14)},
                    {"direction", r.text(15)},
                    {"heading", heading_from_json(r.text(16)) ? bj::value(to_json(*heading_from_json(r.text(16)))) : bj::value(nullptr)},
                    {"figures", bj::parse(r.text(13))}};
}

// "Đánh giá chung" / "Phương hướng, nhiệm vụ" as typed: lines kept (one paragraph each), Windows
// line ends made plain, NFC, no control characters, at most kHandTextMaxChars.
std::string hand_text(const bj::object& body, const char* key, const char* name) {
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return {};
  if (!it->value().is_string()) throw BadRequest(std::string("Phần “") + name + "” phải là văn bản.", key);
  std::string raw(it->value().as_string()), s;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      s += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      s += raw[i];
    }
  }
  s = text::trim(text::nfc(s));
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      throw BadRequest(std::string("Phần “") + name + "” chứa ký tự điều khiển không hợp lệ.", key);
    }
  }
  if (const auto n = text::length(s); n > kHandTextMaxChars) {
    throw BadRequest(std::string("Phần “") + name + "” dài " + text::group_thousands(static_cast<std::int64_t>(n)) +
                         " ký tự, quá giới hạn " + text::group_thousands(kHandTextMaxChars) + " ký tự.",
                     key);
  }
  return s;
}

ReportDraft read_draft(const bj::object& body) {
  const json::ObjectReader in(body);
  in.allow_only({"unit", "from", "to", "compare", "title", "signer", "number", "assessment", "direction"});
  ReportDraft d;
  d.query.unit = in.optional_string("unit", 40);
  d.query.from = in.required_string("from", 10);
  d.query.to = in.required_string("to", 10);
  const auto compare = in.optional_string("compare", 20);
  if (compare && *compare != "previous_year") throw BadRequest("Trường 'compare' chỉ nhận 'previous_year'.", "compare");
  d.query.compare_previous_year = compare.has_value();
  d.title = in.optional_string("title", 300);
  if (d.title && d.title->empty()) d.title.reset();
  d.signer = in.optional_string("signer", 120).value_or("");
  d.number = in.optional_string("number", 60);
  if (d.number && d.number->empty()) d.number.reset();
  d.assessment = hand_text(body, "assessment", "Đánh giá chung");
  d.direction = hand_text(body, "direction", "Phương hướng, nhiệm vụ");
  return d;
}

std::string default_title(const Period& p) {
  auto vn = [](const std::string& d) { return timeutil::format_vn(*timeutil::parse_date(d)); };
  return "Kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc từ ngày " + vn(p.from) + " đến ngày " + vn(p.to);
}

}  // namespace

namespace {

// A line of the table of units below an area: an active child, or a unit of a split commune not yet
// assigned to a new one (the reform's queue). Those count in the province only, each on its own
// line "chưa phân về xã", never inside a commune's line: never lost, never counted twice.
struct ChildArea {
  Area area;
  bool unassigned = false;
  std::string label(const std::string& name) const { return unassigned ? name + " (chưa phân về xã)" : name; }
};

std::vector<ChildArea> child_areas(db::Connection& c, const Area& a) {
  const auto pending = a.unit ? units::pending_under(c, a.unit->id) : std::vector<units::Unit>{};
  std::set<std::int64_t> pending_ids;
  for (const auto& u : pending) pending_ids.insert(u.id);
  std::vector<ChildArea> out;
  for (auto& child : units::repo::children(c, a.unit ? std::optional<std::int64_t>(a.unit->id) : std::nullopt)) {
    if (!pending_ids.count(child.id)) out.push_back({Area{std::move(child)}, false});
  }
  for (const auto& u : pending) out.push_back({Area{u}, true});
  return out;
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
  for (const char* kind : {"forces", "activity_types", "group_kinds", "award_forms", "topics", "model_fields"})
    for (const auto& i : catalog::items(c, kind, true)) l[std::string(kind) + "/" + i.code] = i.label;
  for (const auto& field : groups::spec().fields) {
    if (field.name != "platform") continue;
    for (std::size_t i = 0; i < field.choices.size() && i < field.choice_labels.size(); ++i)
      l["platforms/" + field.choices[i]] = field.choice_labels[i];
  }
  for (const auto& i : catalog::items(c, "tip_categories", true)) l["tip_categories/" + i.code] = i.label;
  return l;
}

bj::object ReportsService::summary(const http::Principal& who, const ReportQuery& q) { return summary_in(report_db_, who, q); }

bj::object ReportsService::summary_in(db::Database& db, const http::Principal& who, const ReportQuery& q) {
  rollups_.fold();  // what was written before this request is counted (on a replica: once it has replayed the fold)
  return db.read_value([&](db::Connection& c) {
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

bj::object ReportsService::document_figures(const http::Principal& who, const ReportQuery& q) {
  bj::object s = summary_in(db_, who, q);
  db_.read([&](db::Connection& c) {
    const Area a = area(c, who, q);
    s["children"] = children_table(c, a, {q.from, q.to});
  });
  return s;
}

bj::object ReportsService::children_table(db::Connection& c, const Area& a, const Period& p) {
  auto values = [&](FigureSource& f) {
    bj::array v;
    for (const auto& m : child_metrics()) v.push_back(f.value(m.path));
    return v;
  };
  bj::array items;
  for (const auto& child : child_areas(c, a)) {
    FigureSource f(c, rollups_, child.area, p);
    const auto& u = *child.area.unit;
    items.push_back(bj::object{{"code", u.code},
                               {"name", child.label(u.name)},
                               {"full_name", child.label(u.full_name)},
                               {"kind", child.unassigned ? std::string("unassigned") : u.kind},
                               {"values", values(f)}});
  }
  FigureSource whole(c, rollups_, a, p);
  bj::array metrics;
  for (const auto& m : child_metrics()) metrics.push_back(bj::string(m.path));
  return bj::object{{"metrics", std::move(metrics)}, {"items", std::move(items)}, {"total", values(whole)}};
}

Heading ReportsService::heading_of(db::Connection& c, const bj::object& figures) {
  if (!figures.contains("unit") || !figures.at("unit").is_object()) return heading_for(std::nullopt, std::nullopt);
  const auto& u = figures.at("unit").as_object();
  const HeadingUnit unit{std::string(u.at("name").as_string()), std::string(u.at("full_name").as_string()),
                         std::string(u.at("kind").as_string())};
  std::optional<HeadingUnit> commune;
  if (unit.kind == "village" || unit.kind == "establishment") {
    // The administrative unit it belongs to (a village may sit under another village or group).
    auto at = units::repo::find_active(c, std::string(u.at("code").as_string()));
    for (int depth = 0; at && at->parent_id && depth < 8; ++depth) {
      at = units::repo::find_by_id(c, *at->parent_id);
      if (at && units::is_admin_kind(at->kind)) {
        commune = HeadingUnit{at->name, at->full_name, at->kind};
        break;
      }
    }
  }
  return heading_for(unit, commune);
}

DocumentInfo ReportsService::document_info(const http::Principal&, const bj::object& report) {
  DocumentInfo d;
  const auto& f = report.at("figures").as_object();
  auto text = [&](const char* k) {
    auto it = report.find(k);
    return it != report.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
  };
  std::optional<Heading> stored;
  if (report.contains("heading") && report.at("heading").is_object()) stored = heading_from_json(bj::serialize(report.at("heading")));
  d.heading = stored ? *stored : db_.read_value([&](db::Connection& c) { return heading_of(c, f); });
  d.number = text("number");
  d.date = text("issued_on");  // a draft has no date yet: "ngày … tháng … năm …"
  d.title = text("title");
  if (d.title.empty()) d.title = default_title({std::string(f.at("from").as_string()), std::string(f.at("to").as_string())});
  d.signer = text("signer");
  d.assessment = text("assessment");
  d.direction = text("direction");
  return d;
}

std::string ReportsService::render(const http::Principal& who, const bj::object& figures, const std::string& format,
                                   const DocumentInfo* issued) {
  const Labels l = db_.read_value([&](db::Connection& c) { return labels(c); });
  // Read once into types: the document reads fields, not keys (an issued report's stored JSON
  // included, whatever figures it was issued with).
  const ReportFigures typed = report_figures_from_json(figures);
  if (format == "csv") return report_csv(typed, l);
  if (format == "xlsx") return report_xlsx(typed, l);
  const DocumentInfo info = issued ? *issued : document_info(who, bj::object{{"figures", figures}});
  if (format == "docx") return converter_.convert(report_html(typed, info, l, HtmlTarget::word));
  return report_html(typed, info, l, HtmlTarget::print);
}

bj::object ReportsService::timeseries(const http::Principal& who, const ReportQuery& q, const std::string& figure,
                                      const std::string& interval) {
  check_metric(figure);
  const int months = interval == "month" ? 1 : interval == "quarter" ? 3 : interval == "year" ? 12 : 0;
  if (!months) throw BadRequest("Tham số 'interval' phải là month, quarter hoặc year.", "interval");
  rollups_.fold();
  return report_db_.read_value([&](db::Connection& c) {
    const Area a = area(c, who, q);
    const auto ws = windows({q.from, q.to}, months);
    bj::array points;
    if (const auto node = a.node(); node >= 0) {
      // The windows follow each other: the sums at each window's end, read once for all of them
      // (the day before the first window, then each window's last day).
      std::vector<std::string> ends{timeutil::add_days(q.from, -1)};
      for (const auto& w : ws) ends.push_back(w.to);
      // Only the metrics the figure reads ("activities.count" reads "activities_all.count"): 121 sums
      // of every metric of a family made most of a series' time.
      const auto sums = rollups_.prefixes(c, node, ends, [&](const std::string& name) { return FigureSource::reads(figure, name); });
      for (std::size_t i = 0; i < ws.size(); ++i) {
        FigureSource f(c, a, ws[i], sums[i + 1], sums[i]);
        points.push_back(bj::object{{"from", ws[i].from}, {"to", ws[i].to}, {"value", f.value(figure)}});
      }
    } else {
      for (const auto& w : ws) {
        FigureSource f(c, rollups_, a, w);
        points.push_back(bj::object{{"from", w.from}, {"to", w.to}, {"value", f.value(figure)}});
      }
    }
    return bj::object{{"unit", a.unit ? bj::value(a.unit->code) : bj::value(nullptr)},
                      {"from", q.from},
                      {"to", q.to},
                      {"metric", figure},
                      {"interval", interval},
                      {"points", std::move(points)}};
  });
}

bj::object ReportsService::breakdown(const http::Principal& who, const ReportQuery& q, const std::string& figure, const std::string& by) {
  check_metric(figure);
  rollups_.fold();
  return report_db_.read_value([&](db::Connection& c) {
    const Area a = area(c, who, q);
    const Period p{q.from, q.to};
    bj::array items;
    if (by == "child") {
      for (const auto& child : child_areas(c, a)) {
        FigureSource f(c, rollups_, child.area, p);
        const auto& u = *child.area.unit;
        items.push_back(bj::object{{"key", u.code},
                                   {"label", child.label(u.full_name)},
                                   {"unit", bj::object{{"code", u.code},
                                                       {"name", child.label(u.name)},
                                                       {"kind", child.unassigned ? std::string("unassigned") : u.kind},
                                                       {"has_children", u.has_children && !child.unassigned}}},
                                   {"value", f.value(figure)}});
      }
    } else {
      // The family of figures this one splits into: a catalogue kind and the figure of each code.
      std::string kind;
      std::function<std::string(const std::string&)> member;
      const auto parts = [&] {
        std::vector<std::string> v;
        std::size_t i = 0, j;
        while ((j = figure.find('.', i)) != std::string::npos) v.push_back(figure.substr(i, j - i)), i = j + 1;
        v.push_back(figure.substr(i));
        return v;
      }();
      if (by == "organizer" && parts[0] == "activities" && parts.size() == 3) {
        kind = "forces";
        member = [&](const std::string& code) { return metric::activity_by_organizer(parts[1], code, parts[2]); };
      } else if (by == "organizer" && parts[0] == "activities" && parts.size() == 2 && parts[1] != "quantity") {
        kind = "forces";
        member = [&](const std::string& code) { return metric::organizer_activities(code, parts[1]); };
      } else if (by == "topic" && parts[0] == "activities" && parts.size() == 2 && parts[1] != "quantity") {
        kind = "topics";
        member = [&](const std::string& code) { return metric::topic_activities(code, parts[1]); };
      } else if (by == "category" && figure == metric::kTipsReceived) {
        kind = "tip_categories";
        member = [](const std::string& code) { return metric::tips_by_category(code); };
      } else if (by == "organizer" || by == "topic" || by == "category") {
        throw BadRequest("Chỉ tiêu '" + figure + "' không chia được theo '" + by + "'.", "by");
      } else {
        throw BadRequest("Tham số 'by' phải là child, organizer, topic hoặc category.", "by");
      }
      FigureSource f(c, rollups_, a, p);
      std::vector<std::pair<std::string, std::string>> codes;
      for (const auto& i : catalog::items(c, kind, true)) codes.emplace_back(i.code, i.label);
      for (const auto& [code, label] : codes)
        items.push_back(bj::object{{"key", code}, {"label", label}, {"value", f.value(member(code))}});
    }
    return bj::object{{"unit", a.unit ? bj::value(a.unit->code) : bj::value(nullptr)},
                      {"from", q.from},
                      {"to", q.to},
                      {"metric", figure},
                      {"by", by},
                      {"items", std::move(items)}};
  });
}

bj::object ReportsService::issue(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, "reports.issue");
  const ReportDraft d = read_draft(body);
  bj::object figures = document_figures(who, d.query);
  if (!figures.at("unit").is_object()) throw BadRequest("Hãy chọn đơn vị của báo cáo.", "unit");
  return db_.write_value([&](db::Connection& c) {
    const Area a = area(c, who, d.query);
    const Heading heading = heading_of(c, figures);
    const std::string today = timeutil::today_vietnam();
    std::string no = d.number.value_or("");
    if (no.empty()) {
      const auto n = c.query(kCountIssuedThisYear, a.unit->id, today.substr(0, 4) + "-01-01").rows[0].integer(0);
      no = std::to_string(n + 1) + "/" + heading.symbol;
    }
    const auto id = c.query(kInsertIssued, no, a.unit->id, d.query.from, d.query.to,
                            d.title.value_or(default_title({d.query.from, d.query.to})), today, who.username, d.signer,
                            bj::serialize(figures), d.assessment, d.direction, bj::serialize(to_json(heading)), timeutil::now_utc())
                        .rows[0]
                        .integer(0);
    audit_.record(c, {who.username, "report.issue", "report", std::to_string(id), a.unit->path, a.unit->code, "", request_id,
                      bj::serialize(bj::object{{"number", no}})});
    return issued_json(c.query(std::string(kIssuedColumns) + "WHERE r.id = $1", id).rows[0]);
  });
}

std::string ReportsService::preview(const http::Principal& who, const bj::object& body, const std::string& format) {
  access::require(who, "reports.issue");  // a draft of what this caller may issue
  const ReportDraft d = read_draft(body);
  const bj::object figures = document_figures(who, d.query);
  bj::object draft{{"figures", figures}, {"signer", d.signer}, {"assessment", d.assessment}, {"direction", d.direction}};
  if (d.title) draft["title"] = *d.title;
  if (d.number) draft["number"] = *d.number;
  const DocumentInfo info = document_info(who, draft);
  return render(who, figures, format, &info);
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
    for (const auto& r :
         c.query(std::string(kIssuedColumns) + "WHERE u.path >= $1 AND u.path < $2 ORDER BY r.issued_on DESC, r.id DESC LIMIT 200",
                 scope.lo, scope.hi)
             .rows) {
      auto o = issued_json(r);
      o.erase("figures");
      o.erase("assessment");
      o.erase("direction");
      out.push_back(std::move(o));
    }
    return out;
  });
}

}  // namespace antq::reports
