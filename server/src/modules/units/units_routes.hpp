#pragma once
#include "http/router.hpp"
#include "modules/units/units_service.hpp"

namespace antq::units {

// GET /api/v1/units, /units/search, /units/{code} (public); POST, PATCH (staff).
void register_routes(http::Router& router, UnitsService& service);

}  // namespace antq::units
