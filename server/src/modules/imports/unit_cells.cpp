#include "modules/imports/unit_cells.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "http/access.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::imports {

namespace {

std::vector<std::string> split_path(const std::string& cell) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const auto next = cell.find(',', start);
    std::string p = text::fold(cell.substr(start, next == std::string::npos ? std::string::npos : next - start));
    if (!p.empty()) parts.push_back(std::move(p));
    if (next == std::string::npos) break;
    start = next + 1;
  }
  return parts;
}

bool names(const units::Unit& u, const std::string& folded) { return text::fold(u.full_name) == folded || text::fold(u.name) == folded; }

// Each further part of the path names an ancestor, in order going up (parts may be skipped).
bool ancestors_match(db::Connection& c, const units::Unit& u, const std::vector<std::string>& parts) {
  if (parts.size() < 2) return true;
  auto chain = units::repo::ancestors(c, u);  // top down
  std::reverse(chain.begin(), chain.end());
  std::size_t next = 1;
  for (const auto& a : chain) {
    if (next < parts.size() && names(a, parts[next])) ++next;
  }
  return next == parts.size();
}

// Among units bearing the name or code: the one in force on the record's date.
std::optional<units::Unit> in_force(std::vector<units::Unit> found, const std::optional<std::string>& date, bool& ambiguous) {
  ambiguous = false;
  if (date) {
    std::optional<units::Unit> best;
    for (const auto& u : found) {
      if (!u.active && u.retired_on && *date < *u.retired_on && (!best || *u.retired_on < *best->retired_on)) best = u;
    }
    if (best) return best;
  }
  std::vector<units::Unit> active;
  for (const auto& u : found) {
    if (u.active) active.push_back(u);
  }
  if (active.size() == 1) return active[0];
  if (active.size() > 1) {
    ambiguous = true;
    return std::nullopt;
  }
  if (found.size() == 1) return found[0];
  ambiguous = found.size() > 1;
  return std::nullopt;
}

}  // namespace

std::variant<units::Unit, std::string> UnitCells::resolve(db::Connection& c, const std::string& cell,
                                                          const std::optional<std::string>& date) {
  // The date matters only where a code or name was reused; cache per cell and date.
  const std::string key = cell + '\x1f' + date.value_or("");
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  return cache_[key] = lookup(c, cell, date);
}

std::variant<units::Unit, std::string> UnitCells::lookup(db::Connection& c, const std::string& cell,
                                                         const std::optional<std::string>& date) {
  std::vector<units::Unit> found;
  const bool is_code = cell.find(',') == std::string::npos && cell.find(' ') == std::string::npos;
  if (is_code) {
    if (auto a = units::repo::find_active(c, cell)) found.push_back(*a);
    if (auto r = units::repo::find_latest_retired(c, cell)) found.push_back(*r);
  }
  if (found.empty()) {
    const auto parts = split_path(cell);
    if (parts.empty()) return std::string("Thiếu đơn vị.");
    for (auto& u : units::repo::search(c, parts[0], true, 200)) {
      if (names(u, parts[0]) && ancestors_match(c, u, parts)) found.push_back(std::move(u));
    }
  }
  bool ambiguous = false;
  auto u = in_force(std::move(found), date, ambiguous);
  if (ambiguous) return "Có nhiều đơn vị tên '" + cell + "': hãy ghi mã đơn vị hoặc thêm tên cấp trên (ví dụ \"Xã …, Tỉnh …\").";
  if (!u) return "Không tìm thấy đơn vị '" + cell + "'.";
  if (!access::in_scope(who_, u->path)) return "Đơn vị '" + u->full_name + "' nằm ngoài địa bàn của bạn.";
  if (!kinds_.empty() && std::find(kinds_.begin(), kinds_.end(), u->kind) == kinds_.end()) {
    return "Đơn vị '" + u->full_name + "' không phù hợp với sổ này.";
  }
  return *u;
}

}  // namespace antq::imports
