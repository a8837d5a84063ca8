#pragma once
// GET /api/v1/units/reform/pending, POST /api/v1/units/reform/pending/{id}/assign: the review queue.
#include "http/router.hpp"
#include "modules/units/unit_lineage.hpp"

namespace antq::units {

void register_lineage_routes(http::Router& router, LineageService& service);

}  // namespace antq::units
