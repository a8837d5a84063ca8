#pragma once
// Installs reports (C11): the rollup folder (a worker), the reports service and its routes.
#include "modules/module_host.hpp"

namespace antq::reports {

void install(modules::Host& host);

}  // namespace antq::reports
