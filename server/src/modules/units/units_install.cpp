#include "modules/units/units_install.hpp"

#include "modules/units/lineage_routes.hpp"
#include "modules/units/units_routes.hpp"
#include "modules/units/units_service.hpp"

namespace antq::units {

void install(modules::Host& host) {
  register_routes(host.router, host.keep<UnitsService>(host.db, host.audit));
  // The queue's record counts come from the reports module (installed before), when it is there.
  register_lineage_routes(host.router, host.keep<LineageService>(host.db, host.audit, host.find<RecordCounter>()));
}

}  // namespace antq::units
