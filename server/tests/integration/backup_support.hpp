#pragma once
// What the backup, restore and export tests share: the `antq` binary run as an operator runs it,
// a database seeded with every module's demo data, every table's rows read back for comparison,
// and the entries of a zip.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"

namespace antq::test {

struct CliRun {
  int code = -1;
  std::string out, err;
};

// Runs build/antq with `args`; `env` is set in the child only (ANTQ_DATA_KEY …), and the data
// key variables of the test's own environment are not passed on.
CliRun run_antq(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& env = {});

// Migrates and fills `db` with the small unit list and every module's demo data, sealed with `keys`.
void seed_everything(db::Database& db, const crypto::Keyring& keys);

// Every table's rows, each row as one line of its values (JSON), keyed by table name.
std::map<std::string, std::multiset<std::string>> all_rows(db::Database& db);

// The entries of a zip file: name → uncompressed bytes.
std::map<std::string, std::string> read_zip(const std::string& path);

std::string read_whole_file(const std::string& path);

}  // namespace antq::test
