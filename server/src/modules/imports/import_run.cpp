#include "modules/imports/import_run.hpp"

#include <boost/json.hpp>

#include <set>

#include "core/crypto.hpp"
#include "core/errors.hpp"

namespace antq::imports {

namespace bj = boost::json;

namespace {

constexpr std::size_t kGroup = 500;

// Thrown at the end of a dry run's group: the transaction rolls back, the counts stay.
struct DryRunRollback {};

class RowWriter {
 public:
  explicit RowWriter(const RunTarget& t) : t_(t), register_(t.target.spec().name) {}

  Outcome write(db::Connection& c, const SheetRow& row, const ReadRow& read) {
    const RowInput input{read.body, read.unit ? &*read.unit : nullptr, read.id};
    if (read.id) {
      const Outcome o = t_.target.update(c, t_.who, input);
      if (o == Outcome::updated) keep(c, row, row_key(register_, read.unit ? read.unit->id : 0, read.body), *read.id, "updated");
      return o;
    }
    const std::string key = row_key(register_, read.unit ? read.unit->id : 0, read.body);
    // The same row twice in one file (a refused row's key is not kept: its copy is refused too).
    if (seen_.count(key)) return Outcome::unchanged;
    // Imported before, and still there: nothing to do. Deleted since: import it again. (A register
    // never imported into has nothing to look up: one read per run instead of one per row.)
    if (!imported_before_) imported_before_ = repo::any_key(c, register_);
    std::optional<std::int64_t> existing;
    if (*imported_before_) existing = repo::record_of_key(c, register_, key);
    if (existing && t_.target.exists(c, t_.who, *existing)) {
      seen_.insert(key);
      return Outcome::unchanged;
    }
    const auto id = t_.target.create(c, t_.who, input);
    seen_.insert(key);
    keep(c, row, key, id, "created");
    return Outcome::created;
  }

  // The group's written rows, kept in a few multi-row statements after its last row (keep() runs
  // once a row's writes succeeded, so nothing of a refused row is among them).
  void flush(db::Connection& c) {
    if (t_.batch) repo::insert_rows(c, *t_.batch, register_, written_);
    written_.clear();
  }

 private:
  void keep(db::Connection&, const SheetRow& row, const std::string& key, std::int64_t id, const char* outcome) {
    written_.push_back({static_cast<std::int64_t>(row.number), key, id, outcome});
  }

  const RunTarget& t_;
  const std::string register_;
  std::set<std::string> seen_;
  std::optional<bool> imported_before_;
  std::vector<repo::WrittenRow> written_;
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

}  // namespace

std::string row_key(const std::string& register_name, std::int64_t unit_id, const bj::object& body) {
  return crypto::sha256_hex(register_name + '\x1f' + std::to_string(unit_id) + '\x1f' + bj::serialize(body));
}

RunResult run_rows(db::Database& db, const RunTarget& target, const Sheet& sheet, const std::vector<Column>& columns,
                   const Mapping& mapping, const std::function<void(db::Connection&, const Counts&)>& progress) {
  RunResult out;
  out.counts.rows = static_cast<std::int64_t>(sheet.rows.size());
  RowReader reader(target.target, target.who, sheet.header, columns, mapping);
  RowWriter writer(target);
  for (std::size_t start = 0; start < sheet.rows.size(); start += kGroup) {
    const std::size_t end = std::min(sheet.rows.size(), start + kGroup);
    RunResult group;
    try {
      db.write([&](db::Connection& c) {
        group = RunResult{};
        for (std::size_t i = start; i < end; ++i) {
          const SheetRow& row = sheet.rows[i];
          ReadRow read = reader.read(c, row);
          if (!read.errors.empty()) {
            refuse(group, row, std::move(read.errors));
            continue;
          }
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
    } catch (const DryRunRollback&) {
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
