// Sums at the ends of consecutive windows (a time series of the reports dashboard), read from
// the rollup's buckets: Rollups::prefixes (rollups.hpp).
#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/time.hpp"
#include "modules/reports/bucket_data.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/reports/rollups.sql.hpp"

namespace antq::reports {

using namespace antq::sql::reports::rollups;  // the statements: rollups.sql

namespace {

std::string last_day_of_month(const std::string& day) {
  const int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2));
  char first_of_next[32];
  std::snprintf(first_of_next, sizeof first_of_next, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
  return timeutil::add_days(first_of_next, -1);
}

// How the sum up to one end is made from a month's edge: the sum up to `edge` (the last day of a
// month) and, when `add`, the days from its month's start up to the end, else less the days after
// it up to the month's end.
struct EndPlan {
  std::string edge;
  bool add = true;
  std::string days_lo, days_hi;  // the days added or taken away (none when lo > hi)
};

// `running`: the node keeps running sums; the days from the month's first to the end are then
// one bucket, the running sum at the end.
EndPlan plan_end(const std::string& end, bool running) {
  const std::string first_day = end.substr(0, 8) + "01";
  const std::string last = last_day_of_month(end);
  const int day = std::stoi(end.substr(8, 2)), days_after = std::stoi(last.substr(8, 2)) - day;
  // From the nearer edge: at most ~16 day buckets a window instead of the ~30 between two ends
  // on the 14th.
  if (!running && days_after < day) return {last, false, timeutil::add_days(end, 1), last};
  return {timeutil::add_days(first_day, -1), true, first_day, end};
}

// Month buckets in order, found by month.
struct Months {
  std::vector<std::pair<std::string, std::string>> rows;  // (month, data)
  // The data of the buckets with lo <= month <= hi.
  template <class F>
  void each(const std::string& lo, const std::string& hi, F f) const {
    auto it = std::lower_bound(rows.begin(), rows.end(), lo, [](const auto& r, const std::string& b) { return r.first < b; });
    for (; it != rows.end() && it->first <= hi; ++it) f(it->second);
  }
};

}  // namespace

std::vector<Figures> Rollups::prefixes(db::Connection& c, std::int64_t node, const std::vector<std::string>& ends,
                                       const std::function<bool(const std::string&)>& wanted) {
  std::vector<Figures> out;
  if (ends.empty()) return out;
  out.reserve(ends.size());
  // Sums by metric id in a flat array: a series of day windows adds thousands of buckets of
  // thousands of entries each, which a map by id (or by name) made the bulk of its time.
  std::vector<std::int64_t> sum;
  const auto add = [&](const std::string& data, std::int64_t sign = 1) {
    for_each_entry(data, [&](int k, std::int64_t x) {
      if (static_cast<std::size_t>(k) >= sum.size()) sum.resize(static_cast<std::size_t>(k) + 1, 0);
      sum[static_cast<std::size_t>(k)] += sign * x;
    });
  };
  // The wanted names, by id, looked up once.
  std::vector<std::optional<std::string>> names;
  std::vector<bool> known;
  const auto figures = [&] {
    Figures f;
    if (names.size() < sum.size()) names.resize(sum.size()), known.resize(sum.size(), false);
    for (std::size_t k = 0; k < sum.size(); ++k) {
      if (sum[k] == 0) continue;
      if (!known[k]) {
        const std::string& name = metric_name(c, static_cast<int>(k));
        if (!wanted || wanted(name)) names[k] = name;
        known[k] = true;
      }
      if (names[k]) f.emplace(*names[k], sum[k]);
    }
    return f;
  };

  // Each end's sum is the sum up to a month's edge, carried from end to end by adding the month
  // buckets between two edges, and the days between the edge and the end: one running sum where
  // the node keeps them, else its day buckets. The months are one statement; the days of every end
  // are sent together (Connection::execute_each): on PostgreSQL the round trips of two statements
  // an end were most of a series' time. A range per end keeps to the index's order; one range over
  // the whole period filtered by day read twice the buckets.
  const bool running = keeps_running(c, node);
  std::vector<EndPlan> plans;
  plans.reserve(ends.size());
  for (const auto& end : ends) plans.push_back(plan_end(end, running));
  Months months;
  if (plans.back().edge.substr(0, 7) > plans.front().edge.substr(0, 7)) {
    const std::string first = timeutil::add_days(plans.front().edge, 1).substr(0, 7);
    for (const auto& r : c.query(kMonthsBetween, node, first, plans.back().edge.substr(0, 7)).rows) {
      months.rows.emplace_back(r.text(0), r.text(1));
    }
  }
  std::vector<std::vector<db::Value>> day_ranges;
  day_ranges.reserve(plans.size());
  for (const auto& p : plans) day_ranges.push_back({node, p.days_lo, p.days_hi});  // none when lo > hi
  const auto days = c.execute_each(running ? kRunningAt : kDaysBetween, day_ranges);

  std::vector<std::int64_t> edge;  // Σ of the days up to `covered`, a month's last day
  std::string covered;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const EndPlan& p = plans[i];
    if (covered.empty()) {
      const std::string y = p.edge.substr(0, 4), m = p.edge.substr(0, 7);
      for (const auto& r : c.query(running ? kPrefixRunning : kPrefix, node, y, y + "-01", m, m + "-01", p.edge).rows) add(r.text(0));
    } else {
      sum = edge;
      if (p.edge > covered)
        months.each(timeutil::add_days(covered, 1).substr(0, 7), p.edge.substr(0, 7), [&](const std::string& d) { add(d); });
    }
    edge = sum;
    covered = std::max(covered, p.edge);
    for (const auto& r : days[i].rows) add(r.text(0), p.add ? 1 : -1);
    out.push_back(figures());
  }
  return out;
}

}  // namespace antq::reports
