#include "modules/imports/unit_cells.hpp"

#include <algorithm>

#include "http/access.hpp"
#include "modules/units/unit_resolve.hpp"

namespace antq::imports {

std::variant<units::Unit, std::string> UnitCells::resolve(db::Connection& c, const std::string& cell,
                                                          const std::optional<std::string>& date) {
  // The date matters only where a code or name was reused; cache per cell and date.
  const std::string key = cell + '\x1f' + date.value_or("");
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  return cache_[key] = lookup(c, cell, date);
}

std::variant<units::Unit, std::string> UnitCells::lookup(db::Connection& c, const std::string& cell,
                                                         const std::optional<std::string>& date) {
  std::string why;
  const auto u = units::resolve_at(c, cell, date.value_or(""), &why);
  if (!u) return why.empty() ? "Không tìm thấy đơn vị '" + cell + "'." : why;
  if (!access::in_scope(who_, u->path)) return "Đơn vị '" + u->full_name + "' nằm ngoài địa bàn của bạn.";
  if (!kinds_.empty() && std::find(kinds_.begin(), kinds_.end(), u->kind) == kinds_.end()) {
    return "Đơn vị '" + u->full_name + "' không phù hợp với sổ này.";
  }
  return *u;
}

}  // namespace antq::imports
