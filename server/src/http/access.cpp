#include "http/access.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace antq::access {

bool can(const http::Principal& who, std::string_view permission) {
  return std::binary_search(who.permissions.begin(), who.permissions.end(), permission,
                            [](const auto& a, const auto& b) { return std::string_view(a) < std::string_view(b); });
}

void require(const http::Principal& who, std::string_view permission) {
  if (!can(who, permission)) throw Forbidden();
}

bool in_scope(const http::Principal& who, const std::string& unit_path) { return path_within(who.unit_path, unit_path); }

void require_in_scope(const http::Principal& who, const std::string& unit_path, const char* not_found_message) {
  if (!in_scope(who, unit_path)) throw NotFound(not_found_message);
}

bool is_national_admin(const http::Principal& who) { return who.role == "admin" && who.unit_path.empty(); }

namespace {
// "/12/" is a province: one segment.
bool is_province_path(const std::string& path) { return path.size() > 2 && std::count(path.begin(), path.end(), '/') == 2; }
}  // namespace

std::optional<std::string> list_owner_for(const http::Principal& who) {
  if (is_national_admin(who)) return std::nullopt;
  if (who.role == "admin" && is_province_path(who.unit_path)) return who.unit_path;
  throw Forbidden(
      "Danh mục dùng chung toàn quốc chỉ quản trị viên cấp trung ương được sửa; quản trị viên cấp tỉnh được thêm mục riêng của tỉnh.");
}

void require_list_owner(const http::Principal& who, const std::optional<std::string>& owner_path) {
  if (is_national_admin(who)) return;
  if (!owner_path) {
    throw Forbidden("Mục này thuộc danh mục dùng chung toàn quốc: chỉ quản trị viên cấp trung ương được sửa.");
  }
  if (who.role != "admin" || !is_province_path(who.unit_path) || !path_within(who.unit_path, *owner_path)) {
    throw Forbidden("Chỉ quản trị viên của tỉnh đã tạo mục này được sửa.");
  }
}

bool list_entry_applies(const std::optional<std::string>& owner_path, const std::string& unit_path) {
  return !owner_path || path_within(*owner_path, unit_path);
}

PathRange scope_range(const http::Principal& who) { return subtree_range(who.unit_path); }

}  // namespace antq::access
