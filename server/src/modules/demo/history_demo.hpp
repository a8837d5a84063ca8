#pragma once
// Several years (from 2021 to today) of one district's records for `antq seed demo`, so that the
// dashboard, the comparison with last year and the report's narrative have something true to
// say: activities of every type with real topics and forces, groups with Zalo channels, patrols,
// mediations, tips with their outcomes, people helped with their sessions, models and their
// replications, programs, pledges, awards and the yearly evaluations.
//
// Deterministic: one fixed seed, so two databases seeded on the same day hold the same records.
// The few records per year that carry rules (programs, groups, models, people, hotspots, pledges,
// awards, evaluations) go through the modules' services; the many (activities, opinions, patrols,
// mediations, sessions, tips) are written many rows a statement. Runs inside the caller's one
// transaction (OneTransaction).
#include <cstdint>
#include <string>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/units_demo.hpp"

namespace antq::demo {

struct HistoryReport {
  std::string area;  // e.g. "Huyện Sơn Tịnh" or "Xã Sơn Tịnh" ("" when the area is not loaded)
  std::string from, to;
  std::int64_t activities = 0, opinions = 0, tips = 0, mediations = 0, patrols = 0, people = 0, sessions = 0, groups = 0, members = 0,
               models = 0, replications = 0, programs = 0, pledges = 0, awards = 0, hotspots = 0, registrations = 0, evaluations = 0;
  std::int64_t total() const;
};

// `tx` is the seed's OneTransaction. Writes nothing when the live list has no history area.
HistoryReport write_history(db::Database& tx, const crypto::Keyring& keys, const audit::AuditLog& audit, const units::LiveDemo& live);

}  // namespace antq::demo
