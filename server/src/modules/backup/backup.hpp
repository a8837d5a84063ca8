#pragma once
// `antq backup` and `antq restore` (issue 14, part 4). A backup is one file in the engine's own
// format: on SQLite a database file written by the online backup API (a consistent snapshot taken
// while the server keeps writing: WAL lets writers go on during the copy); on PostgreSQL a
// `pg_dump --format=custom` archive of the database named in the URL. The data key is never in
// it (the CLI writes it beside the backup only when asked). A restore goes into an EMPTY database
// of the same engine only, and refuses one that holds any table: it never merges or overwrites.
#include <cstdint>
#include <string>

namespace antq::backup {

struct BackupReport {
  std::string engine;  // "sqlite" | "postgresql"
  std::uintmax_t bytes = 0;
  double seconds = 0;
  int schema_version = 0;
};

// Writes `out` (through `out`.part, renamed when complete). Refuses an existing `out`.
BackupReport backup_database(const std::string& db_url, const std::string& out);

struct RestoreReport {
  std::string engine;
  int schema_version = 0;  // of the backup; the restored database is then migrated to this binary's
  double seconds = 0;
};

// Throws OperatorError (Vietnamese) for a missing or unreadable file, a file that is no ANTQ backup,
// a backup of the other engine or of a newer antq, and a target that is not empty.
RestoreReport restore_database(const std::string& from, const std::string& db_url);

// Engine-specific halves (sqlite_backup.cpp, postgres_backup.cpp).
void sqlite_backup(const std::string& path, const std::string& out_part);
void sqlite_restore(const std::string& from, const std::string& path);
void postgres_backup(const std::string& url, const std::string& out_part);
void postgres_restore(const std::string& from, const std::string& url);

// The path of a `sqlite:` URL, as db::open reads it; empty for another URL.
std::string sqlite_path(const std::string& url);

}  // namespace antq::backup
