#include "modules/imports/import_run.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include "core/errors.hpp"
#include "core/log.hpp"

namespace antq::imports {

namespace bj = boost::json;

namespace {

// A group of rows is one write transaction, and each commit is one sync of the log to disk: 200
// commits for 100,000 rows spent more time waiting on the disk than on the rows. A group grows
// past kMinGroup rows while its work stays under kGroupTime, up to kMaxGroup: about twenty
// commits for 100,000 rows, and the one writer the live server shares is never held much longer
// than a quarter of a second.
constexpr std::size_t kMinGroup = 500;
constexpr std::size_t kMaxGroup = 10000;
constexpr auto kGroupTime = std::chrono::milliseconds(250);

// SQLite: a group of thousands of rows dirties more pages than the writer's default 2 MB cache
// holds, and a full cache spills dirty pages to the log in the middle of the transaction (each
// written twice). The writer's cache is 32 MB while imports run, and back to SQLite's default
// after the last of them (imports of different units may run at once): kept for good, it grew the
// server's memory at rest by 32 MB as the database grew (bench/soak.sh).
class WiderWriterCache {
 public:
  explicit WiderWriterCache(db::Database& db) : db_(db), sqlite_(db.engine() == db::Engine::sqlite) {
    if (!sqlite_) return;
    std::lock_guard lock(mutex_);
    if (running_ == 0) db_.write([](db::Connection& c) { c.execute_script("PRAGMA cache_size=-32768"); });
    ++running_;  // after the write: a constructor that threw has nothing for a destructor to undo
  }
  ~WiderWriterCache() {
    if (!sqlite_) return;
    std::lock_guard lock(mutex_);
    if (--running_ > 0) return;
    try {
      db_.write([](db::Connection& c) { c.execute_script("PRAGMA cache_size=-2000"); });
    } catch (const std::exception& e) {
      log::warn("import_cache_restore_failed", {{"error", e.what()}});
    }
  }
  WiderWriterCache(const WiderWriterCache&) = delete;
  WiderWriterCache& operator=(const WiderWriterCache&) = delete;

 private:
  db::Database& db_;
  const bool sqlite_;
  // Imports running in this process (a process serves one SQLite database).
  static inline std::mutex mutex_;
  static inline int running_ = 0;
};

// Thrown at the end of a dry run's group: the transaction rolls back, the counts stay.
struct DryRunRollback {};
// Thrown when a group's bulk write met a duplicate: the group's transaction rolls back whole and
// the group is run again, each row written on its own. (A savepoint around the bulk write would
// spare the redo, but SQLite's in-memory sub-journal behind a savepoint that spans thousands of
// rows cost more than a quarter of the import's time, paid by every group for a rare case.)
struct RedoRowByRow {};

class RowWriter {
 public:
  explicit RowWriter(const RunTarget& t) : t_(t), register_(t.target.spec().name), hasher_(row_key_hasher(t.keys)) {}

  // A new row's key, or nullopt when the row was imported before and its record is still there,
  // or came earlier in this file (a refused row's key is not kept: its copy is refused too).
  std::optional<std::string> fresh_key(db::Connection& c, const ReadRow& read) {
    // The current key's first; a sheet imported before `antq keys rotate` has its rows' keys made
    // with an older one.
    const auto candidates = row_keys(hasher_, register_, read.unit ? read.unit->id : 0, read.body);
    const std::string& key = candidates.front();
    if (seen_.count(key)) return std::nullopt;
    // Deleted since: import it again. (A register never imported into has nothing to look up:
    // one read per run instead of one per row.)
    if (!imported_before_) imported_before_ = repo::any_key(c, register_);
    std::optional<std::int64_t> existing;
    if (*imported_before_) {
      for (const auto& k : candidates) {
        existing = repo::record_of_key(c, register_, k);
        if (existing) break;
      }
    }
    if (existing && t_.target.exists(c, t_.who, *existing)) {
      seen_.insert(key);
      return std::nullopt;
    }
    return key;
  }

  // One row, written at once (an update, or a target without bulk writes).
  Outcome write(db::Connection& c, const SheetRow& row, const ReadRow& read) {
    const RowInput input{read.body, read.unit ? &*read.unit : nullptr, read.id};
    if (read.id) {
      const Outcome o = t_.target.update(c, t_.who, input);
      if (o == Outcome::updated) keep(row, row_key(hasher_, register_, read.unit ? read.unit->id : 0, read.body), *read.id, "updated");
      return o;
    }
    auto key = fresh_key(c, read);
    if (!key) return Outcome::unchanged;
    const auto id = t_.target.create(c, t_.who, input);
    seen_.insert(*key);
    group_keys_.push_back(*key);
    keep(row, *key, id, "created");
    return Outcome::created;
  }

  // A new row checked for a bulk write at the end of its group.
  void queue(const SheetRow& row, std::string key, Target::Checked checked) {
    seen_.insert(key);
    group_keys_.push_back(key);
    queued_.push_back({&row, std::move(key), std::move(checked)});
  }
  // A group's transaction starts (again, after a rollback): what an attempt that did not commit
  // queued, kept and marked as seen is forgotten.
  void begin_group() {
    for (const auto& k : group_keys_) seen_.erase(k);
    group_keys_.clear();
    queued_.clear();
    written_.clear();
  }
  // The group is done (committed, or a dry run's group counted): its rows stay seen.
  void end_group() { group_keys_.clear(); }
  struct Queued {
    const SheetRow* row;
    std::string key;
    Target::Checked checked;
  };
  // The queued rows, written in a few statements. A refusal (a duplicate) throws RedoRowByRow:
  // the caller rolls the group back and runs it again without bulk writes.
  void write_queued(db::Connection& c) {
    if (queued_.empty()) return;
    std::vector<Target::Checked> rows;
    rows.reserve(queued_.size());
    for (auto& q : queued_) rows.push_back(std::move(q.checked));
    std::vector<std::int64_t> ids;
    try {
      ids = t_.target.create_all(c, t_.who, rows);
    } catch (const ApiError&) {
      throw RedoRowByRow{};
    }
    for (std::size_t i = 0; i < queued_.size(); ++i) keep(*queued_[i].row, queued_[i].key, ids[i], "created");
    queued_.clear();
  }
  catalog::CodeChecks& codes() { return codes_; }

  // The group's written rows, kept in a few multi-row statements after its last row (keep() runs
  // once a row's writes succeeded, so nothing of a refused row is among them).
  void flush(db::Connection& c) {
    if (t_.batch) repo::insert_rows(c, *t_.batch, register_, written_);
    written_.clear();
  }

 private:
  void keep(const SheetRow& row, const std::string& key, std::int64_t id, const char* outcome) {
    written_.push_back({static_cast<std::int64_t>(row.number), key, id, outcome});
  }

  const RunTarget& t_;
  const std::string register_;
  const crypto::Keyring::Hasher hasher_;
  std::unordered_set<std::string> seen_;
  std::optional<bool> imported_before_;
  std::vector<repo::WrittenRow> written_;
  std::vector<Queued> queued_;
  std::vector<std::string> group_keys_;  // what this group added to seen_
  catalog::CodeChecks codes_;            // the run's catalogue answers
};

// The validation's message, under the column of the field it names.
CellError error_of(const ApiError& e, const SheetRow& row, const RowReader& reader) {
  return {row.number, e.field().empty() ? "" : reader.header_of(e.field()), e.what()};
}

void refuse(RunResult& out, const SheetRow& row, std::vector<CellError> errors) {
  ++out.counts.refused;
  std::string joined;
  for (const auto& e : errors) joined += (joined.empty() ? "" : "; ") + (e.column.empty() ? "" : e.column + ": ") + e.message;
  out.failed.push_back({row.number, row.cells, joined});
  for (auto& e : errors) out.errors.push_back(std::move(e));
}

// A row written at once, behind its savepoint: a refusal rolls back that row alone.
void write_one(db::Connection& c, const SheetRow& row, const ReadRow& read, const RowReader& reader, RowWriter& writer, RunResult& group) {
  c.execute("SAVEPOINT import_row", {});
  try {
    const Outcome o = writer.write(c, row, read);
    c.execute("RELEASE SAVEPOINT import_row", {});
    ++(o == Outcome::created ? group.counts.created : o == Outcome::updated ? group.counts.updated : group.counts.unchanged);
  } catch (const ApiError& e) {
    c.execute("ROLLBACK TO SAVEPOINT import_row", {});
    c.execute("RELEASE SAVEPOINT import_row", {});
    refuse(group, row, {error_of(e, row, reader)});
  }
}

// A new row of a target with bulk writes is checked now and written with its group; the others
// are written at once.
void one_row(db::Connection& c, const SheetRow& row, RowReader& reader, RowWriter& writer, const RunTarget& target, bool bulk,
             RunResult& group) {
  ReadRow read = reader.read(c, row);
  if (!read.errors.empty()) return refuse(group, row, std::move(read.errors));
  if (!bulk || !target.target.bulk() || read.id) return write_one(c, row, read, reader, writer, group);
  auto key = writer.fresh_key(c, read);
  if (!key) {
    ++group.counts.unchanged;
    return;
  }
  try {
    writer.queue(row, std::move(*key),
                 target.target.check(c, target.who, {read.body, read.unit ? &*read.unit : nullptr, read.id}, writer.codes()));
    ++group.counts.created;
  } catch (const ApiError& e) {
    refuse(group, row, {error_of(e, row, reader)});
  }
}

// One group's transaction; a dry run's group ends by rolling back (DryRunRollback), which is not
// an error.
void run_group(db::Database& db, const std::function<void(db::Connection&)>& fn) {
  try {
    db.write(fn);
  } catch (const DryRunRollback&) {
  }
}

}  // namespace

namespace {
constexpr std::string_view kRowKeyPurpose = "import.row_key";
std::string row_key_input(const std::string& register_name, std::int64_t unit_id, const bj::object& body) {
  return register_name + '\x1f' + std::to_string(unit_id) + '\x1f' + bj::serialize(body);
}
}  // namespace

crypto::Keyring::Hasher row_key_hasher(const crypto::Keyring& keys) { return keys.hasher(kRowKeyPurpose); }

std::string row_key(const crypto::Keyring::Hasher& hasher, const std::string& register_name, std::int64_t unit_id, const bj::object& body) {
  return hasher.hash(row_key_input(register_name, unit_id, body));
}

std::vector<std::string> row_keys(const crypto::Keyring::Hasher& hasher, const std::string& register_name, std::int64_t unit_id,
                                  const bj::object& body) {
  return hasher.hashes(row_key_input(register_name, unit_id, body));
}

RunResult run_rows(db::Database& db, const RunTarget& target, const Sheet& sheet, const std::vector<Column>& columns,
                   const Mapping& mapping, const std::function<void(db::Connection&, const Counts&)>& progress) {
  RunResult out;
  out.counts.rows = static_cast<std::int64_t>(sheet.rows.size());
  RowReader reader(target.target, target.who, sheet.header, columns, mapping);
  RowWriter writer(target);
  const WiderWriterCache cache(db);
  for (std::size_t start = 0, end = 0; start < sheet.rows.size(); start = end) {
    RunResult group;
    // bulk: the group's new rows in a few statements at its end; after a duplicate among them, the
    // same rows again, each on its own (counted again from zero).
    std::optional<std::size_t> redo_end;
    for (bool bulk = true;; bulk = false) {
      try {
        run_group(db, [&](db::Connection& c) {
          group = RunResult{};
          writer.begin_group();
          const auto began = std::chrono::steady_clock::now();
          const std::size_t last = redo_end ? *redo_end : std::min(sheet.rows.size(), start + kMaxGroup);
          end = start;
          while (end < last && (redo_end || end - start < kMinGroup || std::chrono::steady_clock::now() - began < kGroupTime)) {
            one_row(c, sheet.rows[end], reader, writer, target, bulk, group);
            ++end;
          }
          writer.write_queued(c);
          writer.flush(c);
          if (!target.batch) throw DryRunRollback{};
          Counts k = out.counts;
          k.processed = static_cast<std::int64_t>(end);
          k.created += group.counts.created;
          k.updated += group.counts.updated;
          k.unchanged += group.counts.unchanged;
          k.refused += group.counts.refused;
          if (progress) progress(c, k);
        });
        writer.end_group();
        break;
      } catch (const RedoRowByRow&) {
        if (!bulk) throw std::logic_error("import: a row-by-row group asked to be run row by row");
        redo_end = end;
        writer.begin_group();
      }
    }
    out.counts.processed = static_cast<std::int64_t>(end);
    out.counts.created += group.counts.created;
    out.counts.updated += group.counts.updated;
    out.counts.unchanged += group.counts.unchanged;
    out.counts.refused += group.counts.refused;
    for (auto& e : group.errors) out.errors.push_back(std::move(e));
    for (auto& f : group.failed) out.failed.push_back(std::move(f));
  }
  return out;
}

}  // namespace antq::imports
