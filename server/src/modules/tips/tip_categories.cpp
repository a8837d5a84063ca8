// TipsService: the categories a tip is filed under, a list of the shared catalogue (kind
// "tip_categories") behind the routes tips always had. National entries are changed only by a
// national admin; a province adds its own, offered and accepted only inside that province.
#include "core/errors.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/tips/tips_service.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::tips {

namespace {
void require_admin(const http::Principal& who) {
  if (who.role != "admin") throw Forbidden("Chỉ quản trị viên được sửa danh mục loại tin báo.");
}
}  // namespace

std::vector<Category> TipsService::categories_for(const std::optional<std::string>& unit_code) {
  return db_.read_value([&](db::Connection& c) {
    std::optional<std::string> path;
    if (unit_code) {
      auto u = units::repo::find_active(c, *unit_code);
      if (!u) throw NotFound("Không tìm thấy đơn vị '" + *unit_code + "'.", "unit");
      path = u->path;
    }
    return catalog::items_for(c, kCategoryKind, false, path);
  });
}

Category TipsService::add_category(const http::Principal& who, const Category& cat, const std::string& request_id) {
  require_admin(who);
  const auto owner = access::list_owner_for(who);
  return db_.write_value([&](db::Connection& c) {
    if (catalog::find(c, kCategoryKind, cat.code)) throw Conflict("Loại tin báo '" + cat.code + "' đã có.", "code");
    Category stored = cat;
    stored.kind = kCategoryKind;
    stored.owner_path = owner;
    stored.active = true;
    catalog::add(c, stored);
    audit_.record(c, {who.username, "tip_category.create", "tip_category", cat.code, owner.value_or(""), owner ? who.unit_code : "", "",
                      request_id, ""});
    return *catalog::find(c, kCategoryKind, cat.code);
  });
}

Category TipsService::edit_category(const http::Principal& who, const std::string& code, const std::optional<std::string>& label,
                                    const std::optional<std::string>& label_en, const std::optional<bool>& active,
                                    const std::string& request_id) {
  require_admin(who);
  return db_.write_value([&](db::Connection& c) {
    auto cat = catalog::find(c, kCategoryKind, code);
    if (!cat) throw NotFound("Không tìm thấy loại tin báo '" + code + "'.");
    access::require_list_owner(who, cat->owner_path);
    if (label) cat->label = *label;
    if (label_en) cat->label_en = *label_en;
    if (active) cat->active = *active;
    catalog::update(c, *cat);
    audit_.record(c, {who.username, "tip_category.update", "tip_category", code, "", "", "", request_id, ""});
    return *cat;
  });
}

}  // namespace antq::tips
