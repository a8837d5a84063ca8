#pragma once
// The full export (issue 14, part 3): every table of every module as CSV and as JSON Lines in one
// zip, with manifest.json (schema version, the tables, their columns and row counts, and the
// SHA-256 of every file). Sealed columns stay sealed as stored; with a keyring to decrypt with,
// personal data is opened (credentials never are: sealed_columns.hpp) and the export is audited
// as a reveal of everything. The tables are read in one read transaction: one snapshot.
#include <cstdint>
#include <string>

#include "core/keyring.hpp"
#include "db/database.hpp"

namespace antq::backup {

struct ExportOptions {
  // The data keys, when at hand: they sign the audit entry (and must be the ones that signed the
  // chain so far) and, with `decrypt`, open the sealed columns. Null: no audit entry, nothing opened.
  const crypto::Keyring* keys = nullptr;
  bool decrypt = false;
  // Who asked (a username, or "cli"), for the audit entry, and the request that asked.
  std::string actor = "cli";
  std::string request_id;
};

struct ExportReport {
  int tables = 0;
  std::int64_t rows = 0;
  std::int64_t opened = 0;  // sealed values opened (decrypted exports)
  std::uintmax_t bytes = 0;
  int schema_version = 0;
};

// Writes the zip to `out` (through `out`.part, renamed when complete: a failure leaves nothing).
// Refuses an existing `out`. Throws OperatorError when a sealed value does not open with the key.
// Without keys there is no audit entry: an export without the key cannot sign one, and it reveals
// nothing (what is sealed stays sealed).
ExportReport export_all(db::Database& db, const std::string& out, const ExportOptions& options);

// The name the zip is offered under: antq-du-lieu_toan-quoc_<YYYY-MM-DD>.zip.
std::string export_file_name();

}  // namespace antq::backup
