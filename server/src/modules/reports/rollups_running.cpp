// The running sums of the country and the provinces (grain 'c'): each day's sum of its month up to
// that day, kept by the folder (rollups.hpp; why: docs/decisions/0007-reports-read-model.md).
#include <string>

#include "core/time.hpp"
#include "modules/reports/bucket_data.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/reports/rollups.sql.hpp"

namespace antq::reports {

using namespace antq::sql::reports::rollups;  // the statements: rollups.sql

bool Rollups::keeps_running(db::Connection& c, std::int64_t node) {
  if (node == 0) return true;
  {
    std::lock_guard lk(names_mutex_);
    if (auto it = running_.find(node); it != running_.end()) return it->second;
  }
  // A unit's kind does not change (a reform makes new units): read once per node.
  const auto r = c.query("SELECT kind FROM units WHERE id = $1", node);
  const bool keeps = !r.rows.empty() && r.rows[0].text(0) == "province";
  std::lock_guard lk(names_mutex_);
  running_[node] = keeps;
  return keeps;
}

void Rollups::carry_running(db::Connection& c, std::int64_t node, const std::string& day, const Sparse& now, const Sparse& delta) {
  const std::string month_first = day.substr(0, 8) + "01";
  const std::string month_last = day.substr(0, 8) + "31";  // buckets are days: "…-31" bounds any month
  bool has_day = false;
  for (const auto& r : c.query(kRunningFrom, node, day, month_last).rows) {
    const std::string bucket = r.text(0);
    if (bucket == day) {
      has_day = true;
      // a day without a bucket has no running sum either (as a rebuild leaves it)
      if (now.empty()) {
        write_bucket(c, node, "c", day, {});
        continue;
      }
    }
    Sparse v = decode(r.text(1));
    add(v, delta);
    write_bucket(c, node, "c", bucket, v);
  }
  if (!has_day && !now.empty()) {
    // a new day: the running sum of the day before it that has one, and its own
    Sparse v;
    const auto before = c.query(kRunningAt, node, month_first, timeutil::add_days(day, -1));
    if (!before.rows.empty()) v = decode(before.rows[0].text(0));
    add(v, now);
    write_bucket(c, node, "c", day, v);
  }
}

}  // namespace antq::reports
