#include "modules/units/units_dataset.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/resources.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/units/units_dataset.sql.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::units {

namespace {

using namespace antq::sql::units::units_dataset;  // the statements: units_dataset.sql

struct Row {
  std::size_t line;
  std::string code, name, level, parent_code, full_name, unit_type;
};

std::vector<Row> read_rows(std::string_view csv_text) {
  const auto records = csv::parse(csv_text);
  if (records.empty()) throw BadRequest("Tệp danh mục đơn vị trống.");
  const auto& header = records[0];
  const auto c_code = csv::column(header, "code"), c_name = csv::column(header, "name"), c_level = csv::column(header, "level"),
             c_parent = csv::column(header, "parent_code"), c_full = csv::column(header, "full_name"),
             c_type = csv::column(header, "unit_type");
  if (!c_code || !c_name || !c_level || !c_parent) {
    throw BadRequest("Tệp danh mục đơn vị phải có các cột code, name, level, parent_code.");
  }
  std::vector<Row> rows;
  std::vector<std::string> errors;
  std::set<std::string> codes;
  auto field = [](const csv::Record& r, std::optional<std::size_t> i) {
    return (i && *i < r.fields.size()) ? text::trim(r.fields[*i]) : std::string();
  };
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    Row row{r.line,
            field(r, c_code),
            text::nfc(field(r, c_name)),
            field(r, c_level),
            field(r, c_parent),
            text::nfc(field(r, c_full)),
            text::nfc(field(r, c_type))};
    const std::string where = "dòng " + std::to_string(r.line) + ": ";
    if (!text::valid_utf8(r.fields.empty() ? "" : r.fields[0]) || !text::valid_utf8(row.name)) {
      errors.push_back(where + "không phải UTF-8 hợp lệ");
    } else if (row.code.empty() || row.code.size() > 32) {
      errors.push_back(where + "thiếu mã hoặc mã dài quá 32 ký tự");
    } else if (row.name.empty()) {
      errors.push_back(where + "thiếu tên");
    } else if (!is_admin_kind(row.level)) {
      errors.push_back(where + "cấp '" + row.level + "' không hợp lệ (province, district, commune)");
    } else if (!codes.insert(row.code).second) {
      errors.push_back(where + "mã '" + row.code + "' bị trùng");
    } else if (row.level == "province" && !row.parent_code.empty()) {
      errors.push_back(where + "tỉnh không có đơn vị cấp trên");
    } else if (row.level != "province" && row.parent_code.empty()) {
      errors.push_back(where + "thiếu parent_code");
    }
    if (row.full_name.empty()) row.full_name = row.name;
    rows.push_back(std::move(row));
    if (errors.size() >= 20) break;
  }
  std::map<std::string, std::string> level_of;
  for (const auto& r : rows) level_of[r.code] = r.level;
  for (const auto& r : rows) {
    if (errors.size() >= 20) break;
    if (r.parent_code.empty()) continue;
    auto it = level_of.find(r.parent_code);
    if (it == level_of.end()) {
      errors.push_back("dòng " + std::to_string(r.line) + ": đơn vị cấp trên '" + r.parent_code + "' không có trong tệp");
    } else if (kind_rank(it->second) >= kind_rank(r.level)) {
      errors.push_back("dòng " + std::to_string(r.line) + ": đơn vị cấp trên phải ở cấp cao hơn");
    }
  }
  if (!errors.empty()) {
    std::string msg = "Tệp danh mục đơn vị có lỗi: ";
    for (std::size_t i = 0; i < errors.size(); ++i) msg += (i ? "; " : "") + errors[i];
    throw BadRequest(msg + ".");
  }
  // Parents first.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return kind_rank(a.level) < kind_rank(b.level); });
  return rows;
}

}  // namespace

std::optional<std::string_view> shipped_list(std::string_view label) {
  if (label == "vn-2tier") return resources::find("data/units/vn_admin_2tier_current.csv");
  if (label == "vn-3tier") return resources::find("data/units/vn_admin_3tier_2025-03-01.csv");
  return std::nullopt;
}

namespace {

std::vector<std::pair<std::string, std::string>> read_successions(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> successions;
  const auto recs = csv::parse(text);
  if (recs.empty()) throw BadRequest("Tệp kế thừa đơn vị trống.");
  const auto c_old = csv::column(recs[0], "old_code"), c_new = csv::column(recs[0], "new_code");
  if (!c_old || !c_new) throw BadRequest("Tệp kế thừa đơn vị phải có các cột old_code, new_code.");
  for (std::size_t i = 1; i < recs.size(); ++i) {
    const auto& f = recs[i].fields;
    if (*c_old >= f.size() || *c_new >= f.size()) {
      throw BadRequest("Tệp kế thừa: dòng " + std::to_string(recs[i].line) + " thiếu cột.");
    }
    successions.emplace_back(text::trim(f[*c_old]), text::trim(f[*c_new]));
  }
  return successions;
}

using Placed = std::map<std::string, std::pair<std::int64_t, std::string>>;  // code → id, path

// Inserts or updates the list's units, parents first; answers where each code now is.
Placed place_rows(db::Connection& c, const std::vector<Row>& rows, const std::string& label, ImportReport& rep) {
  Placed placed;
  std::map<std::string, int> depth_of;
  for (const auto& r : rows) {
    std::optional<std::int64_t> parent_id;
    std::string parent_path;
    int parent_depth = -1;
    if (!r.parent_code.empty()) {
      const auto& p = placed.at(r.parent_code);
      parent_id = p.first;
      parent_path = p.second;
      parent_depth = depth_of.at(r.parent_code);
    }
    const std::string subkind = r.unit_type;
    auto existing = repo::find_in_dataset(c, r.code, label);
    if (existing) {
      if (!existing->active) c.query(kReactivate, existing->id, timeutil::now_utc());
      bool changed = false;
      if (existing->name != r.name || existing->full_name != r.full_name || existing->subkind != subkind) {
        repo::update_names(c, existing->id, r.name, r.full_name, subkind);
        changed = true;
      }
      if (existing->parent_id != parent_id) {
        repo::set_parent(c, existing->id, parent_id);
        changed = true;
      }
      changed ? ++rep.updated : ++rep.unchanged;
      placed[r.code] = {existing->id, existing->path};
      depth_of[r.code] = existing->depth;
    } else {
      repo::NewUnit nu{r.code, label, r.name, r.full_name, r.level, subkind, parent_id};
      const auto id = repo::insert(c, nu, parent_path, parent_depth);
      const std::string path = (parent_path.empty() ? "/" : parent_path) + std::to_string(id) + "/";
      placed[r.code] = {id, path};
      depth_of[r.code] = parent_depth + 1;
      ++rep.inserted;
    }
  }
  return placed;
}

void link_successions(db::Connection& c, const ApplyOptions& o, const std::map<std::string, std::int64_t>& retired_now,
                      const Placed& placed, ImportReport& rep) {
  // Successions: old code (a unit just retired) → new code (in this list).
  for (const auto& [old_code, new_code] : o.successions) {
    auto old_it = retired_now.find(old_code);
    auto new_it = placed.find(new_code);
    if (old_it == retired_now.end()) throw BadRequest("Tệp kế thừa: mã cũ '" + old_code + "' không phải đơn vị vừa bị thay thế.");
    if (new_it == placed.end()) throw BadRequest("Tệp kế thừa: mã mới '" + new_code + "' không có trong danh mục mới.");
    c.query(kSetSuccessor, old_it->second, new_it->second.first);
    ++rep.successions;
  }
  if (!o.successions_by_code) return;
  // Without an explicit line, a unit whose code lives on in the new list is succeeded by that
  // unit: after the 2025 reform a merged commune usually keeps the code of one it absorbed.
  std::set<std::string> explicit_old;
  for (const auto& [old_code, new_code] : o.successions) explicit_old.insert(old_code);
  for (const auto& [old_code, old_id] : retired_now) {
    if (explicit_old.count(old_code)) continue;
    auto n = placed.find(old_code);
    if (n == placed.end()) continue;
    c.query(kSetSuccessor, old_id, n->second.first);
    ++rep.successions_by_code;
  }
}

// Villages and establishments follow their retired commune to its successor.
void move_local_units(db::Connection& c, ImportReport& rep) {
  for (const auto& r : c.query(kLocalUnderRetired).rows) {
    if (r.is_null(1)) {
      ++rep.local_orphaned;
      continue;
    }
    // The successor of a merged unit may itself be retired later: follow the chain.
    std::int64_t target = r.integer(1);
    for (int guard = 0; guard < 16; ++guard) {
      auto t = repo::find_by_id(c, target);
      if (!t || t->active || !t->successor_id) break;
      target = *t->successor_id;
    }
    repo::set_parent(c, r.integer(0), target);
    ++rep.local_moved;
  }
}

}  // namespace

ImportReport apply_list(db::Connection& c, std::string_view csv_text, const std::string& label, const ApplyOptions& o) {
  if (label.empty() || label == kLocalDataset || label.size() > 40) {
    throw BadRequest("Nhãn phiên bản danh mục không hợp lệ (không được để trống, không được là 'local').", "version");
  }
  const auto rows = read_rows(csv_text);
  const std::string retired_on = o.retired_on.empty() ? timeutil::today_vietnam() : o.retired_on;
  ImportReport rep;
  repo::lock_tree(c);
  std::set<std::string> in_file;
  for (const auto& r : rows) in_file.insert(r.code);
  // 1. Units of other lists (and units dropped from this one) leave the live tree first:
  //    codes are reused between lists and must stay unique among active units.
  std::map<std::string, std::int64_t> retired_now;  // old code → id
  for (const auto& r : c.query(kActiveListed).rows) {
    const std::string code = r.text(1), dataset = r.text(2);
    if (dataset == label && in_file.count(code)) continue;
    repo::retire(c, r.integer(0), std::nullopt, retired_on);
    retired_now[code] = r.integer(0);
    ++rep.retired;
  }
  // 2. Insert or update the list's units, parents first.
  const Placed placed = place_rows(c, rows, label, rep);
  // 3. Who succeeds the units just retired.
  link_successions(c, o, retired_now, placed, rep);
  // 4. Villages and establishments follow.
  if (o.move_local) move_local_units(c, rep);
  repo::rebuild_paths(c);
  c.query(
      "INSERT INTO settings (key, value, updated_at) VALUES ('units.live_dataset', $1, $2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      label, timeutil::now_utc());
  return rep;
}

ImportReport import_units(db::Database& db, std::string_view csv_text, const std::string& label,
                          std::optional<std::string_view> successions_csv) {
  ApplyOptions o;
  if (successions_csv) o.successions = read_successions(*successions_csv);
  return db.write_value([&](db::Connection& c) { return apply_list(c, csv_text, label, o); });
}

}  // namespace antq::units
