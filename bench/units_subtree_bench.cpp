// Subtree queries on the unit tree at national scale: 3,355 official units plus 100,000 villages.
// Compares the materialised-path range scan the modules use with the naive recursive walk over
// parent links, in the same run on the same database. Usage: antq_bench_units [DB_URL]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "modules/units/unit.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_repository.hpp"

using namespace antq;
using clk = std::chrono::steady_clock;

namespace {

constexpr const char* kPathCount = "SELECT COUNT(*) FROM units WHERE path >= $1 AND path < $2";
constexpr const char* kRecursiveCount =
    "WITH RECURSIVE sub (id) AS (SELECT id FROM units WHERE id = $1 "
    "UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT COUNT(*) FROM sub";

template <class F>
double per_query_us(int reps, F&& f) {
  const auto start = clk::now();
  for (int i = 0; i < reps; ++i) f();
  return std::chrono::duration<double, std::micro>(clk::now() - start).count() / reps;
}

}  // namespace

int main(int argc, char** argv) {
  crypto::init();
  log::setup("warn");
  const auto dir = std::filesystem::temp_directory_path() / ("antq-bench-" + crypto::random_hex(4));
  std::filesystem::create_directories(dir);
  const std::string url = argc > 1 ? argv[1] : "sqlite:" + (dir / "units.db").string();
  auto db = db::open(url);
  db::migrate(*db);
  units::import_units(*db, *units::shipped_list("vn-2tier"), "vn-2tier");

  // 100,000 villages spread over the communes, as after every commune has entered its thôn.
  const auto fill_start = clk::now();
  int villages = 0;
  db->write([&](db::Connection& c) {
    auto communes = c.query("SELECT id, code, path, depth FROM units WHERE kind = 'commune' ORDER BY id");
    const std::size_t n = communes.rows.size();
    for (int i = 0; i < 100000; ++i) {
      const auto& row = communes.rows[static_cast<std::size_t>(i) % n];
      units::repo::NewUnit v{row.text(1) + "-" + std::to_string(i),
                             "local",
                             "Thôn " + std::to_string(i),
                             "Thôn " + std::to_string(i),
                             "village",
                             "Thôn",
                             row.integer(0)};
      units::repo::insert(c, v, row.text(2), static_cast<int>(row.integer(3)));
      ++villages;
    }
  });
  const double fill_s = std::chrono::duration<double>(clk::now() - fill_start).count();

  struct Target {
    const char* label;
    const char* code;
  };
  std::printf("units: %d villages added in %.1f s (%s)\n", villages, fill_s, std::string(db::engine_name(db->engine())).c_str());
  std::printf("%-28s %10s %14s %16s %8s\n", "subtree", "units", "path range us", "recursive CTE us", "ratio");
  for (const Target t :
       {Target{"Xã Sơn Tịnh (commune)", "21220"}, Target{"Quảng Ngãi (province)", "51"}, Target{"Hà Nội (province)", "01"}}) {
    std::int64_t id = 0, n_path = 0, n_rec = 0;
    std::string path;
    db->read([&](db::Connection& c) {
      auto u = units::repo::find_active(c, t.code);
      id = u->id;
      path = u->path;
    });
    const auto range = units::subtree_range(path);
    const int reps = 200;
    const double path_us = per_query_us(
        reps, [&] { db->read([&](db::Connection& c) { n_path = c.query(kPathCount, range.lo, range.hi).rows[0].integer(0); }); });
    const double rec_us =
        per_query_us(reps, [&] { db->read([&](db::Connection& c) { n_rec = c.query(kRecursiveCount, id).rows[0].integer(0); }); });
    if (n_path != n_rec) {
      std::fprintf(stderr, "mismatch for %s: %lld vs %lld\n", t.code, static_cast<long long>(n_path), static_cast<long long>(n_rec));
      return 1;
    }
    std::printf("%-28s %10lld %14.1f %16.1f %7.1fx\n", t.label, static_cast<long long>(n_path), path_us, rec_us, rec_us / path_us);
  }
  db.reset();
  std::filesystem::remove_all(dir);
  return 0;
}
