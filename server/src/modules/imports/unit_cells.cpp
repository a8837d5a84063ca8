#include "modules/imports/unit_cells.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/units/unit_resolve.hpp"

namespace antq::imports {

std::variant<units::Unit, std::string> UnitCells::resolve(db::Connection& c, const std::string& cell,
                                                          const std::optional<std::string>& date) {
  // The units a cell names are read once; the date only picks among them (where the reform reused
  // a code or a name), in memory.
  auto it = candidates_.find(cell);
  if (it == candidates_.end()) it = candidates_.emplace(cell, units::candidates(c, cell)).first;
  if (date && !timeutil::parse_date(*date)) return "Ngày '" + *date + "' không hợp lệ (YYYY-MM-DD).";
  std::string why;
  const auto u = units::in_force(it->second, date.value_or(""), text::trim(cell), &why);
  if (!u) return why.empty() ? "Không tìm thấy đơn vị '" + cell + "'." : why;
  if (!access::in_scope(who_, u->path)) return "Đơn vị '" + u->full_name + "' nằm ngoài địa bàn của bạn.";
  if (!kinds_.empty() && std::find(kinds_.begin(), kinds_.end(), u->kind) == kinds_.end()) {
    return "Đơn vị '" + u->full_name + "' không phù hợp với sổ này.";
  }
  return *u;
}

}  // namespace antq::imports
