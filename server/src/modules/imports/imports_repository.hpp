#pragma once
// The importer's tables (migration 0024): batches, the rows each wrote, remembered column mappings.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"

namespace antq::imports {

struct Counts {
  std::int64_t rows = 0, processed = 0, created = 0, updated = 0, unchanged = 0, refused = 0;
};

struct Batch {
  std::int64_t id = 0;
  std::string register_name, username, principal, unit_path, file_name, format, stored_name;
  std::optional<std::string> sheet;
  std::string mapping, status;
  Counts counts;
  std::string errors, message;
  std::optional<std::string> undo_kept, created_at, started_at, finished_at, undone_at;
};

struct NewBatch {
  std::string register_name, username, principal, unit_path, file_name, format, stored_name;
  std::optional<std::string> sheet;
  std::string mapping;
  std::int64_t rows = 0;
};

namespace repo {

std::int64_t insert_batch(db::Connection& c, const NewBatch& b);
std::optional<Batch> find(db::Connection& c, std::int64_t id);
// The batches of a register (or all) whose importer's unit is inside `area`, newest first.
std::vector<Batch> list(db::Connection& c, const PathRange& area, const std::optional<std::string>& register_name, int limit);
bool any_queued(db::Connection& c);
// A claim of a batch: the batch, and the claim's number. A runner that goes silent (a paused
// instance) loses its batch to the next poll; its progress and finish then throw ClaimLost, which
// rolls back what it wrote with them, so each group of rows commits under one runner only.
struct Claimed {
  std::int64_t id = 0;
  std::int64_t token = 0;
};
struct ClaimLost : std::runtime_error {
  explicit ClaimLost(std::int64_t id);
};
// Claims the oldest queued batch of a unit none of whose imports is running (nullopt: none waiting):
// one import at a time per unit, the units' queues side by side.
std::optional<Claimed> claim_next(db::Connection& c);
void requeue_running(db::Connection& c);
void progress(db::Connection& c, const Claimed& claim, const Counts& k);
void finish(db::Connection& c, const Claimed& claim, const std::string& status, const Counts& k, const std::string& errors_json,
            const std::optional<std::string>& failed_rows_json, const std::string& message);
std::optional<std::string> failed_rows(db::Connection& c, std::int64_t id);

std::optional<std::int64_t> record_of_key(db::Connection& c, const std::string& register_name, const std::string& key);
// Whether any row of the register was imported before (none: no row of a file can be "unchanged").
bool any_key(db::Connection& c, const std::string& register_name);
struct WrittenRow {
  std::int64_t row_number = 0;
  std::string key;
  std::int64_t record_id = 0;
  const char* outcome = "created";
};
// The rows a group wrote, in multi-row statements.
void insert_rows(db::Connection& c, std::int64_t batch, const std::string& register_name, const std::vector<WrittenRow>& rows);
std::vector<std::int64_t> created_records(db::Connection& c, std::int64_t batch);
void forget_row(db::Connection& c, std::int64_t batch, std::int64_t record_id);
void mark_undone(db::Connection& c, std::int64_t batch, const std::string& kept_json);

std::optional<std::string> mapping(db::Connection& c, const std::string& username, const std::string& register_name);
void save_mapping(db::Connection& c, const std::string& username, const std::string& register_name, const std::string& json);

}  // namespace repo

}  // namespace antq::imports
