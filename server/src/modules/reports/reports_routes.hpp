#pragma once
// GET /api/v1/reports/summary|timeseries|breakdown, POST /api/v1/reports (issue), GET
// /api/v1/reports and /api/v1/reports/{id} (?format=json|html|xlsx|csv).
#include "http/router.hpp"
#include "modules/reports/reports_service.hpp"

namespace antq::reports {
void register_routes(http::Router& router, ReportsService& service);
}
