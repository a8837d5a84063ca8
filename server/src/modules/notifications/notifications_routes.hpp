#pragma once
#include "db/database.hpp"
#include "http/router.hpp"

namespace antq::notifications {

// GET /api/v1/notifications, POST /api/v1/notifications/read: the caller's own, nobody else's.
void register_routes(http::Router& router, db::Database& db);

}  // namespace antq::notifications
