#include "modules/reports/reports_install.hpp"

#include <chrono>

#include "modules/reports/record_count.hpp"
#include "modules/reports/reports_routes.hpp"
#include "modules/reports/reports_service.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/units/unit_lineage.hpp"

namespace antq::reports {

void install(modules::Host& host) {
  // The rollup folds in the background (a worker, from App::start()); a report folds what is left first.
  auto& rollups = host.keep<Rollups>(host.db);
  auto& reports = host.keep<ReportsService>(host.db, host.report_db, rollups, host.audit);
  host.add_worker([&rollups] { rollups.start_background(std::chrono::milliseconds(1000)); }, [&rollups] { rollups.stop_background(); });
  register_routes(host.router, reports);
  // The units module's reform queue shows how many records wait with each unit.
  host.offer(host.keep<units::RecordCounter>(units::RecordCounter{&count_records}));
}

}  // namespace antq::reports
