#include "modules/catalog/catalog_service.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "http/access.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::catalog {

std::vector<std::pair<std::string, std::vector<Item>>> CatalogService::lists(const std::optional<std::string>& unit_code,
                                                                             bool include_inactive) {
  return db_.read_value([&](db::Connection& c) {
    std::optional<std::string> unit_path;
    if (unit_code) {
      auto u = units::repo::find_active(c, *unit_code);
      if (!u) throw NotFound("Không tìm thấy đơn vị '" + *unit_code + "'.", "unit");
      unit_path = u->path;
    }
    std::vector<std::pair<std::string, std::vector<Item>>> out;
    for (const auto& kind : kinds()) out.emplace_back(kind, items_for(c, kind, include_inactive, unit_path));
    return out;
  });
}

void CatalogService::add(const http::Principal& who, const Item& item, const std::string& request_id) {
  db_.write([&](db::Connection& c) {
    catalog::add(c, item);
    audit_.record(c, {who.username, "catalog.add", "catalog", item.kind + "/" + item.code, item.owner_path.value_or(""),
                      item.owner_path ? who.unit_code : "", "", request_id, ""});
  });
}

Item CatalogService::update(const http::Principal& who, const std::string& kind, const std::string& code, const ItemChange& change,
                            const std::string& request_id) {
  return db_.write_value([&](db::Connection& c) {
    auto all = items(c, kind, true);
    auto it = std::find_if(all.begin(), all.end(), [&](const Item& i) { return i.code == code; });
    if (it == all.end()) throw NotFound("Không có mã '" + code + "' trong danh mục.");
    access::require_list_owner(who, it->owner_path);
    if (change.label) it->label = *change.label;
    if (change.label_en) it->label_en = *change.label_en;
    if (change.active) it->active = *change.active;
    catalog::update(c, *it);
    audit_.record(c, {who.username, "catalog.update", "catalog", kind + "/" + it->code, "", "", "", request_id, ""});
    return *it;
  });
}

}  // namespace antq::catalog
