#include "modules/demo/history_demo.hpp"

#include "modules/demo/history.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::demo {

namespace history {

HistoryReport History::run() {
  rep_.from = ymd(kFirstYear, 1, 1);
  rep_.to = today_;
  // Records with rules first, through the services; then the bulk rows, which take their ids
  // ahead of the INSERTs (no service may insert into those tables meanwhile).
  for (const auto& c : communes_) programs_of(c);
  if (district_) district_programs();
  for (const auto& c : communes_) groups_of(c);
  for (std::size_t i = 0; i < communes_.size(); ++i) models_of(communes_[i], static_cast<int>(i));
  for (const auto& c : communes_) people_of(c);
  for (const auto& c : communes_) hotspot_of(c);
  for (const auto& c : communes_) pledges_of(c);
  for (const auto& c : communes_) awards_of(c);
  for (const auto& c : communes_) evaluations_of(c);
  tx_.write([&](db::Connection& c) {
    IdSource ids(c);
    bulk_activities(c, ids);
    bulk_patrols(c, ids);
    bulk_mediations(c, ids);
    bulk_sessions(c);
    bulk_tips(c, ids);
    bulk_members(c);
    bulk_replications(c);
  });
  return rep_;
}

Place place_of(const units::Unit& u) { return {u.id, u.code, u.name, u.full_name, u.kind, u.subkind}; }

}  // namespace history

using history::Commune;
using history::History;
using history::Place;
using history::place_of;

std::int64_t HistoryReport::total() const {
  return activities + opinions + tips + mediations + patrols + people + sessions + groups + members + models + replications + programs +
         pledges + awards + hotspots + registrations + evaluations;
}

HistoryReport write_history(db::Database& tx, const crypto::Keyring& keys, const audit::AuditLog& audit, const units::LiveDemo& live) {
  std::optional<Place> district;
  std::vector<Commune> communes;
  std::string province, area;
  tx.read([&](db::Connection& c) {
    for (const auto& lc : live.communes) {
      if (!lc.area->history) continue;
      auto unit = units::repo::find_by_id(c, lc.id);
      if (!unit) continue;
      Commune commune{place_of(*unit), {}, {}};
      for (const auto& local : lc.commune->locals) {
        auto u = units::repo::find_active(c, local.code);
        if (!u) continue;
        (u->kind == "village" ? commune.villages : commune.establishments).push_back(place_of(*u));
      }
      if (commune.villages.empty()) continue;
      if (province.empty()) {
        for (const auto& a : units::repo::ancestors(c, *unit))
          if (a.kind == "province") province = a.full_name;
      }
      if (!district && *lc.area->district_code) {
        if (auto d = units::repo::find_active(c, lc.area->district_code)) district = place_of(*d);
      }
      communes.push_back(std::move(commune));
    }
  });
  if (communes.empty()) return {};
  area = district ? district->full_name : communes.front().unit.full_name;
  History h(tx, keys, audit, std::move(district), std::move(communes), province);
  auto rep = h.run();
  rep.area = area;
  return rep;
}

}  // namespace antq::demo
