#include "modules/units/area.hpp"

#include "core/errors.hpp"
#include "http/access.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::units {

PathRange area_range(db::Connection& c, const http::Principal& who, const std::optional<std::string>& unit_code) {
  if (!unit_code) return access::scope_range(who);
  auto u = repo::find_active(c, *unit_code);
  if (!u || !access::in_scope(who, u->path)) throw NotFound("Không tìm thấy đơn vị '" + *unit_code + "'.", "unit");
  return subtree_range(u->path);
}

}  // namespace antq::units
