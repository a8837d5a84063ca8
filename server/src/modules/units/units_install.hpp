#pragma once
// Installs units: the administrative tree's service and routes.
#include "modules/module_host.hpp"

namespace antq::units {

void install(modules::Host& host);

}  // namespace antq::units
