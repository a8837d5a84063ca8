#include "modules/reports/rollups.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/log.hpp"
#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "modules/reports/bucket_data.hpp"
#include "modules/reports/pending_rows.hpp"
#include "modules/reports/rollups.sql.hpp"
#include "modules/reports/sources.hpp"

namespace antq::reports {

namespace {

using namespace antq::sql::reports::rollups;  // the statements: rollups.sql

// Several servers on one PostgreSQL database each run a folder: one at a time, or two would add
// the same difference to a month twice. (SQLite has one writer anyway.)
void exclusive(db::Connection& c) {
  if (c.engine() == db::Engine::postgresql) c.query("SELECT pg_advisory_xact_lock(741100)");
}

}  // namespace

// --- metric names ------------------------------------------------------------------------------

int Rollups::metric_id(db::Connection& c, const std::string& name) {
  {
    std::lock_guard lk(names_mutex_);
    auto it = ids_.find(name);
    if (it != ids_.end()) return it->second;
  }
  c.query("INSERT INTO rollup_metrics (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name);
  const int id = static_cast<int>(c.query("SELECT id FROM rollup_metrics WHERE name = $1", name).rows[0].integer(0));
  std::lock_guard lk(names_mutex_);
  ids_[name] = id;
  if (names_.size() <= static_cast<std::size_t>(id)) names_.resize(id + 1);
  names_[id] = name;
  return id;
}

const std::string& Rollups::metric_name(db::Connection& c, int id) {
  std::lock_guard lk(names_mutex_);
  if (static_cast<std::size_t>(id) >= names_.size() || names_[id].empty()) {
    // Interned by another process (a rebuild from the command line): read them all again.
    for (const auto& r : c.query("SELECT id, name FROM rollup_metrics").rows) {
      const auto i = static_cast<std::size_t>(r.integer(0));
      if (names_.size() <= i) names_.resize(i + 1);
      names_[i] = r.text(1);
      ids_[names_[i]] = static_cast<int>(i);
    }
  }
  if (static_cast<std::size_t>(id) >= names_.size() || names_[id].empty()) {
    throw std::runtime_error("rollup: metric id " + std::to_string(id) + " has no name");
  }
  return names_[id];
}

std::string Rollups::encode(const Sparse& v) const {
  std::string out;
  for (const auto& [k, x] : v) {
    if (!out.empty()) out += ',';
    out += std::to_string(k);
    out += ':';
    out += std::to_string(x);
  }
  return out;
}

Rollups::Sparse Rollups::decode(const std::string& s) const {
  Sparse out;
  for_each_entry(s, [&](int k, std::int64_t x) { out[k] = x; });
  return out;
}

Figures Rollups::named(db::Connection& c, const Sparse& v) {
  Figures out;
  for (const auto& [k, x] : v) out[metric_name(c, k)] = x;
  return out;
}

// --- buckets -----------------------------------------------------------------------------------

Rollups::Sparse Rollups::read_bucket(db::Connection& c, std::int64_t node, const char* grain, const std::string& bucket) {
  auto r = c.query("SELECT data FROM rollup_buckets WHERE node_id = $1 AND grain = $2 AND bucket = $3", node, std::string(grain), bucket);
  return r.rows.empty() ? Sparse{} : decode(r.rows[0].text(0));
}

void Rollups::write_bucket(db::Connection& c, std::int64_t node, const char* grain, const std::string& bucket, const Sparse& v) {
  if (v.empty()) {
    c.query("DELETE FROM rollup_buckets WHERE node_id = $1 AND grain = $2 AND bucket = $3", node, std::string(grain), bucket);
  } else {
    c.query(kUpsert, node, std::string(grain), bucket, encode(v));
  }
}

void Rollups::add_to_bucket(db::Connection& c, std::int64_t node, const char* grain, const std::string& bucket, const Sparse& delta) {
  Sparse v = read_bucket(c, node, grain, bucket);
  add(v, delta);
  write_bucket(c, node, grain, bucket, v);
}

// --- the unit tree -----------------------------------------------------------------------------

void Rollups::load_nodes(db::Connection& c) {
  nodes_sorted_.clear();
  for (const auto& r : c.query("SELECT id FROM units WHERE kind IN ('province', 'district')").rows) nodes_sorted_.push_back(r.integer(0));
  std::sort(nodes_sorted_.begin(), nodes_sorted_.end());
}

std::vector<std::int64_t> Rollups::nodes_of_path(const std::string& path) const {
  std::vector<std::int64_t> out{0};
  std::size_t i = 1;
  while (i < path.size()) {
    const auto j = path.find('/', i);
    if (j == std::string::npos) break;
    std::int64_t id = 0;
    std::from_chars(path.data() + i, path.data() + j, id);
    if (std::binary_search(nodes_sorted_.begin(), nodes_sorted_.end(), id)) out.push_back(id);
    i = j + 1;
  }
  return out;
}

void Rollups::load_ancestors(db::Connection& c, const std::vector<std::int64_t>& unit_ids) {
  std::vector<std::int64_t> missing;
  for (auto id : unit_ids)
    if (!ancestors_.count(id)) missing.push_back(id);
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  for (std::size_t at = 0; at < missing.size(); at += 500) {
    std::string in;
    std::vector<db::Value> p;
    for (std::size_t k = at; k < std::min(missing.size(), at + 500); ++k) {
      p.emplace_back(missing[k]);
      in += (in.empty() ? "$" : ", $") + std::to_string(p.size());
    }
    for (const auto& r : c.execute("SELECT id, path FROM units WHERE id IN (" + in + ")", p).rows) {
      ancestors_[r.integer(0)] = nodes_of_path(r.text(1));
    }
  }
}

const std::vector<std::int64_t>& Rollups::ancestors(db::Connection& c, std::int64_t unit_id) {
  auto it = ancestors_.find(unit_id);
  if (it != ancestors_.end()) return it->second;
  load_ancestors(c, {unit_id});
  it = ancestors_.find(unit_id);
  if (it == ancestors_.end()) it = ancestors_.emplace(unit_id, std::vector<std::int64_t>{0}).first;  // a unit gone: the country
  return it->second;
}

// --- folding -----------------------------------------------------------------------------------

Rollups::Fresh Rollups::collect_fresh(db::Connection& c, const NodeDays& node_days) {
  // Names, not ids: this runs in a read transaction, and a new metric's id is a write.
  // Summed per unit as the events come, then carried up to the nodes: memory grows with the units
  // and metrics of the day, not with its records (a day of a tip flood is tens of thousands).
  Fresh fresh;
  for (const auto& [day, nodes] : node_days) {
    std::map<std::int64_t, std::map<std::string, std::int64_t>> by_unit;
    collect_events(c, EventFilter{std::nullopt, day, day}, [&](const Event& e) { by_unit[e.unit_id][e.metric] += e.value; });
    std::vector<std::int64_t> units;
    units.reserve(by_unit.size());
    for (const auto& [unit, _] : by_unit) units.push_back(unit);
    load_ancestors(c, units);
    auto& of_day = fresh[day];
    for (const auto& [unit, metrics] : by_unit) {
      for (auto node : ancestors(c, unit)) {
        if (!std::binary_search(nodes.begin(), nodes.end(), node)) continue;
        for (const auto& [metric, value] : metrics) of_day[node][metric] += value;
      }
    }
  }
  return fresh;
}

void Rollups::apply_fresh(db::Connection& c, const NodeDays& node_days, const Fresh& fresh) {
  for (const auto& [day, nodes] : node_days) {
    const auto of_day = fresh.find(day);
    for (auto node : nodes) {
      Sparse now;
      if (of_day != fresh.end()) {
        if (auto it = of_day->second.find(node); it != of_day->second.end()) {
          for (const auto& [name, v] : it->second)
            if (v != 0) now[metric_id(c, name)] = v;
        }
      }
      const Sparse before = read_bucket(c, node, "d", day);
      if (before == now) continue;
      write_bucket(c, node, "d", day, now);
      Sparse d = now;  // now − before, carried into the month and the year
      add(d, before, -1);
      add_to_bucket(c, node, "m", day.substr(0, 7), d);
      add_to_bucket(c, node, "y", day.substr(0, 4), d);
      if (keeps_running(c, node)) carry_running(c, node, day, now, d);
    }
  }
}

bool Rollups::pending() {
  return db_.read_value([](db::Connection& c) {
    return !c.query("SELECT 1 FROM rollup_dirty LIMIT 1").rows.empty() || !c.query("SELECT 1 FROM rollup_dirty_keys LIMIT 1").rows.empty();
  });
}

void Rollups::fold() {
  // A report asks first: with nothing pending, no write transaction (readers never queue behind writers).
  if (!pending()) return;
  std::lock_guard lk(fold_mutex_);
  // What was pending when fold() was called is folded when it returns (a report folds, then reads
  // the buckets), here or by another folder (another server on the same database, a rebuild). So a
  // round that backs off because another folder took some of its rows is repeated while rows of
  // the first round are left: that folder may have taken its work before the rest was written.
  std::optional<std::pair<pending::Spans, pending::Spans>> asked;
  for (bool again = true; again;) {
    // 1. Take the work (short write): what is pending, derived rows refreshed.
    Work w;
    db_.write([&](db::Connection& c) { w = take_work(c); });
    if (w.done) return;
    if (!asked) asked.emplace(w.dirty, w.keys);
    // 2. Recompute the touched buckets from the records (a read: writers are not held up meanwhile).
    Fresh fresh;
    db_.read([&](db::Connection& c) { fresh = collect_fresh(c, w.node_days); });
    // 3. Apply (short write), unless another folder took some of these rows meanwhile: its figures
    //    are as new as ours or newer. Only a folder deletes pending rows, and a writer's row,
    //    however late it commits, is never inside the spans taken, so fewer rows there means
    //    exactly that. Folded, only those rows go: a late one stays for the next round.
    again = false;
    db_.write([&](db::Connection& c) {
      exclusive(c);
      if (pending::count(c, "rollup_dirty", w.dirty) != pending::rows(w.dirty) ||
          pending::count(c, "rollup_dirty_keys", w.keys) != pending::rows(w.keys)) {
        again = pending::count(c, "rollup_dirty", asked->first) + pending::count(c, "rollup_dirty_keys", asked->second) > 0;
        return;
      }
      apply_fresh(c, w.node_days, fresh);
      if (!w.full_nodes.empty()) rebuild_in(c, &w.full_nodes);
      pending::remove(c, "rollup_dirty", w.dirty);
      pending::remove(c, "rollup_dirty_keys", w.keys);
    });
  }
}

void request_rebuild(db::Connection& c) { c.query("INSERT INTO rollup_dirty_keys (kind, key) VALUES ('rebuild', 'all')"); }

Rollups::Work Rollups::take_work(db::Connection& c) {
  exclusive(c);
  Work w;
  w.keys = pending::take(c, "rollup_dirty_keys");
  std::set<std::pair<std::string, std::string>> keys;
  pending::each(c, "SELECT DISTINCT kind, key FROM rollup_dirty_keys", w.keys,
                [&](const db::Row& r) { keys.emplace(r.text(0), r.text(1)); });
  if (std::any_of(keys.begin(), keys.end(), [](const auto& k) { return k.first == "rebuild"; })) {
    // The first fold after the migration (or a request for it): everything, here and now.
    rebuild_all(c);
    w.done = true;
    return w;
  }
  // The tree as it is now: another folder (another server, a command) may have applied a merge
  // this one never saw, so nothing about units is kept from one fold to the next.
  ancestors_.clear();
  load_nodes(c);
  std::set<std::pair<std::int64_t, std::string>> unit_days, refreshed;
  std::set<std::int64_t> full_nodes;
  for (const auto& [kind, key] : keys) {
    if (kind == "path") {
      // A merge moved a subtree ("old|new"): the nodes above one place and not the other are
      // derived again (the country, above both, keeps its figures).
      const auto bar = key.find('|');
      const auto before = nodes_of_path(key.substr(0, bar));
      const auto after = nodes_of_path(bar == std::string::npos ? std::string() : key.substr(bar + 1));
      for (auto n : before)
        if (std::find(after.begin(), after.end(), n) == after.end()) full_nodes.insert(n);
      for (auto n : after)
        if (std::find(before.begin(), before.end(), n) == before.end()) full_nodes.insert(n);
    }
    if (kind == "coverage")
      for (auto& ud : refresh_coverage(c, std::stoll(key))) refreshed.insert(std::move(ud));
    if (kind == "person") refresh_person_gaps(c, std::stoll(key));
  }
  // A refresh commits with this transaction, and the days it touched (where a period ended before
  // it) are known to it alone: the next refresh finds nothing changed. So they become pending rows
  // here, and outlive a fold that goes no further (another folder took the rows, a lost
  // connection, a crash).
  for (const auto& [u, d] : refreshed) c.query("INSERT INTO rollup_dirty (unit_id, day) VALUES ($1, $2)", u, d);
  w.dirty = pending::take(c, "rollup_dirty");
  if (w.dirty.empty() && w.keys.empty()) {
    w.done = true;
    return w;
  }
  pending::each(c, "SELECT DISTINCT unit_id, day FROM rollup_dirty", w.dirty,
                [&](const db::Row& r) { unit_days.emplace(r.integer(0), r.text(1)); });
  std::vector<std::int64_t> units;
  for (const auto& [u, d] : unit_days) units.push_back(u);
  load_ancestors(c, units);
  for (const auto& [u, d] : unit_days) {
    if (!timeutil::parse_date(d)) continue;
    for (auto n : ancestors(c, u))
      if (!full_nodes.count(n)) w.node_days[d].push_back(n);
  }
  for (auto& [d, nodes] : w.node_days) {
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  }
  w.full_nodes.assign(full_nodes.begin(), full_nodes.end());
  return w;
}

void Rollups::rebuild() {
  std::lock_guard lk(fold_mutex_);
  db_.write([&](db::Connection& c) {
    exclusive(c);
    rebuild_all(c);
  });
}

// The pending rows go first. A DELETE removes only rows committed before it, and the rebuild's
// later statements see the records of all of those; a writer that commits meanwhile keeps its row
// for the next fold. Deleted after the rebuild, up to an id read before it, a row committed late
// below that id (PostgreSQL) was lost unfolded.
void Rollups::rebuild_all(db::Connection& c) {
  c.query("DELETE FROM rollup_dirty");
  c.query("DELETE FROM rollup_dirty_keys");
  ancestors_.clear();
  load_nodes(c);
  rebuild_in(c, nullptr);
}

void Rollups::rebuild_in(db::Connection& c, const std::vector<std::int64_t>* only_nodes) {
  if (!only_nodes) {
    c.query("DELETE FROM rollup_buckets");
    // Derived rows first: the coverage periods are events themselves.
    std::vector<std::int64_t> units;
    for (const auto& r : c.query("SELECT unit_id FROM models UNION SELECT unit_id FROM model_replications UNION "
                                 "SELECT unit_id FROM rollup_coverage")
                             .rows) {
      units.push_back(r.integer(0));
    }
    for (auto u : units) refresh_coverage(c, u);
    c.query("DELETE FROM rollup_gaps WHERE metric IN ($1, $2)", std::string(metric::kProgressed), std::string(metric::kReoffended));
    std::vector<std::int64_t> people;
    for (const auto& r : c.query("SELECT DISTINCT person_id FROM reintegration_status_changes").rows) people.push_back(r.integer(0));
    for (auto p : people) refresh_person_gaps(c, p);
  } else {
    for (auto n : *only_nodes) c.query("DELETE FROM rollup_buckets WHERE node_id = $1", n);
  }
  // Every unit's nodes at once: a rebuild sees every unit anyway.
  for (const auto& r : c.query("SELECT id, path FROM units").rows) ancestors_[r.integer(0)] = nodes_of_path(r.text(1));
  if (!only_nodes) {
    derive(c, std::nullopt, [](std::int64_t) { return true; });
    return;
  }
  // One node: only the records under it (the country would be every record).
  for (auto node : *only_nodes) {
    std::optional<PathRange> scope;
    if (node != 0) {
      auto r = c.query("SELECT path FROM units WHERE id = $1", node);
      if (r.rows.empty()) continue;
      scope = subtree_range(r.rows[0].text(0));
    }
    derive(c, scope, [node](std::int64_t n) { return n == node; });
  }
}

void Rollups::derive(db::Connection& c, const std::optional<PathRange>& scope, const std::function<bool(std::int64_t)>& wanted) {
  const auto span = event_span(c);
  if (!span) return;
  // A month at a time: its days, then the month; years as they close.
  std::map<std::int64_t, Sparse> year_acc;
  std::string year = span->first.substr(0, 4);
  auto flush_year = [&] {
    for (const auto& [node, v] : year_acc) write_bucket(c, node, "y", year, v);
    year_acc.clear();
  };
  for (std::string month_start = span->first.substr(0, 7) + "-01"; month_start <= span->second;) {
    const std::string next = timeutil::add_days(month_start, 32).substr(0, 7) + "-01";
    const std::string month_end = timeutil::add_days(next, -1);
    if (month_start.substr(0, 4) != year) {
      flush_year();
      year = month_start.substr(0, 4);
    }
    std::map<std::int64_t, std::map<std::string, Sparse>> acc;  // node → day → values
    collect_events(c, EventFilter{scope, month_start, month_end}, [&](const Event& e) {
      const int id = metric_id(c, e.metric);
      for (auto node : ancestors(c, e.unit_id)) {
        if (!wanted(node)) continue;
        acc[node][e.day][id] += e.value;
      }
    });
    for (auto& [node, days] : acc) {
      Sparse month;
      const bool running = keeps_running(c, node);
      for (auto& [day, v] : days) {
        for (auto it = v.begin(); it != v.end();) it = it->second == 0 ? v.erase(it) : std::next(it);
        write_bucket(c, node, "d", day, v);
        add(month, v);
        if (running && !v.empty()) write_bucket(c, node, "c", day, month);
      }
      write_bucket(c, node, "m", month_start.substr(0, 7), month);
      add(year_acc[node], month);
    }
    month_start = next;
  }
  flush_year();
}

// --- reading -----------------------------------------------------------------------------------

Figures Rollups::prefix(db::Connection& c, std::int64_t node, const std::string& day) {
  const std::string y = day.substr(0, 4), m = day.substr(0, 7);
  Sparse sum;
  const auto rows = keeps_running(c, node) ? c.query(kPrefixRunning, node, y, y + "-01", m, m + "-01", day).rows
                                           : c.query(kPrefix, node, y, y + "-01", m, m + "-01", day).rows;
  for (const auto& r : rows) add(sum, decode(r.text(0)));
  return named(c, sum);
}

std::map<std::string, Figures> Rollups::days(db::Connection& c, std::int64_t node, const std::string& from, const std::string& to) {
  std::map<std::string, Figures> out;
  for (const auto& r :
       c.query("SELECT bucket, data FROM rollup_buckets WHERE node_id = $1 AND grain = 'd' AND bucket >= $2 AND bucket <= $3", node, from,
               to)
           .rows) {
    out[r.text(0)] = named(c, decode(r.text(1)));
  }
  return out;
}

std::map<std::string, Figures> Rollups::dump(db::Connection& c) {
  std::map<std::string, Figures> out;
  for (const auto& r : c.query("SELECT node_id, grain, bucket, data FROM rollup_buckets").rows) {
    out[std::to_string(r.integer(0)) + "|" + r.text(1) + "|" + r.text(2)] = named(c, decode(r.text(3)));
  }
  return out;
}

// --- background --------------------------------------------------------------------------------

// A fold that throws is logged as rollup_fold_failed by the worker; the next round tries again.
void Rollups::start_background(std::chrono::milliseconds every) {
  std::lock_guard g(folder_mutex_);
  if (!folder_)
    folder_ = std::make_unique<BackgroundWorker>(
        "rollup_fold", [this] { fold(); }, BackgroundWorker::Options{every, false});
  folder_->start();
}

void Rollups::stop_background() {
  std::lock_guard g(folder_mutex_);
  if (folder_) folder_->stop();
}

}  // namespace antq::reports
