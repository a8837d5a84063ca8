#pragma once
// The area a list or a report covers: the caller's own subtree, or the subtree of a unit they
// named with ?unit= — which must lie inside their area (404 otherwise, like any record outside it).
#include <optional>
#include <string>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "http/request.hpp"

namespace antq::units {

PathRange area_range(db::Connection& c, const http::Principal& who, const std::optional<std::string>& unit_code);

}  // namespace antq::units
