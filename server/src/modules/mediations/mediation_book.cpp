#include "modules/mediations/mediation_book.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::mediations {

Book MediationBook::book(const http::Principal& who, const std::string& unit_code, int year) {
  access::require(who, mediations_.spec().read_permission);
  registers::ListQuery q;
  q.unit = unit_code;
  q.from = std::to_string(year) + "-01-01";
  q.to = std::to_string(year) + "-12-31";
  auto [rows, total] = mediations_.list(who, q, true);
  Book b;
  b.year = year;
  db_.read([&](db::Connection& c) {
    auto u = units::repo::find_active(c, unit_code);
    if (!u) throw NotFound("Không tìm thấy đơn vị.", "unit");
    for (const auto& a : units::repo::ancestors(c, *u)) b.header.push_back(a.full_name);
    b.header.push_back(u->full_name);
    for (const auto& i : catalog::items(c, "dispute_types", true)) b.dispute_kinds[i.code] = i.label;
  });
  // The list is newest first; the book runs in the order cases were received.
  std::reverse(rows.begin(), rows.end());
  for (auto& r : rows) {
    const bool visible = mediations_.sees_sealed(who, r);
    b.entries.push_back({std::move(r.values), visible});
  }
  return b;
}

}  // namespace antq::mediations
