#pragma once
#include "http/router.hpp"
#include "modules/models/replications_service.hpp"

namespace antq::models {

// GET/POST /api/v1/models/{id}/replications, PATCH /api/v1/models/{id}/replications/{rid}
// ({"ended_on"}: the model stopped there).
void register_replication_routes(http::Router& router, ReplicationsService& replications);

}  // namespace antq::models
