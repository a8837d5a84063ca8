#pragma once
#include "http/router.hpp"
#include "modules/notifications/inbox.hpp"

namespace antq::notifications {

// GET /api/v1/notifications, POST /api/v1/notifications/read: the caller's own, nobody else's.
void register_routes(http::Router& router, Inbox& inbox);

}  // namespace antq::notifications
