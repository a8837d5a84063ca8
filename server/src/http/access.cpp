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

PathRange scope_range(const http::Principal& who) { return subtree_range(who.unit_path); }

}  // namespace antq::access
