#pragma once
// Where a model was replicated (C6). A model runs in its origin unit and in every unit it was
// replicated to, from the replication's start until its end; reports count distinct units.
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::models {

// GET/POST /api/v1/models/{id}/replications, PATCH /api/v1/models/{id}/replications/{rid}
// ({"ended_on"}: the model stopped there). Scoped through the model; each unit must be in the
// caller's area too.
void register_replication_routes(http::Router& router, registers::RegisterService& models, db::Database& db,
                                 const audit::AuditLog& audit);

}  // namespace antq::models
