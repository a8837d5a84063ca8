// CSV (core/csv.cpp, RFC 4180) and its one reader today, the unit-list import
// (modules/units/units_dataset.cpp, `antq import units`): csv::parse and csv::column on any
// bytes, a round trip through a quoting writer, and import_units into a scratch SQLite database.
// Input: the unit list; after a line "----", the optional successions CSV.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "modules/units/units_dataset.hpp"
#include "support.hpp"

using namespace antq;

namespace {

db::Database& database() {
  static std::unique_ptr<db::Database> db = [] {
    auto d = db::open("sqlite:" + (fuzz::scratch_dir() / "units.db").string());
    db::migrate(*d);
    return d;
  }();
  return *db;
}

// RFC 4180 with every field quoted: what csv::parse reads back must be the same fields.
std::string write_csv(const std::vector<csv::Record>& records) {
  std::string out;
  for (const auto& r : records) {
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
      if (i) out.push_back(',');
      out.push_back('"');
      for (char c : r.fields[i]) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
      }
      out.push_back('"');
    }
    out += "\r\n";
  }
  return out;
}

void check_round_trip(const std::vector<csv::Record>& records, std::string_view input) {
  std::size_t last_line = 0;
  for (const auto& r : records) {
    if (r.line <= last_line) fuzz::finding("record lines not increasing", input);
    last_line = r.line;
    if (r.fields.empty()) fuzz::finding("record without fields", input);
  }
  std::vector<csv::Record> again;
  try {
    again = csv::parse(write_csv(records));
  } catch (const std::exception& e) {
    fuzz::finding(std::string("re-reading written CSV failed: ") + e.what(), input);
  }
  // A record that is one empty field is a blank line to the reader: the writer's "" is skipped.
  std::size_t j = 0;
  for (const auto& r : records) {
    if (r.fields.size() == 1 && r.fields[0].empty()) continue;
    if (j >= again.size() || again[j].fields != r.fields) fuzz::finding("CSV round trip changed a record", input);
    ++j;
  }
  if (j != again.size()) fuzz::finding("CSV round trip changed the record count", input);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::quiet_logs();
  (void)database();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<csv::Record> records;
  try {
    records = csv::parse(input);
  } catch (const ApiError& e) {
    if (e.status() != 400) fuzz::finding("csv::parse: not a 400", input);
  } catch (const std::exception& e) {
    fuzz::finding(std::string("csv::parse: ") + e.what(), input);
  }
  check_round_trip(records, input);
  if (!records.empty()) {
    for (const auto& f : records[0].fields) {
      const auto c = csv::column(records[0], f);
      if (!c || records[0].fields[*c] != f) fuzz::finding("csv::column missed a header", input);
    }
  }

  std::string_view list = input;
  std::optional<std::string_view> successions;
  if (const auto sep = input.find("\n----\n"); sep != std::string_view::npos) {
    list = input.substr(0, sep + 1);
    successions = input.substr(sep + 6);
  }
  ANTQ_FUZZ_CLIENT_ERROR_OK((void)units::import_units(database(), list, "fuzz", successions), input);
  return 0;
}
