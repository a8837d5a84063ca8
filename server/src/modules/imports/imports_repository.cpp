#include "modules/imports/imports_repository.hpp"

#include <algorithm>

#include "core/time.hpp"
#include "modules/imports/imports_repository.sql.hpp"

namespace antq::imports::repo {

using namespace antq::sql::imports::imports_repository;  // the statements: imports_repository.sql

namespace {

Batch from_row(const db::Row& r) {
  Batch b;
  b.id = r.integer(0);
  b.register_name = r.text(1);
  b.username = r.text(2);
  b.principal = r.text(3);
  b.unit_path = r.text(4);
  b.file_name = r.text(5);
  b.format = r.text(6);
  b.stored_name = r.text(7);
  b.sheet = r.opt_text(8);
  b.mapping = r.text(9);
  b.status = r.text(10);
  b.counts = {r.integer(11), r.integer(12), r.integer(13), r.integer(14), r.integer(15), r.integer(16)};
  b.errors = r.text(17);
  b.message = r.text(18);
  b.undo_kept = r.opt_text(19);
  b.created_at = r.opt_text(20);
  b.started_at = r.opt_text(21);
  b.finished_at = r.opt_text(22);
  b.undone_at = r.opt_text(23);
  return b;
}

}  // namespace

std::int64_t insert_batch(db::Connection& c, const NewBatch& b) {
  return c
      .query(kInsertBatch, b.register_name, b.username, b.principal, b.unit_path, b.file_name, b.format, b.stored_name, b.sheet, b.mapping,
             b.rows, timeutil::now_utc())
      .rows.at(0)
      .integer(0);
}

std::optional<Batch> find(db::Connection& c, std::int64_t id) {
  const auto r = c.query(std::string(kBatchColumns) + " WHERE id = $1", id);
  if (r.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

std::vector<Batch> list(db::Connection& c, const PathRange& area, const std::optional<std::string>& register_name, int limit) {
  // The area is a range of materialised paths; a national importer's path is "", inside the
  // whole country's range only.
  const std::string where = " WHERE ((unit_path >= $1 AND unit_path < $2) OR ($1 = '/' AND unit_path = ''))";
  const auto r = register_name ? c.query(std::string(kBatchColumns) + where + " AND register = $3 ORDER BY id DESC LIMIT $4", area.lo,
                                         area.hi, *register_name, limit)
                               : c.query(std::string(kBatchColumns) + where + " ORDER BY id DESC LIMIT $3", area.lo, area.hi, limit);
  std::vector<Batch> out;
  for (const auto& row : r.rows) out.push_back(from_row(row));
  return out;
}

namespace {
// A running batch not heard of for this long belongs to a dead instance: each group of rows it
// commits says it is alive, and a group takes seconds.
constexpr auto kSilent = std::chrono::minutes(2);
std::string silent_since() { return timeutil::to_rfc3339(std::chrono::system_clock::now() - kSilent); }
}  // namespace

bool any_queued(db::Connection& c) { return !c.query(kNextQueued, silent_since()).empty(); }

ClaimLost::ClaimLost(std::int64_t id)
    : std::runtime_error("import batch " + std::to_string(id) + " was taken over by another runner (this one was silent too long)") {}

std::optional<Claimed> claim_next(db::Connection& c) {
  // Another worker may claim the same batch between the read and the update (PostgreSQL): the
  // next candidate then, a few times at most.
  for (int attempt = 0; attempt < 3; ++attempt) {
    const std::string silent = silent_since();
    const auto r = c.query(kNextQueued, silent);
    if (r.empty()) return std::nullopt;
    const auto id = r.rows[0].integer(0);
    const auto claimed = c.query(kClaim, id, timeutil::now_utc(), silent);
    if (!claimed.empty()) return Claimed{id, claimed.rows[0].integer(0)};
  }
  return std::nullopt;
}

void requeue_running(db::Connection& c) { c.query(kRequeueRunning); }

void progress(db::Connection& c, const Claimed& claim, const Counts& k) {
  if (c.query(kProgress, claim.id, k.processed, k.created, k.updated, k.unchanged, k.refused, timeutil::now_utc(), claim.token).affected ==
      0)
    throw ClaimLost(claim.id);
}

void finish(db::Connection& c, const Claimed& claim, const std::string& status, const Counts& k, const std::string& errors_json,
            const std::optional<std::string>& failed_rows_json, const std::string& message) {
  if (c.query(kFinish, claim.id, status, k.processed, k.created, k.updated, k.unchanged, k.refused, errors_json, failed_rows_json, message,
              timeutil::now_utc(), claim.token)
          .affected == 0)
    throw ClaimLost(claim.id);
}

std::optional<std::string> failed_rows(db::Connection& c, std::int64_t id) {
  const auto r = c.query(kFailedRows, id);
  return r.empty() ? std::nullopt : r.rows[0].opt_text(0);
}

std::optional<std::int64_t> record_of_key(db::Connection& c, const std::string& register_name, const std::string& key) {
  const auto r = c.query(kRecordOfKey, register_name, key);
  return r.empty() ? std::nullopt : std::optional<std::int64_t>(r.rows[0].integer(0));
}

bool any_key(db::Connection& c, const std::string& register_name) { return !c.query(kAnyKey, register_name).empty(); }

void insert_rows(db::Connection& c, std::int64_t batch, const std::string& register_name, const std::vector<WrittenRow>& rows) {
  // 96 parameters: under the connections' limit for a cached statement (db/sqlite_database.cpp), so
  // every full chunk reuses one prepared statement.
  constexpr std::size_t kPerStatement = 16;
  constexpr std::size_t kColumns = 6;
  const auto statement = [](std::size_t n) {
    std::string sql = "INSERT INTO import_rows (batch_id, row_number, register, row_key, record_id, outcome) VALUES ";
    for (std::size_t i = 0; i < n; ++i) {
      sql += i ? ", (" : "(";
      for (std::size_t k = 1; k <= kColumns; ++k) sql += (k > 1 ? ", $" : "$") + std::to_string(i * kColumns + k);
      sql += ")";
    }
    return sql;
  };
  const std::string full = statement(kPerStatement);
  std::vector<db::Value> params;
  params.reserve(kPerStatement * kColumns);
  for (std::size_t start = 0; start < rows.size(); start += kPerStatement) {
    const std::size_t end = std::min(rows.size(), start + kPerStatement);
    params.clear();
    for (std::size_t i = start; i < end; ++i) {
      params.insert(params.end(), {batch, rows[i].row_number, register_name, rows[i].key, rows[i].record_id, std::string(rows[i].outcome)});
    }
    c.execute(end - start == kPerStatement ? full : statement(end - start), params);
  }
}

std::vector<std::int64_t> created_records(db::Connection& c, std::int64_t batch) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.query(kCreatedRecords, batch).rows) out.push_back(r.integer(0));
  return out;
}

void forget_row(db::Connection& c, std::int64_t batch, std::int64_t record_id) { c.query(kForgetRow, batch, record_id); }

void mark_undone(db::Connection& c, std::int64_t batch, const std::string& kept_json) {
  c.query(kMarkUndone, batch, timeutil::now_utc(), kept_json);
}

std::optional<std::string> mapping(db::Connection& c, const std::string& username, const std::string& register_name) {
  const auto r = c.query(kMapping, username, register_name);
  return r.empty() ? std::nullopt : std::optional<std::string>(r.rows[0].text(0));
}

void save_mapping(db::Connection& c, const std::string& username, const std::string& register_name, const std::string& json) {
  c.query(kSaveMapping, username, register_name, json, timeutil::now_utc());
}

}  // namespace antq::imports::repo
