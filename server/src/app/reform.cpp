#include "app/reform.hpp"

#include <map>

#include "modules/accounts/accounts_repository.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::app {

namespace {

int move_accounts(db::Connection& c, const audit::AuditLog& audit, const std::string& date, const std::string& actor,
                  const std::vector<units::UnitMove>& moves) {
  std::map<std::int64_t, std::int64_t> to_of;
  for (const auto& m : moves) to_of[m.from] = m.to;
  int moved = 0;
  for (const auto& [username, unit_id] : accounts::repo::homes(c)) {
    auto it = to_of.find(unit_id);
    if (it == to_of.end()) continue;
    const auto from = units::repo::find_by_id(c, unit_id);
    const auto to = units::repo::find_by_id(c, it->second);
    if (!from || !to) continue;
    accounts::repo::set_home_unit(c, username, to->id);
    // The entry belongs to the new area (its officers read it); it names both units.
    audit.record(c, {actor, "user.unit_moved", "user", username, to->path, to->code, "", "",
                     "{\"reform\":\"" + date + "\",\"from\":\"" + from->code + "\",\"from_dataset\":\"" + from->dataset + "\",\"to\":\"" +
                         to->code + "\"}"});
    ++moved;
  }
  return moved;
}

}  // namespace

units::ReformReport run_reform(db::Database& db, const audit::AuditLog& audit, const std::string& date, const std::string& actor) {
  return units::reform_units(db, date, [&](db::Connection& c, const std::vector<units::UnitMove>& moves, units::ReformReport& report) {
    report.accounts_moved = move_accounts(c, audit, date, actor, moves);
    reports::request_rebuild(c);
    audit.record(c, {actor, "units.reform", "", "", "", "", "", "",
                     "{\"reform\":\"" + date + "\",\"whole\":" + std::to_string(report.whole) + ",\"same\":" + std::to_string(report.same) +
                         ",\"split\":" + std::to_string(report.split) + ",\"queued\":" + std::to_string(report.queued) +
                         ",\"accounts_moved\":" + std::to_string(report.accounts_moved) + "}"});
  });
}

}  // namespace antq::app
