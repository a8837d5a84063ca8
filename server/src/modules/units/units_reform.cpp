#include "modules/units/units_reform.hpp"

#include <map>
#include <set>
#include <string>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/resources.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/units/units_reform.sql.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::units {

namespace {

using namespace antq::sql::units::units_reform;  // the statements: units_reform.sql

constexpr std::string_view kOldDataset = "vn-3tier";
constexpr std::string_view kNewDataset = "vn-2tier";
constexpr std::string_view kTableFile = "data/units/vn_admin_old_to_new_2025-07-01.csv";

struct Successor {
  std::string new_code, relation, note;
};
using Tally = std::map<std::string, std::map<std::string, int>>;  // old code → new province code → rows

// The state's old → new table, grouped the ways the reform reads it.
struct Table {
  std::map<std::string, std::vector<Successor>> communes;  // old commune code → its rows
  std::map<std::string, Successor> special_zones;          // old island district → its Đặc khu
  Tally of_commune, of_district, of_province;
};

Table read_table(std::string_view text) {
  const auto recs = csv::parse(text);
  if (recs.empty()) throw BadRequest("Bảng chuyển đổi đơn vị hành chính trống.");
  const auto& h = recs[0];
  const auto c_old = csv::column(h, "old_code"), c_dist = csv::column(h, "old_district_code"), c_prov = csv::column(h, "old_province_code"),
             c_new = csv::column(h, "new_code"), c_newprov = csv::column(h, "new_province_code"), c_rel = csv::column(h, "relation"),
             c_note = csv::column(h, "note");
  if (!c_old || !c_dist || !c_prov || !c_new || !c_newprov || !c_rel || !c_note) {
    throw BadRequest("Bảng chuyển đổi đơn vị hành chính thiếu cột.");
  }
  Table t;
  for (std::size_t i = 1; i < recs.size(); ++i) {
    const auto& f = recs[i].fields;
    auto at = [&](std::optional<std::size_t> col) { return *col < f.size() ? text::trim(f[*col]) : std::string(); };
    const std::string old_code = at(c_old), district = at(c_dist), province = at(c_prov), new_province = at(c_newprov);
    Successor s{at(c_new), at(c_rel), at(c_note)};
    t.of_district[district][new_province]++;
    t.of_province[province][new_province]++;
    if (s.relation == "district_whole") {
      t.special_zones[district] = s;
    } else if (!old_code.empty()) {
      t.of_commune[old_code][new_province]++;
      t.communes[old_code].push_back(std::move(s));
    }
  }
  return t;
}

// The new province that took most of an old unit's rows (ties: the smaller code).
std::optional<std::string> majority(const Tally& tally, const std::string& code) {
  auto it = tally.find(code);
  if (it == tally.end() || it->second.empty()) return std::nullopt;
  const std::pair<const std::string, int>* best = nullptr;
  for (const auto& kv : it->second)
    if (!best || kv.second > best->second) best = &kv;
  return best->first;
}

struct OldUnit {
  std::int64_t id;
  std::string code, kind, parent_code;
};

class Reform {
 public:
  Reform(db::Connection& c, std::string date, const Table& t) : c_(c), date_(std::move(date)), t_(t), now_(timeutil::now_utc()) {
    for (const auto& r : c_.query(kDatasetUnits, std::string(kNewDataset)).rows) new_ids_[r.text(1)] = r.integer(0);
    for (const auto& r : c_.query(kDatasetUnits, std::string(kOldDataset)).rows) {
      old_.push_back({r.integer(0), r.text(1), r.text(2), r.opt_text(3).value_or("")});
    }
    for (const auto& r : c_.query(kLocalUnderDataset, std::string(kOldDataset)).rows) locals_[r.integer(1)].push_back(r.integer(0));
  }

  std::vector<UnitMove> run(ReformReport& rep) {
    for (const auto& u : old_) {
      if (u.kind == "commune") commune(u, rep);
    }
    for (const auto& u : old_) {
      if (u.kind == "district") district(u, rep);
      if (u.kind == "province") province(u, rep);
    }
    return moves_;
  }

 private:
  std::int64_t new_id(const std::string& code) {
    auto it = new_ids_.find(code);
    if (it == new_ids_.end()) {
      throw BadRequest("Bảng chuyển đổi nhắc tới đơn vị mới '" + code + "' không có trong danh mục 2 cấp hiện hành.");
    }
    return it->second;
  }

  void retire_into(const OldUnit& u, std::int64_t to) {
    c_.query(kRetireInto, u.id, to, date_, now_);
    moves_.push_back({u.id, to});
  }

  // Villages and establishments directly under `u` go to `to` (their own units follow in the
  // paths); `queue_from` set: each also waits in the review queue.
  int move_locals(const OldUnit& u, std::int64_t to, std::optional<std::int64_t> queue_province) {
    auto it = locals_.find(u.id);
    if (it == locals_.end()) return 0;
    for (auto local : it->second) {
      c_.query(kMoveUnder, local, to, now_);
      if (queue_province) c_.query(kQueue, date_, local, u.id, *queue_province, now_);
    }
    return static_cast<int>(it->second.size());
  }

  std::int64_t province_of(const OldUnit& u) {
    if (auto p = majority(t_.of_commune, u.code)) return new_id(*p);
    if (auto p = majority(t_.of_district, u.parent_code)) return new_id(*p);
    throw BadRequest("Không xác định được tỉnh mới của xã '" + u.code + "'.");
  }

  void commune(const OldUnit& u, ReformReport& rep) {
    std::set<std::int64_t> successors;
    bool all_same = true;
    auto rows = t_.communes.find(u.code);
    if (rows != t_.communes.end()) {
      for (const auto& s : rows->second) {
        const auto to = new_id(s.new_code);
        c_.query(kInsertLineage, date_, u.id, to, s.relation, s.note);
        successors.insert(to);
        all_same = all_same && s.relation == "same";
      }
    }
    if (successors.size() == 1) {
      retire_into(u, *successors.begin());
      rep.local_moved += move_locals(u, *successors.begin(), std::nullopt);
      all_same ? ++rep.same : ++rep.whole;
      return;
    }
    // Split (or not in the table): under the province until an officer assigns it.
    const auto province = province_of(u);
    retire_into(u, province);
    c_.query(kQueue, date_, u.id, u.id, province, now_);
    const int locals = move_locals(u, province, province);
    rep.queued += 1 + locals;
    successors.empty() ? ++rep.unlisted : ++rep.split;
  }

  void district(const OldUnit& u, ReformReport& rep) {
    std::int64_t to = 0;
    if (auto z = t_.special_zones.find(u.code); z != t_.special_zones.end()) {
      to = new_id(z->second.new_code);
      c_.query(kInsertLineage, date_, u.id, to, z->second.relation, z->second.note);
      ++rep.special_zones;
    } else if (auto p = majority(t_.of_district, u.code)) {
      to = new_id(*p);
    } else if (auto pp = majority(t_.of_province, u.parent_code)) {
      to = new_id(*pp);
    } else {
      throw BadRequest("Không xác định được đơn vị kế thừa huyện '" + u.code + "'.");
    }
    retire_into(u, to);
    rep.local_moved += move_locals(u, to, std::nullopt);
    ++rep.districts;
  }

  void province(const OldUnit& u, ReformReport& rep) {
    auto p = majority(t_.of_province, u.code);
    if (!p) throw BadRequest("Không xác định được tỉnh mới của tỉnh '" + u.code + "'.");
    retire_into(u, new_id(*p));
    rep.local_moved += move_locals(u, new_id(*p), std::nullopt);
    ++rep.provinces;
  }

  db::Connection& c_;
  std::string date_;
  const Table& t_;
  std::string now_;
  std::map<std::string, std::int64_t> new_ids_;
  std::vector<OldUnit> old_;
  std::map<std::int64_t, std::vector<std::int64_t>> locals_;
  std::vector<UnitMove> moves_;
};

}  // namespace

ReformReport reform_units(db::Database& db, std::string_view date, const AfterReform& after) {
  if (date != kReform2025) {
    throw BadRequest("Không có bảng chuyển đổi cho cuộc sắp xếp đơn vị hành chính ngày '" + std::string(date) +
                         "'. ANTQ có: 2025-07-01 (bảng của Cục Thống kê, có hiệu lực từ 01/7/2025).",
                     "reform");
  }
  const auto table_text = resources::find(kTableFile);
  const auto list = shipped_list(std::string(kNewDataset));
  if (!table_text || !list) throw BadRequest("Bản antq này thiếu bảng chuyển đổi hoặc danh mục 2 cấp đi kèm.");
  const Table table = read_table(*table_text);
  const std::string setting = "units.reform." + std::string(date);
  return db.write_value([&](db::Connection& c) {
    ReformReport rep;
    repo::lock_tree(c);
    if (!c.query(kSetting, setting).empty()) {
      rep.already_applied = true;
      return rep;
    }
    if (c.query(kDatasetUnits, std::string(kOldDataset)).empty()) {
      throw BadRequest(
          "CSDL không có danh mục đơn vị trước ngày 01/7/2025 (vn-3tier): không có gì để chuyển đổi. Lệnh này dành cho CSDL "
          "đã nạp danh mục 3 cấp (antq init --units vn-3tier). Chưa có gì thay đổi.",
          "reform");
    }
    ApplyOptions o;
    o.retired_on = std::string(date);
    o.successions_by_code = false;  // codes are reused across the lists: the table decides
    o.move_local = false;
    rep.list = apply_list(c, *list, std::string(kNewDataset), o);
    const auto moves = Reform(c, std::string(date), table).run(rep);
    repo::rebuild_paths(c);
    if (after) after(c, moves, rep);
    c.query(kPutSetting, setting, timeutil::now_utc(), timeutil::now_utc());
    return rep;
  });
}

}  // namespace antq::units
