#include "modules/reports/synthetic.hpp"

#include <chrono>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/time.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::reports {

namespace {

constexpr const char* kTypes[] = {"campaign_launch", "propaganda", "listening_conference", "training", "leaflet_distribution",
                                  "festival", "signing", "review"};
constexpr const char* kForces[] = {"police", "front", "women_union", "youth_union", "farmers_union", "veterans_union"};
constexpr const char* kTopics[] = {"drugs", "crime", "social_evils", "fire", "traffic", "domestic_violence", "cyber_fraud", "loan_sharking"};
constexpr const char* kCategories[] = {"drugs", "theft", "gambling", "online_fraud", "traffic", "other"};
constexpr const char* kGroupKinds[] = {"self_managed", "patrol_team", "security_team", "channel"};
constexpr const char* kFields[] = {"security_order", "self_management", "camera", "traffic", "fire"};

// Deterministic choices from one generator.
struct Dice {
  std::mt19937_64 rng;
  std::int64_t below(std::int64_t n) { return std::uniform_int_distribution<std::int64_t>(0, n - 1)(rng); }
  template <std::size_t N>
  const char* of(const char* const (&a)[N]) { return a[below(N)]; }
};

// Inserts in transactions of `batch` rows: one commit per batch, not per row.
template <class Fn>
void in_batches(db::Database& db, std::int64_t n, std::int64_t batch, Fn&& row) {
  for (std::int64_t at = 0; at < n; at += batch) {
    db.write([&](db::Connection& c) {
      for (std::int64_t i = at; i < std::min(n, at + batch); ++i) row(c, i);
    });
  }
}

}  // namespace

SyntheticScale synthetic_scale(const std::string& name) {
  SyntheticScale s;
  if (name == "national") return s;
  const std::int64_t div = name == "province" ? 50 : name == "tiny" ? 2000 : 0;
  if (!div) throw std::invalid_argument("scale: national | province | tiny");
  s.villages_per_commune = name == "province" ? 10 : 2;
  for (auto* v : {&s.activities, &s.tips, &s.mediations, &s.people, &s.sessions, &s.groups, &s.models, &s.patrols}) *v = std::max<std::int64_t>(*v / div, 10);
  return s;
}

SyntheticReport seed_synthetic(db::Database& db, const SyntheticScale& scale, std::uint64_t seed) {
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  SyntheticReport rep;
  Dice dice{std::mt19937_64(seed)};
  const std::string today = timeutil::today_vietnam();
  const int span = scale.years * 365;
  auto day = [&] { return timeutil::add_days(today, -static_cast<int>(dice.below(span))); };
  const std::string now = timeutil::now_utc();

  // Villages under every active commune (codes "<commune>-S<n>", a synthetic dataset).
  std::vector<std::pair<std::int64_t, std::string>> communes;  // id, path
  db.read([&](db::Connection& c) {
    for (const auto& r : c.query("SELECT id, path, code, depth FROM units WHERE kind = 'commune' AND active = 1 ORDER BY id").rows) {
      communes.emplace_back(r.integer(0), r.text(1));
    }
  });
  if (communes.empty()) throw std::runtime_error("synthetic: no commune; run 'antq init --units vn-3tier' first");
  std::vector<std::int64_t> villages;
  for (std::size_t at = 0; at < communes.size(); at += 500) {
    db.write([&](db::Connection& c) {
      for (std::size_t k = at; k < std::min(communes.size(), at + 500); ++k) {
        const auto& [id, path] = communes[k];
        auto cu = units::repo::find_by_id(c, id);
        for (int v = 1; v <= scale.villages_per_commune; ++v) {
          const std::string n = std::to_string(v);
          villages.push_back(units::repo::insert(
              c, {cu->code + "-S" + n, "synthetic", "Thôn " + n, "Thôn " + n + ", " + cu->full_name, "village", "Thôn", id}, path, cu->depth));
        }
      }
    });
  }
  rep.villages = static_cast<std::int64_t>(villages.size());
  auto village = [&] { return villages[dice.below(static_cast<std::int64_t>(villages.size()))]; };
  const std::int64_t batch = 20'000;

  in_batches(db, scale.activities, batch, [&](db::Connection& c, std::int64_t i) {
    const char* type = dice.of(kTypes);
    const std::int64_t participants = dice.below(300);
    const std::int64_t quantity = std::string(type) == "leaflet_distribution" ? 100 + dice.below(2000) : 0;
    const auto id = c.query("INSERT INTO activities (unit_id, type, date, title, participants, quantity, created_by, created_at, updated_at) "
                            "VALUES ($1, $2, $3, $4, $5, $6, 'synthetic', $7, $7) RETURNING id",
                            village(), std::string(type), day(), "Hoạt động " + std::to_string(i), participants, quantity, now)
                        .rows[0]
                        .integer(0);
    const char* o1 = dice.of(kForces);
    c.query("INSERT INTO activities_codes (record_id, field, code) VALUES ($1, 'organizers', $2)", id, std::string(o1));
    if (dice.below(3) == 0) {
      const char* o2 = dice.of(kForces);
      if (std::string(o2) != o1) c.query("INSERT INTO activities_codes (record_id, field, code) VALUES ($1, 'organizers', $2)", id, std::string(o2));
    }
    if (dice.below(2) == 0) c.query("INSERT INTO activities_codes (record_id, field, code) VALUES ($1, 'audience', $2)", id, std::string(dice.of(kForces)));
    c.query("INSERT INTO activities_codes (record_id, field, code) VALUES ($1, 'topics', $2)", id, std::string(dice.of(kTopics)));
  });
  in_batches(db, scale.tips, batch, [&](db::Connection& c, std::int64_t i) {
    const std::string d = day();
    const std::string at = timeutil::add_days(d, -1) + "T" + (dice.below(2) ? "18" : "02") + ":30:00.000Z";
    const bool solved = dice.below(10) == 0;
    c.query("INSERT INTO tips (tracking_code, secret_hash, unit_id, category, channel, description, search_text, anonymous, status, "
            "received_at, settle_due_at, outcome_valid, cases_solved, suspects_arrested, wanted_caught, updated_at) "
            "VALUES ($1, 'x', $2, $3, 'phone', 'Tin báo tổng hợp', 'tin bao tong hop', 1, $4, $5, $5, $6, $7, $8, $9, $5)",
            "S" + std::to_string(i), village(), std::string(dice.of(kCategories)), std::string(solved ? "resolved" : "closed"), at,
            solved ? db::Value(std::int64_t{1}) : db::Value(nullptr), solved ? dice.below(3) : 0, solved ? dice.below(4) : 0,
            std::int64_t{dice.below(50) == 0 ? 1 : 0});
  });
  in_batches(db, scale.mediations, batch, [&](db::Connection& c, std::int64_t) {
    const char* outcomes[] = {"successful", "successful", "unsuccessful", "pending"};
    c.query("INSERT INTO mediations (unit_id, received_on, dispute_type, parties_count, outcome, created_by, created_at, updated_at) "
            "VALUES ($1, $2, 'neighbours', 2, $3, 'synthetic', $4, $4)",
            village(), day(), std::string(outcomes[dice.below(4)]), now);
  });
  std::vector<std::pair<std::int64_t, std::string>> people;
  in_batches(db, scale.people, batch, [&](db::Connection& c, std::int64_t) {
    const std::string start = day();
    const auto id = c.query("INSERT INTO reintegration_people (unit_id, category, name, name_hash, start_date, status, status_since, "
                            "created_by, created_at, updated_at) VALUES ($1, 'released_prisoner', 'sealed', 'h', $2, 'active', $2, "
                            "'synthetic', $3, $3) RETURNING id",
                            village(), start, now)
                        .rows[0]
                        .integer(0);
    c.query("INSERT INTO reintegration_status_changes (person_id, status, changed_on, changed_by, created_at) VALUES ($1, 'active', $2, 'synthetic', $3)",
            id, start, now);
    if (dice.below(4) == 0 && start < today) {
      c.query("INSERT INTO reintegration_status_changes (person_id, status, changed_on, changed_by, created_at) "
              "VALUES ($1, 'progressing', $2, 'synthetic', $3)",
              id, today, now);
    }
    people.emplace_back(id, start);
  });
  in_batches(db, scale.sessions, batch, [&](db::Connection& c, std::int64_t) {
    const auto& [id, start] = people[dice.below(static_cast<std::int64_t>(people.size()))];
    c.query("INSERT INTO reintegration_sessions (person_id, date, kind, created_by, created_at) VALUES ($1, $2, 'education', 'synthetic', $3)",
            id, std::max(start, day()), now);
  });
  in_batches(db, scale.groups, batch, [&](db::Connection& c, std::int64_t i) {
    const std::string kind = dice.of(kGroupKinds);
    if (kind == "security_team") return;  // one per village: kept out of random data
    const std::string start = day();
    c.query("INSERT INTO movement_groups (unit_id, kind, name, started_on, members_count, dissolved_on, created_by, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, 'synthetic', $7, $7)",
            village(), kind, "Nhóm " + std::to_string(i), start, 5 + dice.below(40),
            dice.below(5) == 0 ? db::Value(std::max(start, day())) : db::Value(nullptr), now);
  });
  in_batches(db, scale.models, batch, [&](db::Connection& c, std::int64_t i) {
    const std::string start = day();
    const auto unit = village();
    const auto id = c.query("INSERT INTO models (unit_id, name, kind, field, started_on, created_by, created_at, updated_at) "
                            "VALUES ($1, $2, $3, $4, $5, 'synthetic', $6, $6) RETURNING id",
                            unit, "Mô hình " + std::to_string(i), std::string(dice.below(3) ? "model" : "thematic"),
                            std::string(dice.of(kFields)), start, now)
                        .rows[0]
                        .integer(0);
    const auto other = village();
    if (other != unit) {
      c.query("INSERT INTO model_replications (model_id, unit_id, started_on, created_by, created_at) VALUES ($1, $2, $3, 'synthetic', $4)", id,
              other, std::max(start, day()), now);
    }
  });
  in_batches(db, scale.patrols, batch, [&](db::Connection& c, std::int64_t) {
    c.query("INSERT INTO patrols (unit_id, started_at, participants, incidents, created_by, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, 'synthetic', $5, $5)",
            village(), day() + "T13:00:00.000Z", 3 + dice.below(6), std::int64_t{dice.below(10) == 0 ? 1 : 0}, now);
  });
  rep.rows = scale.activities + scale.tips + scale.mediations + scale.people + scale.sessions + scale.groups + scale.models + scale.patrols;
  rep.seconds_data = std::chrono::duration<double>(clock::now() - started).count();
  // What the triggers logged is all in the rebuild.
  const auto rollup_started = clock::now();
  Rollups rollups(db);
  rollups.rebuild();
  rep.seconds_rollup = std::chrono::duration<double>(clock::now() - rollup_started).count();
  return rep;
}

}  // namespace antq::reports
