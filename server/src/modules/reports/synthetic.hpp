#pragma once
// `antq seed synthetic --scale national --seed N`: deterministic, realistic national data for the
// benchmarks — villages under every commune, ten years of activities, tips, mediations, people
// helped and their sessions, groups, models and patrols — written in large transactions, then the
// rollup is derived once. The same seed gives the same data.
#include <cstdint>
#include <string>

#include "db/database.hpp"

namespace antq::reports {

struct SyntheticScale {
  int villages_per_commune = 10;
  std::int64_t activities = 10'000'000;
  std::int64_t tips = 1'000'000;
  std::int64_t mediations = 300'000;
  std::int64_t people = 100'000;
  std::int64_t sessions = 1'000'000;
  std::int64_t groups = 150'000;
  std::int64_t models = 20'000;
  std::int64_t patrols = 500'000;
  int years = 10;
};

// "national" (the figures above), "province" (1/50) or "tiny" (1/2000, for tests).
SyntheticScale synthetic_scale(const std::string& name);

struct SyntheticReport {
  std::int64_t villages = 0, rows = 0;
  double seconds_data = 0, seconds_rollup = 0;
};

SyntheticReport seed_synthetic(db::Database& db, const SyntheticScale& scale, std::uint64_t seed);

}  // namespace antq::reports
