#pragma once
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::registers {

// GET/POST /api/v1/<name>, GET /api/v1/<name>/export?format=csv|xlsx, GET/PATCH/DELETE
// /api/v1/<name>/{id}: the same handlers for every register.
void register_routes(http::Router& router, RegisterService& service);

}  // namespace antq::registers
