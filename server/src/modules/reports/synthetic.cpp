#include "modules/reports/synthetic.hpp"

#include <chrono>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/time.hpp"
#include "db/bulk_insert.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::reports {

namespace {

constexpr const char* kTypes[] = {"campaign_launch", "propaganda", "listening_conference", "training", "leaflet_distribution", "festival",
                                  "signing",         "review"};
constexpr const char* kForces[] = {"police", "front", "women_union", "youth_union", "farmers_union", "veterans_union"};
constexpr const char* kTopics[] = {"drugs",       "crime",        "social_evils", "fire", "traffic", "domestic_violence",
                                   "cyber_fraud", "loan_sharking"};
constexpr const char* kCategories[] = {"drugs", "theft", "gambling", "online_fraud", "traffic", "other"};
constexpr const char* kGroupKinds[] = {"self_managed", "patrol_team", "security_team", "channel"};
constexpr const char* kFields[] = {"security_order", "self_management", "camera", "traffic", "fire"};

// Deterministic choices from one generator.
struct Dice {
  std::mt19937_64 rng;
  std::int64_t below(std::int64_t n) { return std::uniform_int_distribution<std::int64_t>(0, n - 1)(rng); }
  template <std::size_t N>
  const char* of(const char* const (&a)[N]) {
    return a[below(N)];
  }
};

// Multi-row INSERTs (db/bulk_insert.hpp). Rows referring to another table's rows name that table's
// Bulk as `parent`, which is written first. Call flush() at the end.
using Bulk = db::BulkInsert;

// The rollup's change log is switched off during the load: the rollup is derived once at the end.
class TriggersOff {
 public:
  explicit TriggersOff(db::Database& db) : db_(db) {
    db_.write([&](db::Connection& c) {
      if (c.engine() == db::Engine::sqlite) {
        for (const auto& r : c.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'").rows) {
          saved_.push_back(r.text(1));
          c.execute_script("DROP TRIGGER " + r.text(0));
        }
      } else {
        for (const auto& r :
             c.query("SELECT DISTINCT event_object_table FROM information_schema.triggers WHERE trigger_name LIKE 'rollup_%'").rows) {
          tables_.push_back(r.text(0));
          c.execute_script("ALTER TABLE " + r.text(0) + " DISABLE TRIGGER USER");
        }
      }
    });
  }
  ~TriggersOff() {
    try {
      db_.write([&](db::Connection& c) {
        for (const auto& sql : saved_) c.execute_script(sql);
        for (const auto& t : tables_) c.execute_script("ALTER TABLE " + t + " ENABLE TRIGGER USER");
      });
    } catch (const std::exception& e) {
      // The synthetic database is then unusable for writes that reports must see: say so loudly.
      std::fprintf(stderr, "synthetic: could not restore the rollup triggers: %s\n", e.what());
    }
  }

 private:
  db::Database& db_;
  std::vector<std::string> saved_, tables_;
};

std::int64_t next_id(db::Database& db, const char* table) {
  return db.read_value([&](db::Connection& c) {
    auto r = c.query(std::string("SELECT MAX(id) FROM ") + table);
    return (r.rows.empty() || r.rows[0].is_null(0) ? 0 : r.rows[0].integer(0)) + 1;
  });
}

// Inserts in transactions of `batch` rows: one commit per batch, not per row.
template <class Fn>
void in_batches(db::Database& db, std::int64_t n, std::int64_t batch, Fn&& fill) {
  for (std::int64_t at = 0; at < n; at += batch) {
    db.write([&](db::Connection& c) { fill(c, at, std::min(n, at + batch)); });
  }
}

// What every table's writer shares: one generator (the order of the tables is the order of the
// dice), the villages the records go to, and the people the sessions are for.
struct Synthetic {
  db::Database& db;
  const SyntheticScale& scale;
  Dice dice;
  const std::string today = timeutil::today_vietnam();
  const int span = scale.years * 365;
  const std::string now = timeutil::now_utc();
  static constexpr std::int64_t batch = 50'000;
  std::vector<std::int64_t> villages;
  std::vector<std::pair<std::int64_t, std::string>> people;  // id, start

  std::string day() { return timeutil::add_days(today, -static_cast<int>(dice.below(span))); }
  std::int64_t village() { return villages[dice.below(static_cast<std::int64_t>(villages.size()))]; }

  // Villages under every active commune (codes "<commune>-S<n>", a synthetic dataset).
  void add_villages() {
    std::vector<std::pair<std::int64_t, std::string>> communes;  // id, path
    db.read([&](db::Connection& c) {
      for (const auto& r : c.query("SELECT id, path, code, depth FROM units WHERE kind = 'commune' AND active = 1 ORDER BY id").rows) {
        communes.emplace_back(r.integer(0), r.text(1));
      }
    });
    if (communes.empty()) throw std::runtime_error("synthetic: no commune; run 'antq init --units vn-3tier' first");
    for (std::size_t at = 0; at < communes.size(); at += 500) {
      db.write([&](db::Connection& c) {
        for (std::size_t k = at; k < std::min(communes.size(), at + 500); ++k) {
          const auto& [id, path] = communes[k];
          auto cu = units::repo::find_by_id(c, id);
          for (int v = 1; v <= scale.villages_per_commune; ++v) {
            const std::string n = std::to_string(v);
            villages.push_back(units::repo::insert(
                c, {cu->code + "-S" + n, "synthetic", "Thôn " + n, "Thôn " + n + ", " + cu->full_name, "village", "Thôn", id}, path,
                cu->depth));
          }
        }
      });
    }
  }

  // Activities with their organisers, audiences and topics.
  void activities() {
    std::int64_t activity_id = next_id(db, "activities");
    in_batches(db, scale.activities, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(c, "INSERT INTO activities (id, unit_id, type, date, title, participants, quantity, created_by, created_at, updated_at)");
      Bulk codes(c, "INSERT INTO activities_codes (record_id, field, code)", &rows);
      for (std::int64_t i = from; i < to; ++i) {
        const std::int64_t id = activity_id++;
        const std::string type = dice.of(kTypes);
        const std::int64_t participants = dice.below(300);
        const std::int64_t quantity = type == "leaflet_distribution" ? 100 + dice.below(2000) : 0;
        rows.add(
            {id, village(), type, day(), "Hoạt động " + std::to_string(i), participants, quantity, std::string("synthetic"), now, now});
        const std::string o1 = dice.of(kForces);
        codes.add({id, std::string("organizers"), o1});
        if (dice.below(3) == 0) {
          const std::string o2 = dice.of(kForces);
          if (o2 != o1) codes.add({id, std::string("organizers"), o2});
        }
        if (dice.below(2) == 0) codes.add({id, std::string("audience"), std::string(dice.of(kForces))});
        codes.add({id, std::string("topics"), std::string(dice.of(kTopics))});
      }
      codes.flush();
    });
  }

  // Tips, a tenth of them solved.
  void tips() {
    in_batches(db, scale.tips, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(c,
                "INSERT INTO tips (tracking_code, secret_hash, unit_id, category, channel, description, search_text, anonymous, status, "
                "received_at, settle_due_at, outcome_valid, cases_solved, suspects_arrested, wanted_caught, updated_at)");
      for (std::int64_t i = from; i < to; ++i) {
        const std::string d = day();
        const std::string at = timeutil::add_days(d, -1) + "T" + (dice.below(2) ? "18" : "02") + ":30:00.000Z";
        const bool solved = dice.below(10) == 0;
        rows.add({"S" + std::to_string(i), std::string("x"), village(), std::string(dice.of(kCategories)), std::string("phone"),
                  std::string("Tin báo tổng hợp"), std::string("tin bao tong hop"), std::int64_t{1},
                  std::string(solved ? "resolved" : "closed"), at, at, solved ? db::Value(std::int64_t{1}) : db::Value(nullptr),
                  solved ? dice.below(3) : 0, solved ? dice.below(4) : 0, std::int64_t{dice.below(50) == 0 ? 1 : 0}, at});
      }
      rows.flush();
    });
  }

  // Mediations with their outcomes.
  void mediations() {
    in_batches(db, scale.mediations, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(c,
                "INSERT INTO mediations (unit_id, received_on, dispute_type, parties_count, outcome, created_by, created_at, updated_at)");
      const char* outcomes[] = {"successful", "successful", "unsuccessful", "pending"};
      for (std::int64_t i = from; i < to; ++i) {
        rows.add({village(), day(), std::string("neighbours"), std::int64_t{2}, std::string(outcomes[dice.below(4)]),
                  std::string("synthetic"), now, now});
      }
      rows.flush();
    });
  }

  // People helped and their status changes.
  void add_people() {
    std::int64_t person_id = next_id(db, "reintegration_people");
    in_batches(db, scale.people, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(c,
                "INSERT INTO reintegration_people (id, unit_id, category, name, name_hash, start_date, status, status_since, created_by, "
                "created_at, updated_at)");
      Bulk changes(c, "INSERT INTO reintegration_status_changes (person_id, status, changed_on, changed_by, created_at)", &rows);
      for (std::int64_t i = from; i < to; ++i) {
        const std::int64_t id = person_id++;
        const std::string start = day();
        const bool progressed = dice.below(4) == 0 && start < today;
        rows.add({id, village(), std::string("released_prisoner"), std::string("sealed"), std::string("h"), start,
                  std::string(progressed ? "progressing" : "active"), progressed ? today : start, std::string("synthetic"), now, now});
        changes.add({id, std::string("active"), start, std::string("synthetic"), now});
        if (progressed) changes.add({id, std::string("progressing"), today, std::string("synthetic"), now});
        people.emplace_back(id, start);
      }
      changes.flush();
    });
  }

  // Sessions of the people helped.
  void sessions() {
    in_batches(db, scale.sessions, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(c, "INSERT INTO reintegration_sessions (person_id, date, kind, created_by, created_at)");
      for (std::int64_t i = from; i < to; ++i) {
        const auto& [id, start] = people[dice.below(static_cast<std::int64_t>(people.size()))];
        rows.add({id, std::max(start, day()), std::string("education"), std::string("synthetic"), now});
      }
      rows.flush();
    });
  }

  // Groups, some dissolved.
  void groups() {
    in_batches(db, scale.groups, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(
          c,
          "INSERT INTO movement_groups (unit_id, kind, name, started_on, members_count, dissolved_on, created_by, created_at, updated_at)");
      for (std::int64_t i = from; i < to; ++i) {
        const std::string kind = dice.of(kGroupKinds);
        if (kind == "security_team") continue;  // one per village: kept out of random data
        const std::string start = day();
        rows.add({village(), kind, "Nhóm " + std::to_string(i), start, 5 + dice.below(40),
                  dice.below(5) == 0 ? db::Value(std::max(start, day())) : db::Value(nullptr), std::string("synthetic"), now, now});
      }
      rows.flush();
    });
  }

  // Models and their replications.
  void models() {
    std::int64_t model_id = next_id(db, "models");
    in_batches(db, scale.models, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(c, "INSERT INTO models (id, unit_id, name, kind, field, started_on, ended_on, created_by, created_at, updated_at)");
      Bulk reps(c, "INSERT INTO model_replications (model_id, unit_id, started_on, created_by, created_at)", &rows);
      for (std::int64_t i = from; i < to; ++i) {
        const std::int64_t id = model_id++;
        const std::string start = day();
        const auto unit = village();
        // one in four has ended: a figure of models in force must take away those that ended
        rows.add({id, unit, "Mô hình " + std::to_string(i), std::string(dice.below(3) ? "model" : "thematic"),
                  std::string(dice.of(kFields)), start, dice.below(4) == 0 ? db::Value(std::max(start, day())) : db::Value(nullptr),
                  std::string("synthetic"), now, now});
        const auto other = village();
        if (other != unit) reps.add({id, other, std::max(start, day()), std::string("synthetic"), now});
      }
      reps.flush();
    });
  }

  // Patrols.
  void patrols() {
    in_batches(db, scale.patrols, batch, [&](db::Connection& c, std::int64_t from, std::int64_t to) {
      Bulk rows(c, "INSERT INTO patrols (unit_id, started_at, participants, incidents, created_by, created_at, updated_at)");
      for (std::int64_t i = from; i < to; ++i) {
        rows.add({village(), day() + "T13:00:00.000Z", 3 + dice.below(6), std::int64_t{dice.below(10) == 0 ? 1 : 0},
                  std::string("synthetic"), now, now});
      }
      rows.flush();
    });
  }
};

}  // namespace

SyntheticScale synthetic_scale(const std::string& name) {
  SyntheticScale s;
  if (name == "national") return s;
  const std::int64_t div = name == "province" ? 50 : name == "tiny" ? 2000 : 0;
  if (!div) throw std::invalid_argument("scale: national | province | tiny");
  s.villages_per_commune = name == "province" ? 10 : 2;
  for (auto* v : {&s.activities, &s.tips, &s.mediations, &s.people, &s.sessions, &s.groups, &s.models, &s.patrols})
    *v = std::max<std::int64_t>(*v / div, 10);
  return s;
}

SyntheticReport seed_synthetic(db::Database& db, const SyntheticScale& scale, std::uint64_t seed) {
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  SyntheticReport rep;
  Synthetic s{db, scale, Dice{std::mt19937_64(seed)}};
  s.add_villages();
  rep.villages = static_cast<std::int64_t>(s.villages.size());
  TriggersOff quiet(db);
  s.activities();
  s.tips();
  s.mediations();
  s.add_people();
  s.sessions();
  s.groups();
  s.models();
  s.patrols();
  rep.rows = scale.activities + scale.tips + scale.mediations + scale.people + scale.sessions + scale.groups + scale.models + scale.patrols;
  rep.seconds_data = std::chrono::duration<double>(clock::now() - started).count();
  // The rollup from everything just written (the change log was off).
  const auto rollup_started = clock::now();
  Rollups rollups(db);
  rollups.rebuild();
  rep.seconds_rollup = std::chrono::duration<double>(clock::now() - rollup_started).count();
  return rep;
}

}  // namespace antq::reports
