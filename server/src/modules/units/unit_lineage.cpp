#include "modules/units/unit_lineage.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/units/unit_lineage.sql.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::units {

namespace {

using namespace antq::sql::units::unit_lineage;  // the statements: unit_lineage.sql

NotFound item_not_found() { return NotFound("Không tìm thấy mục chờ phân về xã mới."); }

Unit unit_at(db::Connection& c, std::int64_t id) {
  auto u = repo::find_by_id(c, id);
  if (!u) throw item_not_found();
  return *u;
}

std::string names(const std::vector<Candidate>& cs) {
  std::string out;
  for (const auto& x : cs) out += (out.empty() ? "" : ", ") + x.full_name + " (" + x.code + ")";
  return out;
}

}  // namespace

QueueItem LineageService::load(db::Connection& c, const db::Row& r) {
  QueueItem it;
  it.id = r.integer(0);
  it.reform = r.text(1);
  it.unit = unit_at(c, r.integer(2));
  it.from = unit_at(c, r.integer(3));
  it.province = unit_at(c, r.integer(4));
  if (auto to = r.opt_integer(5)) it.assigned_to = unit_at(c, *to).code;
  for (const auto& x : c.query(kCandidates, it.from.id).rows)
    it.candidates.push_back({x.text(0), x.text(1), x.text(2), x.text(3), x.text(4)});
  // A commune the table does not name (two in 2025): any commune of its new province.
  if (it.candidates.empty()) {
    for (const auto& x : c.query(kProvinceCommunes, it.province.id).rows)
      it.candidates.push_back({x.text(0), x.text(1), x.text(2), "", ""});
  }
  if (counter_ && counter_->count) it.records = counter_->count(c, subtree_range(it.unit.path));
  return it;
}

LineageService::Page LineageService::pending(const http::Principal& who, int page, int per_page) {
  access::require(who, "units.write");
  const auto range = access::scope_range(who);
  return db_.read_value([&](db::Connection& c) {
    Page p;
    p.total = c.query(kPendingCount, range.lo, range.hi).rows.at(0).integer(0);
    const std::int64_t offset = static_cast<std::int64_t>(page - 1) * per_page;
    for (const auto& r : c.query(kPending, range.lo, range.hi, per_page, offset).rows) p.items.push_back(load(c, r));
    return p;
  });
}

QueueItem LineageService::assign(const http::Principal& who, std::int64_t id, const std::string& successor_code,
                                 const std::string& request_id) {
  access::require(who, "units.write");
  return db_.write_value([&](db::Connection& c) {
    repo::lock_tree(c);
    const auto row = c.query(kItem, id);
    if (row.empty()) throw item_not_found();
    QueueItem it = load(c, row.rows[0]);
    if (!access::in_scope(who, it.unit.path)) throw item_not_found();
    if (it.assigned_to) throw Conflict("Đơn vị này đã được phân về xã mới (" + *it.assigned_to + ").");
    const bool candidate =
        std::any_of(it.candidates.begin(), it.candidates.end(), [&](const Candidate& x) { return x.code == successor_code; });
    auto to = repo::find_active(c, successor_code);
    if (!candidate || !to || to->kind != "commune") {
      throw RuleViolation("Xã mới phải là một trong các xã theo bảng chuyển đổi: " + names(it.candidates) + ".", "successor");
    }
    if (!access::in_scope(who, to->path)) throw NotFound("Không tìm thấy xã mới '" + successor_code + "'.", "successor");
    const std::string now = timeutil::now_utc();
    // The split commune (retired) follows its successor; a village or establishment (active) its parent.
    if (it.unit.id == it.from.id) {
      c.query(kSetSuccessor, it.unit.id, to->id, now);
    } else {
      repo::set_parent(c, it.unit.id, to->id);
    }
    repo::rebuild_paths(c, subtree_range(it.unit.path));
    c.query(kAssign, it.id, to->id, who.username, now);
    audit_.record(c, {who.username, "unit.reassign", "unit", it.unit.code, to->path, to->code, "", request_id,
                      "{\"reform\":\"" + it.reform + "\",\"dataset\":\"" + it.unit.dataset + "\",\"from\":\"" + it.from.code +
                          "\",\"to\":\"" + to->code + "\",\"records\":" + std::to_string(it.records) + "}"});
    it.assigned_to = to->code;
    it.unit = unit_at(c, it.unit.id);
    return it;
  });
}

std::vector<Unit> pending_under(db::Connection& c, std::int64_t unit_id) {
  std::vector<Unit> out;
  for (const auto& r : c.query(kPendingUnder, unit_id).rows) {
    if (auto u = repo::find_by_id(c, r.integer(0))) out.push_back(std::move(*u));
  }
  return out;
}

}  // namespace antq::units
