#include "modules/units/units_install.hpp"

#include "modules/units/units_routes.hpp"
#include "modules/units/units_service.hpp"

namespace antq::units {

void install(modules::Host& host) { register_routes(host.router, host.keep<UnitsService>(host.db, host.audit)); }

}  // namespace antq::units
