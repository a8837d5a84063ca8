#pragma once
#include "http/router.hpp"
#include "modules/catalog/catalog_service.hpp"

namespace antq::catalog {

// GET /api/v1/catalog (public: labels only); POST /api/v1/catalog/{kind} and
// PATCH /api/v1/catalog/{kind}/{code} for admins, audited.
void register_routes(http::Router& router, CatalogService& catalog);

}  // namespace antq::catalog
