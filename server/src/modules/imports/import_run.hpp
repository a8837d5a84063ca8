#pragma once
// One pass over a sheet's rows into a register: each row refused (with its cells' errors),
// unchanged (its key is known: the same row was imported before), updated (it names a record in
// scope by id) or created. Rows go in groups of 500 per transaction, each row behind a savepoint,
// so a refused row never stops the others and a dry run (every group rolled back) counts exactly
// what the run would do.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/imports/columns.hpp"
#include "modules/imports/import_target.hpp"
#include "modules/imports/imports_repository.hpp"
#include "modules/imports/row_reader.hpp"
#include "modules/imports/sheet.hpp"

namespace antq::imports {

struct RunResult {
  Counts counts;
  std::vector<CellError> errors;
  // The refused rows as they were, with their error, for the failed-rows file.
  struct Failed {
    std::size_t row;
    std::vector<std::string> cells;
    std::string error;
  };
  std::vector<Failed> failed;
};

struct RunTarget {
  const Target& target;
  const http::Principal& who;
  const crypto::Keyring& keys;        // row keys are keyed hashes: a row holds people's names
  std::optional<std::int64_t> batch;  // nullopt: a dry run, nothing is kept
};

// `progress` is called after each group is committed (not in a dry run).
RunResult run_rows(db::Database& db, const RunTarget& target, const Sheet& sheet, const std::vector<Column>& columns,
                   const Mapping& mapping, const std::function<void(db::Connection&, const Counts&)>& progress = {});

// The row's identity for "imported before": a keyed hash (the data key's, so the table of row keys
// cannot confirm a guess at a person's row) of the register, the unit (0 for a target without
// units: its parent is among the values) and the values as the API took them (so a CSV and an XLSX
// of the same rows agree).
// `hasher`: row_key_hasher(keys), made once per run.
crypto::Keyring::Hasher row_key_hasher(const crypto::Keyring& keys);
std::string row_key(const crypto::Keyring::Hasher& hasher, const std::string& register_name, std::int64_t unit_id,
                    const boost::json::object& body);
// The same under every key of the ring, the current one first (for finding earlier imports).
std::vector<std::string> row_keys(const crypto::Keyring::Hasher& hasher, const std::string& register_name, std::int64_t unit_id,
                                  const boost::json::object& body);

}  // namespace antq::imports
