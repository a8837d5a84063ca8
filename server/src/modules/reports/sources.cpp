#include "modules/reports/sources.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "core/time.hpp"
#include "db/each_row.hpp"

namespace antq::reports {

namespace {

using metric::measure::count;
using metric::measure::members;
using metric::measure::participants;
using metric::measure::quantity;

// A WHERE clause under construction with its $N parameters.
struct Where {
  std::string sql = "WHERE 1 = 1";
  std::vector<db::Value> params;
  std::string param(db::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  }
  void scope(const EventFilter& f) {
    if (!f.scope) return;
    sql += " AND u.path >= " + param(f.scope->lo) + " AND u.path < " + param(f.scope->hi);
  }
  // Day columns (YYYY-MM-DD): a superset of the rows with an event on `day` or up to `max_day`;
  // the exact filter is applied to the events themselves.
  void days(const EventFilter& f, const std::vector<std::string>& columns) {
    if (f.min_day) {
      std::string any;
      const std::string lo = param(*f.min_day), hi = param(*f.max_day);
      for (const auto& c : columns) any += (any.empty() ? "(" : " OR (") + c + " >= " + lo + " AND " + c + " <= " + hi + ")";
      sql += " AND (" + any + ")";
    } else if (f.max_day) {
      sql += " AND " + columns.front() + " <= " + param(*f.max_day);  // the first column is the start
    }
  }
  // A UTC timestamp column: the Vietnam day d spans UTC days d−1 and d.
  void instants(const EventFilter& f, const std::string& column) {
    if (f.min_day) sql += " AND " + column + " >= " + param(timeutil::add_days(*f.min_day, -1));
    if (f.max_day) sql += " AND " + column + " < " + param(timeutil::add_days(*f.max_day, 1));
  }
};

struct Emitter {
  const EventFilter& f;
  const EventSink& sink;
  void operator()(std::int64_t unit, const std::string& day, std::string metric, std::int64_t value) const {
    if (day.empty() || value == 0) return;
    if (f.min_day && day < *f.min_day) return;
    if (f.max_day && day > *f.max_day) return;
    sink(Event{unit, day, std::move(metric), value});
  }
  // A period [start, end]: "@s" on its first day, "@e" on its last (none while it runs).
  void period(std::int64_t unit, const std::string& start, const db::Row& r, std::size_t end_col, const std::string& name,
              std::int64_t value) const {
    (*this)(unit, start, metric::starts(name), value);
    if (!r.is_null(end_col)) (*this)(unit, std::max(start, r.text(end_col)), metric::ends(name), value);
  }
};

db::Result run(db::Connection& c, const std::string& select, Where& w) { return c.execute(select + " " + w.sql, w.params); }

void activities(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"a.date"});
  const std::string from = "FROM activities a JOIN units u ON u.id = a.unit_id";
  std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> codes;
  for (const auto& r : run(c, "SELECT k.record_id, k.field, k.code " + from + " JOIN activities_codes k ON k.record_id = a.id", w).rows) {
    codes[r.integer(0)].emplace_back(r.text(1), r.text(2));
  }
  for (const auto& r : run(c, "SELECT a.id, a.unit_id, a.type, a.date, a.participants, a.quantity " + from, w).rows) {
    const auto unit = r.integer(1);
    const std::string day = r.text(3), type = r.text(2);
    const std::int64_t p = r.integer(4), q = r.integer(5);
    emit(unit, day, metric::activity(type, count), 1);
    emit(unit, day, metric::activity(type, participants), p);
    emit(unit, day, metric::activity(type, quantity), q);
    emit(unit, day, metric::all_activities(count), 1);
    emit(unit, day, metric::all_activities(participants), p);
    emit(unit, day, metric::all_activities(quantity), q);
    bool has_audience = false;
    for (const auto& [field, code] : codes[r.integer(0)]) {
      if (field == "organizers") {
        emit(unit, day, metric::activity_by_organizer(type, code, count), 1);
        emit(unit, day, metric::activity_by_organizer(type, code, participants), p);
        emit(unit, day, metric::activity_by_organizer(type, code, quantity), q);
        emit(unit, day, metric::organizer_activities(code, count), 1);
        emit(unit, day, metric::organizer_activities(code, participants), p);
      } else if (field == "audience") {
        emit(unit, day, metric::activity_by_audience(type, code, count), 1);
        emit(unit, day, metric::activity_by_audience(type, code, participants), p);
        has_audience = true;
      } else if (field == "topics") {
        emit(unit, day, metric::topic_activities(code, count), 1);
        emit(unit, day, metric::topic_activities(code, participants), p);
        // The type's topics: a report says "tập huấn về phòng cháy, chữa cháy" only from these.
        emit(unit, day, metric::activity_by_topic(type, code, count), 1);
        emit(unit, day, metric::activity_by_topic(type, code, participants), p);
        emit(unit, day, metric::activity_by_topic(type, code, quantity), q);
      }
    }
    // Participants of the activities that name an audience, each counted once: when the
    // audiences' participants add up to this, no activity had two audiences and "cho 592 lượt hội
    // viên Hội Liên hiệp Phụ nữ" is exact; otherwise the report does not split the lượt by audience.
    if (has_audience) {
      emit(unit, day, metric::activity_with_audience(type, count), 1);
      emit(unit, day, metric::activity_with_audience(type, participants), p);
    }
  }
}

void opinions(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"o.received_on"});
  for (const auto& r : run(c, "SELECT o.unit_id, o.received_on, o.status FROM opinions o JOIN units u ON u.id = o.unit_id", w).rows) {
    emit(r.integer(0), r.text(1), metric::kOpinionsReceived, 1);
    if (r.text(2) == "answered") emit(r.integer(0), r.text(1), metric::kOpinionsAnswered, 1);
  }
}

void tips(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.instants(f, "t.received_at");
  // A tip merged into another as its duplicate is the same information: counted once, as the original.
  w.sql += " AND t.status <> 'duplicate'";
  // Row by row, none kept: anyone can send tips, so a day can hold tens of thousands, and the
  // rollup fold reads the whole day each time (decision 0011, "Soak").
  const std::string sql =
      "SELECT t.unit_id, t.received_at, t.category, t.outcome_valid, t.cases_solved, t.suspects_arrested, "
      "t.wanted_caught FROM tips t JOIN units u ON u.id = t.unit_id " +
      w.sql;
  db::each_row(c, sql, w.params, [&](const db::Row& r) {
    const auto unit = r.integer(0);
    const std::string day = timeutil::vietnam_day_of(r.text(1));
    emit(unit, day, metric::kTipsReceived, 1);
    emit(unit, day, metric::tips_by_category(r.text(2)), 1);
    if (!r.is_null(3) && r.integer(3) != 0) emit(unit, day, metric::kTipsValid, 1);
    emit(unit, day, metric::kTipsCasesSolved, r.integer(4));
    emit(unit, day, metric::kTipsSuspectsArrested, r.integer(5));
    emit(unit, day, metric::kTipsWantedCaught, r.integer(6));
  });
}

void mediations(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"m.received_on"});
  for (const auto& r : run(c, "SELECT m.unit_id, m.received_on, m.outcome FROM mediations m JOIN units u ON u.id = m.unit_id", w).rows) {
    emit(r.integer(0), r.text(1), metric::kMediationsTotal, 1);
    emit(r.integer(0), r.text(1), metric::mediation_outcome(r.text(2)), 1);
  }
}

void people(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"p.start_date", "p.status_since"});
  // Help ends when the person completes it or moves away; a relapse is still managed here.
  for (const auto& r : run(c,
                           "SELECT p.unit_id, p.start_date, CASE WHEN p.status IN ('completed', 'moved') THEN p.status_since END "
                           "FROM reintegration_people p JOIN units u ON u.id = p.unit_id",
                           w)
                           .rows) {
    emit.period(r.integer(0), r.text(1), r, 2, metric::kReintegrationPeople, 1);
  }
  Where s;
  s.scope(f);
  s.days(f, {"x.changed_on"});
  for (const auto& r : run(c,
                           "SELECT p.unit_id, x.changed_on, x.status FROM reintegration_status_changes x "
                           "JOIN reintegration_people p ON p.id = x.person_id JOIN units u ON u.id = p.unit_id",
                           s)
                           .rows) {
    const std::string st = r.text(2);
    if (st == "progressing" || st == "completed") emit(r.integer(0), r.text(1), metric::kProgressed, 1);
    if (st == "reoffended") emit(r.integer(0), r.text(1), metric::kReoffended, 1);
  }
  Where v;
  v.scope(f);
  v.days(f, {"x.date"});
  for (const auto& r : run(c,
                           "SELECT p.unit_id, x.date, x.kind FROM reintegration_sessions x "
                           "JOIN reintegration_people p ON p.id = x.person_id JOIN units u ON u.id = p.unit_id",
                           v)
                           .rows) {
    emit(r.integer(0), r.text(1), metric::kReintegrationSessions, 1);
    emit(r.integer(0), r.text(1), metric::reintegration_session_kind(r.text(2)), 1);
  }
}

void groups(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"g.started_on", "g.dissolved_on"});
  for (const auto& r : run(c,
                           "SELECT g.unit_id, g.kind, g.started_on, g.members_count, g.dissolved_on, g.platform FROM movement_groups g "
                           "JOIN units u ON u.id = g.unit_id",
                           w)
                           .rows) {
    const std::string kind = r.text(1);
    emit.period(r.integer(0), r.text(2), r, 4, metric::group(kind, count), 1);
    emit.period(r.integer(0), r.text(2), r, 4, metric::group(kind, members), r.integer(3));
    // Channel groups by platform ("1 nhóm Zalo với 214 thành viên").
    if (!r.is_null(5) && !r.text(5).empty()) {
      emit.period(r.integer(0), r.text(2), r, 4, metric::group_by_platform(kind, r.text(5), count), 1);
      emit.period(r.integer(0), r.text(2), r, 4, metric::group_by_platform(kind, r.text(5), members), r.integer(3));
    }
  }
}

void patrols(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.instants(f, "x.started_at");
  for (const auto& r :
       run(c, "SELECT x.unit_id, x.started_at, x.participants, x.incidents FROM patrols x JOIN units u ON u.id = x.unit_id", w).rows) {
    const std::string day = timeutil::vietnam_day_of(r.text(1));
    emit(r.integer(0), day, metric::kPatrolsCount, 1);
    emit(r.integer(0), day, metric::kPatrolsParticipants, r.integer(2));
    emit(r.integer(0), day, metric::kPatrolsIncidents, r.integer(3));
  }
}

void models(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"m.started_on", "m.ended_on"});
  for (const auto& r :
       run(c, "SELECT m.unit_id, m.kind, m.field, m.started_on, m.ended_on FROM models m JOIN units u ON u.id = m.unit_id", w).rows) {
    emit.period(r.integer(0), r.text(3), r, 4, metric::kModelsCount, 1);
    emit.period(r.integer(0), r.text(3), r, 4, metric::model_kind(r.text(1)), 1);
    emit.period(r.integer(0), r.text(3), r, 4, metric::model_field(r.text(2)), 1);
  }
  Where v;
  v.scope(f);
  v.days(f, {"x.lo", "x.hi"});
  for (const auto& r : run(c, "SELECT x.unit_id, x.lo, x.hi FROM rollup_coverage x JOIN units u ON u.id = x.unit_id", v).rows) {
    emit.period(r.integer(0), r.text(1), r, 2, metric::kModelUnits, 1);
  }
}

void hotspots(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"h.designated_on", "h.transformed_on"});
  for (const auto& r :
       run(c, "SELECT h.unit_id, h.designated_on, h.status, h.transformed_on FROM hotspots h JOIN units u ON u.id = h.unit_id", w).rows) {
    emit(r.integer(0), r.text(1), metric::kHotspotsDesignated, 1);
    if (r.text(2) == "transformed" && !r.is_null(3)) emit(r.integer(0), r.text(3), metric::kHotspotsTransformed, 1);
  }
}

void evaluations(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.instants(f, "e.decided_at");
  // Decisions against the circular's sets; the optional local sets ("6 không") are not recognitions.
  w.sql += " AND e.status = 'approved' AND s.optional = 0";
  for (const auto& r : run(c,
                           "SELECT e.unit_id, e.decided_at, e.result FROM evaluations e JOIN evaluation_criteria_sets s "
                           "ON s.id = e.criteria_set_id JOIN units u ON u.id = e.unit_id",
                           w)
                           .rows) {
    const std::string day = timeutil::vietnam_day_of(r.text(1));
    emit(r.integer(0), day, metric::kEvaluationsEvaluated, 1);
    if (r.text(2) == "passed") emit(r.integer(0), day, metric::kEvaluationsPassed, 1);
  }
}

void programs(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"COALESCE(p.period_from, p.signed_on)", "p.period_to"});
  for (const auto& r : run(c,
                           "SELECT p.unit_id, COALESCE(p.period_from, p.signed_on), p.period_to FROM programs p "
                           "JOIN units u ON u.id = p.unit_id",
                           w)
                           .rows) {
    emit.period(r.integer(0), r.text(1), r, 2, metric::kProgramsActive, 1);
  }
}

void pledges(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  // A pledge runs for its calendar year.
  if (f.min_day) w.sql += " AND p.year >= " + w.param(std::int64_t{std::stoi(f.min_day->substr(0, 4))});
  if (f.max_day) w.sql += " AND p.year <= " + w.param(std::int64_t{std::stoi(f.max_day->substr(0, 4))});
  for (const auto& r : run(c, "SELECT p.unit_id, p.year FROM pledges p JOIN units u ON u.id = p.unit_id", w).rows) {
    const std::string y = std::to_string(r.integer(1));
    emit(r.integer(0), y + "-01-01", metric::starts(metric::kPledgesCount), 1);
    emit(r.integer(0), y + "-12-31", metric::ends(metric::kPledgesCount), 1);
  }
}

void awards(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where w;
  w.scope(f);
  w.days(f, {"a.date"});
  for (const auto& r :
       run(c, "SELECT a.unit_id, a.date, a.form, a.recipient_kind FROM awards a JOIN units u ON u.id = a.unit_id", w).rows) {
    emit(r.integer(0), r.text(1), metric::award(r.text(2), r.text(3)), 1);
  }
}

// News (modules/news): a published post on its Vietnam day, views on theirs, messages sent on the
// day they went; all for the post's unit (its author's).
void news(db::Connection& c, const EventFilter& f, const Emitter& emit) {
  Where posts;
  posts.scope(f);
  posts.instants(f, "p.published_at");
  posts.sql += " AND p.status = 'published'";
  for (const auto& r : run(c, "SELECT p.unit_id, p.published_at, p.kind FROM news_posts p JOIN units u ON u.id = p.unit_id", posts).rows) {
    const std::string day = timeutil::vietnam_day_of(r.text(1));
    emit(r.integer(0), day, metric::kNewsPosts, 1);
    if (r.text(2) == "warning") emit(r.integer(0), day, metric::kNewsWarnings, 1);
  }
  Where views;
  views.scope(f);
  views.days(f, {"v.day"});
  for (const auto& r : c.execute("SELECT p.unit_id, v.day, COUNT(*) FROM news_views v JOIN news_posts p ON p.id = v.post_id "
                                 "JOIN units u ON u.id = p.unit_id " +
                                     views.sql + " GROUP BY p.unit_id, v.day",
                                 views.params)
                           .rows) {
    emit(r.integer(0), r.text(1), metric::kNewsViews, r.integer(2));
  }
  // Grouped by UTC hour, which lies in one Vietnam day: a broadcast is thousands of rows.
  Where sent;
  sent.scope(f);
  sent.instants(f, "d.done_at");
  sent.sql += " AND d.status = 'sent' AND d.message = 'post'";
  for (const auto& r : c.execute("SELECT p.unit_id, substr(d.done_at, 1, 13), SUM(d.reach) FROM news_deliveries d "
                                 "JOIN news_posts p ON p.id = d.post_id JOIN units u ON u.id = p.unit_id " +
                                     sent.sql + " GROUP BY p.unit_id, substr(d.done_at, 1, 13)",
                                 sent.params)
                           .rows) {
    emit(r.integer(0), timeutil::vietnam_day_of(r.text(1) + ":00:00Z"), metric::kNewsRecipients, r.integer(2));
  }
}

}  // namespace

void collect_events(db::Connection& c, const EventFilter& f, const EventSink& sink) {
  const Emitter emit{f, sink};
  activities(c, f, emit);
  opinions(c, f, emit);
  tips(c, f, emit);
  mediations(c, f, emit);
  people(c, f, emit);
  groups(c, f, emit);
  patrols(c, f, emit);
  models(c, f, emit);
  hotspots(c, f, emit);
  evaluations(c, f, emit);
  programs(c, f, emit);
  pledges(c, f, emit);
  awards(c, f, emit);
  news(c, f, emit);
}

std::optional<std::pair<std::string, std::string>> event_span(db::Connection& c) {
  static const char* const kColumns[][2] = {{"activities", "date"},
                                            {"opinions", "received_on"},
                                            {"mediations", "received_on"},
                                            {"reintegration_people", "start_date"},
                                            {"reintegration_people", "status_since"},
                                            {"reintegration_status_changes", "changed_on"},
                                            {"reintegration_sessions", "date"},
                                            {"movement_groups", "started_on"},
                                            {"movement_groups", "dissolved_on"},
                                            {"models", "started_on"},
                                            {"models", "ended_on"},
                                            {"rollup_coverage", "lo"},
                                            {"rollup_coverage", "hi"},
                                            {"hotspots", "designated_on"},
                                            {"hotspots", "transformed_on"},
                                            {"programs", "signed_on"},
                                            {"programs", "period_from"},
                                            {"programs", "period_to"},
                                            {"awards", "date"},
                                            {"tips", "received_at"},
                                            {"patrols", "started_at"},
                                            {"evaluations", "decided_at"},
                                            {"news_posts", "published_at"},
                                            {"news_views", "day"},
                                            {"news_deliveries", "done_at"}};
  std::string lo, hi;
  for (const auto& [table, column] : kColumns) {
    auto r = c.query(std::string("SELECT MIN(substr(") + column + ", 1, 10)), MAX(substr(" + column + ", 1, 10)) FROM " + table);
    if (r.rows.empty() || r.rows[0].is_null(0)) continue;
    if (lo.empty() || r.rows[0].text(0) < lo) lo = r.rows[0].text(0);
    if (hi.empty() || r.rows[0].text(1) > hi) hi = r.rows[0].text(1);
  }
  auto y = c.query("SELECT MIN(year), MAX(year) FROM pledges");
  if (!y.rows.empty() && !y.rows[0].is_null(0)) {
    const std::string a = std::to_string(y.rows[0].integer(0)) + "-01-01", b = std::to_string(y.rows[0].integer(1)) + "-12-31";
    if (lo.empty() || a < lo) lo = a;
    if (hi.empty() || b > hi) hi = b;
  }
  if (lo.empty()) return std::nullopt;
  return std::make_pair(lo, timeutil::add_days(hi, 1));  // instants: the Vietnam day may be the next one
}

std::vector<std::pair<std::int64_t, std::string>> refresh_coverage(db::Connection& c, std::int64_t unit_id) {
  std::vector<std::pair<std::int64_t, std::string>> touched;
  for (const auto& r : c.query("SELECT lo, hi FROM rollup_coverage WHERE unit_id = $1", unit_id).rows) {
    touched.emplace_back(unit_id, r.text(0));
    if (!r.is_null(1)) touched.emplace_back(unit_id, r.text(1));
  }
  c.query("DELETE FROM rollup_coverage WHERE unit_id = $1", unit_id);
  c.query("DELETE FROM rollup_gaps WHERE metric = $1 AND key = $2", std::string(metric::kModelUnits), unit_id);
  // Every period a model runs here: models started here and models replicated here.
  std::vector<std::pair<std::string, std::optional<std::string>>> runs;
  for (const auto& r : c.query("SELECT started_on, ended_on FROM models WHERE unit_id = $1 UNION ALL "
                               "SELECT started_on, ended_on FROM model_replications WHERE unit_id = $1",
                               unit_id)
                           .rows) {
    runs.emplace_back(r.text(0), r.is_null(1) ? std::nullopt : std::optional<std::string>(std::max(r.text(0), r.text(1))));
  }
  std::sort(runs.begin(), runs.end());
  // Merged: overlapping periods become one; what separates two merged periods is a gap.
  std::vector<std::pair<std::string, std::optional<std::string>>> merged;
  for (const auto& run : runs) {
    if (!merged.empty() && (!merged.back().second || run.first <= *merged.back().second)) {
      auto& last = merged.back().second;
      if (last && (!run.second || *run.second > *last)) last = run.second;
      continue;
    }
    merged.push_back(run);
  }
  for (std::size_t i = 0; i < merged.size(); ++i) {
    const auto& [lo, hi] = merged[i];
    c.query("INSERT INTO rollup_coverage (unit_id, lo, hi) VALUES ($1, $2, $3)", unit_id, lo, hi ? db::Value(*hi) : db::Value(nullptr));
    touched.emplace_back(unit_id, lo);
    if (hi) touched.emplace_back(unit_id, *hi);
    if (i > 0) {
      c.query("INSERT INTO rollup_gaps (metric, key, unit_id, lo, hi) VALUES ($1, $2, $2, $3, $4)", std::string(metric::kModelUnits),
              unit_id, *merged[i - 1].second, lo);
    }
  }
  return touched;
}

void refresh_person_gaps(db::Connection& c, std::int64_t person_id) {
  c.query("DELETE FROM rollup_gaps WHERE metric IN ($1, $2) AND key = $3", std::string(metric::kProgressed),
          std::string(metric::kReoffended), person_id);
  auto unit = c.query("SELECT unit_id FROM reintegration_people WHERE id = $1", person_id);
  if (unit.rows.empty()) return;
  const auto unit_id = unit.rows[0].integer(0);
  std::optional<std::string> last_progress, last_relapse;
  for (const auto& r :
       c.query("SELECT changed_on, status FROM reintegration_status_changes WHERE person_id = $1 ORDER BY changed_on, id", person_id)
           .rows) {
    const std::string day = r.text(0), st = r.text(1);
    std::optional<std::string>* last = (st == "progressing" || st == "completed") ? &last_progress
                                       : st == "reoffended"                       ? &last_relapse
                                                                                  : nullptr;
    if (!last) continue;
    if (*last) {
      c.query("INSERT INTO rollup_gaps (metric, key, unit_id, lo, hi) VALUES ($1, $2, $3, $4, $5)",
              std::string(last == &last_progress ? metric::kProgressed : metric::kReoffended), person_id, unit_id, **last, day);
    }
    *last = day;
  }
}

std::int64_t gaps_inside(db::Connection& c, const std::string& metric, const std::optional<PathRange>& scope, const std::string& from,
                         const std::string& to) {
  std::string sql = "SELECT COUNT(*) FROM rollup_gaps g JOIN units u ON u.id = g.unit_id WHERE g.metric = $1 AND g.lo >= $2 AND g.hi <= $3";
  std::vector<db::Value> p{metric, from, to};
  if (scope) {
    sql += " AND u.path >= $4 AND u.path < $5";
    p.emplace_back(scope->lo);
    p.emplace_back(scope->hi);
  }
  return c.execute(sql, p).rows[0].integer(0);
}

}  // namespace antq::reports
