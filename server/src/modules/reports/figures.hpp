#pragma once
// The review figures of an area and a period (GET /api/v1/reports/summary), computed from prefix
// sums of the events (sources.hpp): a unit with buckets (the country, a province, a district) adds
// a few dozen of them; a commune or a village adds its own records, which are few.
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "db/database.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/reports/summary.hpp"
#include "modules/units/unit.hpp"

namespace antq::reports {

// The area of a report: a unit (its subtree, merged units included) or the whole country.
struct Area {
  std::optional<units::Unit> unit;  // none: the whole country
  std::int64_t node() const;        // its rollup node, or -1 when it is computed from its records
};

struct Period {
  std::string from, to;  // YYYY-MM-DD, inclusive
};

class FigureSource {
 public:
  FigureSource(db::Connection& c, Rollups& rollups, const Area& area, const Period& p);
  // From the sums already known up to `p.to` and up to the day before `p.from` (a time series
  // reads them for all its windows at once: Rollups::prefixes). Kept by reference: they must
  // outlive the source.
  FigureSource(db::Connection& c, const Area& area, const Period& p, const Figures& at_end, const Figures& before_start);
  FigureSource(const FigureSource&) = delete;
  FigureSource& operator=(const FigureSource&) = delete;
  // A figure by its path in the summary ("tips.received", "groups.self_managed.members",
  // "activities.training.by_audience.women_union.participants", "models.fields"…).
  std::int64_t value(const std::string& path);
  // Whether value(path) reads the rollup metric `name`: a time series keeps only those of each
  // window's sums (a family such as "activities" has hundreds of metrics; a figure reads one or two).
  static bool reads(const std::string& path, const std::string& name);
  // Σ up to `to` and up to the day before `from` (raw metric names).
  const Figures& at_end() const { return *end_; }

 private:
  db::Connection& c_;
  const Area& area_;
  Period p_;
  Figures own_end_, own_before_;  // the first constructor's sums
  const Figures* end_ = &own_end_;
  const Figures* before_ = &own_before_;
};

// The whole summary: every figure of docs/api/reports.md, zero when nothing happened.
Summary compute_summary(db::Connection& c, Rollups& rollups, const Area& area, const Period& p);
// The same as JSON (to_json of compute_summary).
boost::json::object summary(db::Connection& c, Rollups& rollups, const Area& area, const Period& p);

// The same period a year earlier (29/02 becomes 28/02).
Period previous_year(const Period& p);

// Leaf-by-leaf difference a − b of two summaries (the "so với cùng kỳ" column).
boost::json::object difference(const boost::json::object& a, const boost::json::object& b);

}  // namespace antq::reports
