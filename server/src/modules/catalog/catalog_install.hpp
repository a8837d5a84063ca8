#pragma once
// Installs the shared catalogue's routes.
#include "modules/module_host.hpp"

namespace antq::catalog {

void install(modules::Host& host);

}  // namespace antq::catalog
