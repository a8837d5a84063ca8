#pragma once
// Where every figure comes from (decision 0007: the reports read model): each record of the movement becomes events — a metric, a value,
// a unit and a Vietnam day. An event metric (an activity, a tip) counts on its day; a period metric
// (a group, a model, a program) has a start event "<metric>@s" and an end event "<metric>@e", so
// "active at any time in [from, to]" is Σ starts up to `to` minus Σ ends before `from`. The same
// events feed the rollup buckets, their rebuild and the live figures of small units, so the three
// cannot disagree.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/reports/metrics.hpp"

namespace antq::reports {

struct Event {
  std::int64_t unit_id = 0;
  std::string day;  // YYYY-MM-DD, Vietnam
  std::string metric;
  std::int64_t value = 0;
};

struct EventFilter {
  std::optional<PathRange> scope;      // units (subtree); none = the whole country
  std::optional<std::string> min_day;  // events on or after this day (needs max_day)
  std::optional<std::string> max_day;  // events on or before this day
};

using EventSink = std::function<void(const Event&)>;

// All events of every source that pass the filter.
void collect_events(db::Connection& c, const EventFilter& f, const EventSink& sink);

// The earliest and latest day any source has an event on (nullopt when there is no record).
std::optional<std::pair<std::string, std::string>> event_span(db::Connection& c);

// Metrics whose distinct count needs the gaps between one key's consecutive events (rollup_gaps):
// metric::kProgressed, metric::kReoffended (a person's steps), metric::kModelUnits (a unit's model
// coverage).

// Derived rows of one key, recomputed when the key is dirty. Each returns the days whose buckets
// the change touched (the derived events moved).
std::vector<std::pair<std::int64_t, std::string>> refresh_coverage(db::Connection& c, std::int64_t unit_id);
void refresh_person_gaps(db::Connection& c, std::int64_t person_id);

// Gaps (lo, hi) of `metric` inside [from, to] for units in scope: the pairs of one key's
// consecutive events that both fall in the period (subtracted from the event count to count keys).
std::int64_t gaps_inside(db::Connection& c, const std::string& metric, const std::optional<PathRange>& scope, const std::string& from,
                         const std::string& to);

}  // namespace antq::reports
