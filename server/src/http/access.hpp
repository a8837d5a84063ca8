#pragma once
// Scope and permission checks, in one place. Every module asks here: may this caller take this
// action (403 when the role never may), and is this record inside the caller's area (404 when not,
// so the answer does not reveal that it exists).
#include <optional>
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
// National lists (the catalogue, tip categories, the official criteria sets) are shared by every
// commune's records and reports: only an administrator whose area is the whole country changes
// them. A province's administrator may add entries of its own, seen only inside that province.
bool is_national_admin(const http::Principal& who);
// Where a new list entry made by `who` belongs: nullopt = national (a national admin), otherwise
// the caller's province path. Throws Forbidden for anyone else.
std::optional<std::string> list_owner_for(const http::Principal& who);
// May `who` change an entry owned by `owner_path` (nullopt = national)? Throws Forbidden if not.
void require_list_owner(const http::Principal& who, const std::optional<std::string>& owner_path);
// Whether an entry owned by `owner_path` applies to a record of the unit at `unit_path`.
bool list_entry_applies(const std::optional<std::string>& owner_path, const std::string& unit_path);

// The caller's subtree as a path range, for SQL filters: path >= lo AND path < hi.
PathRange scope_range(const http::Principal& who);

}  // namespace antq::access
