#pragma once
// PostgreSQL's own tools (pg_dump, pg_restore) run as child processes: found the way
// scripts/with-postgres.sh finds the server's binaries, given the database without its password on
// the command line (other users see a process's arguments), and their output captured.
#include <string>
#include <vector>

namespace antq::backup {

struct ToolResult {
  int exit_code = -1;
  std::string out, err;
};

// ANTQ_PG_BINDIR, else the newest /usr/lib/postgresql/<major>/bin holding `name`, else `name` on PATH.
std::string pg_tool(const std::string& name);

// Runs `program` with `args` (no shell); `password` (may be empty) goes in PGPASSWORD.
ToolResult run_tool(const std::string& program, const std::vector<std::string>& args, const std::string& password);

// A libpq URL as a conninfo string without the password, and the password apart.
struct PgTarget {
  std::string conninfo;
  std::string password;
};
PgTarget pg_target(const std::string& url);

// The last non-empty line of a tool's error output (what it says went wrong).
std::string last_line(const std::string& text);

}  // namespace antq::backup
