#include "modules/reports/figures.hpp"

#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/groups/groups_spec.hpp"
#include "modules/reports/sources.hpp"

namespace antq::reports {

namespace bj = boost::json;

std::int64_t Area::node() const {
  if (!unit) return 0;
  if (unit->kind == "province" || unit->kind == "district") return unit->id;
  return -1;
}

namespace {

std::optional<PathRange> scope_of(const Area& a) {
  if (!a.unit) return std::nullopt;
  return subtree_range(a.unit->path);
}

// Figures that count what is active at any time in the period (Σ starts to `to` − Σ ends before `from`).
bool is_period_metric(const std::string& path) {
  return path.starts_with("groups.") || path == "models.count" || path.starts_with("models.by_kind.") ||
         path.starts_with("models.field.") || path == "programs.active" || path == "pledges.count" || path == "reintegration.people" ||
         path == kModelUnits;
}

// Open tips past their deadline today, among those received in the period.
std::int64_t overdue_tips(db::Connection& c, const Area& area, const Period& p) {
  std::string sql =
      "SELECT t.received_at FROM tips t JOIN units u ON u.id = t.unit_id WHERE t.status IN ('received', 'verifying', 'assigned') "
      "AND t.settle_due_at < $1 AND t.received_at >= $2 AND t.received_at < $3";
  std::vector<db::Value> params{timeutil::now_utc(), timeutil::add_days(p.from, -1), timeutil::add_days(p.to, 1)};
  if (auto s = scope_of(area)) {
    sql += " AND u.path >= $4 AND u.path < $5";
    params.emplace_back(s->lo);
    params.emplace_back(s->hi);
  }
  std::int64_t n = 0;
  for (const auto& r : c.execute(sql, params).rows) {
    const auto day = timeutil::vietnam_day_of(r.text(0));
    if (day >= p.from && day <= p.to) ++n;
  }
  return n;
}

// The platforms a channel group can be on, as the groups register defines them.
const std::vector<std::string>& platforms() {
  static const std::vector<std::string> list = [] {
    for (const auto& field : groups::spec().fields)
      if (field.name == "platform") return field.choices;
    return std::vector<std::string>{};
  }();
  return list;
}

std::int64_t get(const Figures& f, const std::string& k) {
  auto it = f.find(k);
  return it == f.end() ? 0 : it->second;
}

}  // namespace

FigureSource::FigureSource(db::Connection& c, Rollups& rollups, const Area& area, const Period& p) : c_(c), area_(area), p_(p) {
  const std::string before = timeutil::add_days(p.from, -1);
  if (const auto node = area.node(); node >= 0) {
    end_ = rollups.prefix(c, node, p.to);
    before_ = rollups.prefix(c, node, before);
    return;
  }
  collect_events(c, EventFilter{scope_of(area), std::nullopt, p.to}, [&](const Event& e) {
    end_[e.metric] += e.value;
    if (e.day <= before) before_[e.metric] += e.value;
  });
}

std::int64_t FigureSource::value(const std::string& path) {
  // All activity types together ("activities.count" in a time series or a breakdown).
  if (path == "activities.count" || path == "activities.participants" || path == "activities.quantity") {
    return value("activities_all." + path.substr(11));
  }
  if (path == "tips.overdue") return overdue_tips(c_, area_, p_);
  if (path == "models.fields") {
    std::int64_t n = 0;
    for (const auto& [k, v] : end_) {
      if (!k.starts_with("models.field.") || !k.ends_with("@s")) continue;
      if (value(k.substr(0, k.size() - 2)) > 0) ++n;
    }
    return n;
  }
  if (path == "models.replicated_units") {
    return value(kModelUnits) - gaps_inside(c_, kModelUnits, scope_of(area_), p_.from, p_.to);
  }
  if (path == kProgressed || path == kReoffended) {
    // Distinct people: their events in the period minus the pairs of one person's events in it.
    return get(end_, path) - get(before_, path) - gaps_inside(c_, path, scope_of(area_), p_.from, p_.to);
  }
  if (is_period_metric(path)) return get(end_, path + "@s") - get(before_, path + "@e");
  return get(end_, path) - get(before_, path);
}

bj::object summary(db::Connection& c, Rollups& rollups, const Area& area, const Period& p) {
  FigureSource f(c, rollups, area, p);
  auto codes = [&](const char* kind) {
    std::vector<std::string> out;
    for (const auto& i : catalog::items(c, kind, true)) out.push_back(i.code);
    return out;
  };
  const auto forces = codes("forces");
  const auto topics = codes("topics");
  bj::object activities;
  for (const auto& type : codes("activity_types")) {
    const std::string a = "activities." + type;
    bj::object by_org, by_aud, by_topic;
    for (const auto& t : topics) {
      const std::string m = a + ".by_topic." + t;
      by_topic[t] = bj::object{{"count", f.value(m + ".count")}, {"participants", f.value(m + ".participants")},
                               {"quantity", f.value(m + ".quantity")}};
    }
    for (const auto& o : forces) {
      const std::string m = a + ".by_organizer." + o;
      by_org[o] = bj::object{{"count", f.value(m + ".count")}, {"participants", f.value(m + ".participants")},
                             {"quantity", f.value(m + ".quantity")}};
      const std::string n = a + ".by_audience." + o;
      by_aud[o] = bj::object{{"count", f.value(n + ".count")}, {"participants", f.value(n + ".participants")}};
    }
    activities[type] = bj::object{{"count", f.value(a + ".count")},
                                  {"participants", f.value(a + ".participants")},
                                  {"quantity", f.value(a + ".quantity")},
                                  {"by_organizer", std::move(by_org)},
                                  {"by_audience", std::move(by_aud)},
                                  {"by_topic", std::move(by_topic)},
                                  {"with_audience", bj::object{{"count", f.value(a + ".with_audience.count")},
                                                               {"participants", f.value(a + ".with_audience.participants")}}}};
  }
  bj::object groups;
  for (const auto& kind : codes("group_kinds")) {
    const std::string g = "groups." + kind;
    bj::object by_platform;
    for (const auto& p : platforms()) {
      by_platform[p] = bj::object{{"count", f.value(g + ".by_platform." + p + ".count")},
                                  {"members", f.value(g + ".by_platform." + p + ".members")}};
    }
    groups[kind] = bj::object{{"count", f.value(g + ".count")}, {"members", f.value(g + ".members")}, {"by_platform", std::move(by_platform)}};
  }
  bj::object by_field;
  for (const auto& field : codes("model_fields")) by_field[field] = f.value("models.field." + field);
  bj::object awards;
  for (const auto& form : codes("award_forms")) {
    awards[form] = bj::object{{"collective", f.value("awards." + form + ".collective")},
                              {"individual", f.value("awards." + form + ".individual")}};
  }
  bj::value unit_json = nullptr;
  if (area.unit) {
    unit_json = bj::object{{"code", area.unit->code}, {"name", area.unit->name}, {"full_name", area.unit->full_name},
                           {"kind", area.unit->kind}};
  }
  return bj::object{
      {"unit", unit_json},
      {"from", p.from},
      {"to", p.to},
      {"activities", std::move(activities)},
      {"opinions", bj::object{{"received", f.value("opinions.received")}, {"answered", f.value("opinions.answered")}}},
      {"tips", bj::object{{"received", f.value("tips.received")},
                          {"valid", f.value("tips.valid")},
                          {"cases_solved", f.value("tips.cases_solved")},
                          {"suspects_arrested", f.value("tips.suspects_arrested")},
                          {"wanted_caught", f.value("tips.wanted_caught")},
                          {"overdue", f.value("tips.overdue")}}},
      {"mediations", bj::object{{"total", f.value("mediations.total")},
                                {"successful", f.value("mediations.successful")},
                                {"unsuccessful", f.value("mediations.unsuccessful")},
                                {"pending", f.value("mediations.pending")}}},
      {"reintegration", bj::object{{"people", f.value("reintegration.people")},
                                   {"sessions", f.value("reintegration.sessions")},
                                   {"progressed", f.value(kProgressed)},
                                   {"reoffended", f.value(kReoffended)}}},
      {"groups", std::move(groups)},
      {"patrols", bj::object{{"count", f.value("patrols.count")},
                             {"participants", f.value("patrols.participants")},
                             {"incidents", f.value("patrols.incidents")}}},
      {"models", bj::object{{"count", f.value("models.count")},
                            {"fields", f.value("models.fields")},
                            {"replicated_units", f.value("models.replicated_units")},
                            {"by_kind", bj::object{{"model", f.value("models.by_kind.model")}, {"thematic", f.value("models.by_kind.thematic")}}},
                            {"by_field", std::move(by_field)}}},
      {"hotspots", bj::object{{"designated", f.value("hotspots.designated")}, {"transformed", f.value("hotspots.transformed")}}},
      {"evaluations", bj::object{{"evaluated", f.value("evaluations.evaluated")}, {"passed", f.value("evaluations.passed")}}},
      {"programs", bj::object{{"active", f.value("programs.active")}}},
      {"pledges", bj::object{{"count", f.value("pledges.count")}}},
      {"awards", std::move(awards)},
  };
}

Period previous_year(const Period& p) {
  auto back = [](const std::string& d) {
    std::string y = std::to_string(std::stoi(d.substr(0, 4)) - 1) + d.substr(4);
    if (y.substr(5) == "02-29") y = y.substr(0, 5) + "02-28";
    return y;
  };
  return {back(p.from), back(p.to)};
}

bj::object difference(const bj::object& a, const bj::object& b) {
  bj::object out;
  for (const auto& kv : a) {
    auto it = b.find(kv.key());
    if (kv.value().is_int64() && it != b.end() && it->value().is_int64()) {
      out[kv.key()] = kv.value().as_int64() - it->value().as_int64();
    } else if (kv.value().is_object() && it != b.end() && it->value().is_object() && kv.key() != "unit") {
      out[kv.key()] = difference(kv.value().as_object(), it->value().as_object());
    }
  }
  return out;
}

}  // namespace antq::reports
