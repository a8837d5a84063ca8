#pragma once
// Scope and permission checks, in one place. Every module asks here: may this caller take this
// action (403 when the role never may), and is this record inside the caller's area (404 when not,
// so the answer does not reveal that it exists).
#include <string>
#include <string_view>

#include "core/tree_path.hpp"
#include "http/request.hpp"

namespace antq::access {

bool can(const http::Principal& who, std::string_view permission);
// Throws Forbidden (403) when the role lacks the permission.
void require(const http::Principal& who, std::string_view permission);
// Whether a unit (by its path) lies in the caller's subtree, merged units included.
bool in_scope(const http::Principal& who, const std::string& unit_path);
// Throws NotFound (404) when it does not.
void require_in_scope(const http::Principal& who, const std::string& unit_path, const char* not_found_message);
// The caller's subtree as a path range, for SQL filters: path >= lo AND path < hi.
PathRange scope_range(const http::Principal& who);

}  // namespace antq::access
