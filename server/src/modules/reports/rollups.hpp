#pragma once
// The rollup: per-day, per-month and per-year sums of every metric for the country (node 0), each
// province and each district, kept exact by one folder. The country and each province also keep,
// for each day with a day bucket, the sum of its month up to that day (grain 'c', "running"): a
// sum up to any day is then its years, its months and one bucket, and a province's ten-year
// monthly series reads ~240 buckets instead of ~1,900 day buckets scattered over the table.
// Writers only append to rollup_dirty (the triggers of migration 0014): there is no row every
// writer waits on. The folder recomputes each touched (node, day) bucket from the records, and
// carries the difference into its month and year. A report folds what is pending first, then adds
// a few dozen buckets.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/background_worker.hpp"
#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/reports/pending_rows.hpp"

namespace antq::reports {

using Figures = std::map<std::string, std::int64_t>;

class Rollups {
 public:
  explicit Rollups(db::Database& db) : db_(db) {}
  ~Rollups() { stop_background(); }

  // Applies every pending change: what was pending when it was called is folded when it returns.
  // Serialised; a read and nothing more when nothing is pending.
  void fold();
  bool pending();
  // Derives everything again from the records (`antq rollup rebuild`).
  void rebuild();
  // Σ of every metric over the node's days up to and including `day`.
  Figures prefix(db::Connection& c, std::int64_t node, const std::string& day);
  // Σ up to and including each of `ends` (ascending days): the sum up to a month's edge, carried
  // from end to end (whole years and months between), and the days between that edge and the end.
  // A time series of 120 months reads a month bucket and a few days per window, not 120 prefixes
  // of a few dozen buckets each.
  // `wanted`: the metrics the caller reads (by name); none: all of them.
  std::vector<Figures> prefixes(db::Connection& c, std::int64_t node, const std::vector<std::string>& ends,
                                const std::function<bool(const std::string&)>& wanted = {});
  // The node's day buckets in [from, to].
  std::map<std::string, Figures> days(db::Connection& c, std::int64_t node, const std::string& from, const std::string& to);
  // The maintained state, for comparison with a rebuild (tests): "node|grain|bucket" → figures.
  std::map<std::string, Figures> dump(db::Connection& c);

  // Folds in the background every `every` while there is something pending. Once: a second
  // start, or a start after stop_background(), does nothing (see core/background_worker.hpp).
  void start_background(std::chrono::milliseconds every);
  void stop_background();

 private:
  using Sparse = std::map<int, std::int64_t>;
  using NodeDays = std::map<std::string, std::vector<std::int64_t>>;  // day → nodes
  // day → node → metric name → value
  using Fresh = std::map<std::string, std::map<std::int64_t, std::map<std::string, std::int64_t>>>;
  struct Work {
    bool done = false;
    pending::Spans dirty, keys;  // exactly the rows taken (pending_rows.hpp)
    NodeDays node_days;
    std::vector<std::int64_t> full_nodes;
  };
  Work take_work(db::Connection& c);
  void rebuild_all(db::Connection& c);
  Fresh collect_fresh(db::Connection& c, const NodeDays& node_days);
  void apply_fresh(db::Connection& c, const NodeDays& node_days, const Fresh& fresh);
  void rebuild_in(db::Connection& c, const std::vector<std::int64_t>* only_nodes);
  // Writes the buckets of the nodes `wanted` from the events of `scope` (none: every record).
  void derive(db::Connection& c, const std::optional<PathRange>& scope, const std::function<bool(std::int64_t)>& wanted);
  const std::vector<std::int64_t>& ancestors(db::Connection& c, std::int64_t unit_id);
  void load_ancestors(db::Connection& c, const std::vector<std::int64_t>& unit_ids);
  std::vector<std::int64_t> nodes_of_path(const std::string& path) const;
  void load_nodes(db::Connection& c);
  // Whether a node keeps running sums (grain 'c'): the country and the provinces.
  bool keeps_running(db::Connection& c, std::int64_t node);
  // After day `day`'s bucket of `node` changed by `delta` (to `now`): its running sum, and those
  // of the later days of its month.
  void carry_running(db::Connection& c, std::int64_t node, const std::string& day, const Sparse& now, const Sparse& delta);
  int metric_id(db::Connection& c, const std::string& name);
  const std::string& metric_name(db::Connection& c, int id);
  std::string encode(const Sparse& v) const;
  Sparse decode(const std::string& s) const;
  Figures named(db::Connection& c, const Sparse& v);
  Sparse read_bucket(db::Connection& c, std::int64_t node, const char* grain, const std::string& bucket);
  void write_bucket(db::Connection& c, std::int64_t node, const char* grain, const std::string& bucket, const Sparse& v);
  void add_to_bucket(db::Connection& c, std::int64_t node, const char* grain, const std::string& bucket, const Sparse& delta);

  db::Database& db_;
  std::mutex fold_mutex_;  // one folder at a time (fold, rebuild)
  std::mutex names_mutex_;
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> names_;                                         // id → name (index)
  std::vector<std::int64_t> nodes_sorted_;                                 // ids of provinces and districts
  std::unordered_map<std::int64_t, bool> running_;                         // node → keeps_running (under names_mutex_)
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> ancestors_;  // unit → nodes above it (0 first), within one fold

  std::mutex folder_mutex_;                   // guards folder_ (start and stop may come from different threads)
  std::unique_ptr<BackgroundWorker> folder_;  // last: stopped before what fold() uses goes away
};

// In the caller's transaction: the next fold recomputes every bucket from the records, once. For a
// change that moves most of the tree at once (the 2025 reform): deriving each moved node from its
// records one by one would read the records once per node.
void request_rebuild(db::Connection& c);

}  // namespace antq::reports
