#include "modules/reports/figures.hpp"

#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/groups/groups_spec.hpp"
#include "modules/reports/metrics.hpp"
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
    own_end_ = rollups.prefix(c, node, p.to);
    own_before_ = rollups.prefix(c, node, before);
    return;
  }
  collect_events(c, EventFilter{scope_of(area), std::nullopt, p.to}, [&](const Event& e) {
    own_end_[e.metric] += e.value;
    if (e.day <= before) own_before_[e.metric] += e.value;
  });
}

FigureSource::FigureSource(db::Connection& c, const Area& area, const Period& p, const Figures& at_end, const Figures& before_start)
    : c_(c), area_(area), p_(p), end_(&at_end), before_(&before_start) {}

// Follows value() branch by branch: a metric it reads and this misses would read as zero in a time
// series (reports_timeseries_test compares every point with the summary of its window).
bool FigureSource::reads(const std::string& path, const std::string& name) {
  namespace m = metric;
  for (const auto measure : {m::measure::count, m::measure::participants, m::measure::quantity}) {
    if (path == m::activities_total(measure)) return reads(m::all_activities(measure), name);
  }
  if (path == m::kTipsOverdue) return false;  // from the tips themselves
  if (path == m::kModelsFields) return name.starts_with(m::kModelFieldPrefix);
  if (path == m::kModelsReplicatedUnits) return reads(m::kModelUnits, name);
  if (m::is_period(path)) return name == m::starts(path) || name == m::ends(path);
  return name == path;
}

std::int64_t FigureSource::value(const std::string& path) {
  namespace m = metric;
  // All activity types together ("activities.count" in a time series or a breakdown).
  for (const auto measure : {m::measure::count, m::measure::participants, m::measure::quantity}) {
    if (path == m::activities_total(measure)) return value(m::all_activities(measure));
  }
  if (path == m::kTipsOverdue) return overdue_tips(c_, area_, p_);
  if (path == m::kModelsFields) {
    std::int64_t n = 0;
    for (const auto& [k, v] : *end_) {
      if (!k.starts_with(m::kModelFieldPrefix) || !k.ends_with(m::kStartSuffix)) continue;
      if (value(k.substr(0, k.size() - m::kStartSuffix.size())) > 0) ++n;
    }
    return n;
  }
  if (path == m::kModelsReplicatedUnits) {
    return value(m::kModelUnits) - gaps_inside(c_, m::kModelUnits, scope_of(area_), p_.from, p_.to);
  }
  if (path == m::kProgressed || path == m::kReoffended) {
    // Distinct people: their events in the period minus the pairs of one person's events in it.
    return get(*end_, path) - get(*before_, path) - gaps_inside(c_, path, scope_of(area_), p_.from, p_.to);
  }
  if (m::is_period(path)) return get(*end_, m::starts(path)) - get(*before_, m::ends(path));
  return get(*end_, path) - get(*before_, path);
}

Summary compute_summary(db::Connection& c, Rollups& rollups, const Area& area, const Period& p) {
  namespace m = metric;
  namespace measure = metric::measure;
  FigureSource f(c, rollups, area, p);
  auto codes = [&](const char* kind) {
    std::vector<std::string> out;
    for (const auto& i : catalog::items(c, kind, true)) out.push_back(i.code);
    return out;
  };
  const auto forces = codes("forces");
  const auto topics = codes("topics");
  Summary s;
  if (area.unit) s.unit = SummaryUnit{area.unit->code, area.unit->name, area.unit->full_name, area.unit->kind};
  s.from = p.from;
  s.to = p.to;
  for (const auto& type : codes("activity_types")) {
    ActivityFigures a;
    for (const auto& t : topics) {
      a.by_topic.emplace_back(
          t, Counts{f.value(m::activity_by_topic(type, t, measure::count)), f.value(m::activity_by_topic(type, t, measure::participants)),
                    f.value(m::activity_by_topic(type, t, measure::quantity))});
    }
    for (const auto& o : forces) {
      a.by_organizer.emplace_back(o, Counts{f.value(m::activity_by_organizer(type, o, measure::count)),
                                            f.value(m::activity_by_organizer(type, o, measure::participants)),
                                            f.value(m::activity_by_organizer(type, o, measure::quantity))});
      a.by_audience.emplace_back(o, Counts{f.value(m::activity_by_audience(type, o, measure::count)),
                                           f.value(m::activity_by_audience(type, o, measure::participants)), 0});
    }
    a.total = {f.value(m::activity(type, measure::count)), f.value(m::activity(type, measure::participants)),
               f.value(m::activity(type, measure::quantity))};
    a.with_audience = {f.value(m::activity_with_audience(type, measure::count)),
                       f.value(m::activity_with_audience(type, measure::participants)), 0};
    s.activities.emplace_back(type, std::move(a));
  }
  s.opinions = {f.value(m::kOpinionsReceived), f.value(m::kOpinionsAnswered)};
  s.tips = {f.value(m::kTipsReceived),         f.value(m::kTipsValid),        f.value(m::kTipsCasesSolved),
            f.value(m::kTipsSuspectsArrested), f.value(m::kTipsWantedCaught), f.value(m::kTipsOverdue)};
  s.mediations = {f.value(m::kMediationsTotal), f.value(m::mediation_outcome("successful")), f.value(m::mediation_outcome("unsuccessful")),
                  f.value(m::mediation_outcome("pending"))};
  s.reintegration = {f.value(m::kReintegrationPeople), f.value(m::kReintegrationSessions), f.value(m::kProgressed),
                     f.value(m::kReoffended)};
  for (const auto& kind : codes("group_kinds")) {
    GroupFigures g;
    for (const auto& pf : platforms()) {
      g.by_platform.emplace_back(pf, Membership{f.value(m::group_by_platform(kind, pf, measure::count)),
                                                f.value(m::group_by_platform(kind, pf, measure::members))});
    }
    g.total = {f.value(m::group(kind, measure::count)), f.value(m::group(kind, measure::members))};
    s.groups.emplace_back(kind, std::move(g));
  }
  s.patrols = {f.value(m::kPatrolsCount), f.value(m::kPatrolsParticipants), f.value(m::kPatrolsIncidents)};
  s.models.count = f.value(m::kModelsCount);
  s.models.fields = f.value(m::kModelsFields);
  s.models.replicated_units = f.value(m::kModelsReplicatedUnits);
  s.models.model = f.value(m::model_kind("model"));
  s.models.thematic = f.value(m::model_kind("thematic"));
  for (const auto& field : codes("model_fields")) s.models.by_field.emplace_back(field, f.value(m::model_field(field)));
  s.hotspots = {f.value(m::kHotspotsDesignated), f.value(m::kHotspotsTransformed)};
  s.evaluations = {f.value(m::kEvaluationsEvaluated), f.value(m::kEvaluationsPassed)};
  s.programs_active = f.value(m::kProgramsActive);
  s.pledges = f.value(m::kPledgesCount);
  for (const auto& form : codes("award_forms")) {
    s.awards.emplace_back(form, AwardFigures{f.value(m::award(form, "collective")), f.value(m::award(form, "individual"))});
  }
  s.news = {f.value(m::kNewsPosts), f.value(m::kNewsWarnings), f.value(m::kNewsViews), f.value(m::kNewsRecipients)};
  return s;
}

bj::object summary(db::Connection& c, Rollups& rollups, const Area& area, const Period& p) {
  return to_json(compute_summary(c, rollups, area, p));
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
