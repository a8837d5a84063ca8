#pragma once
// Installs imports: the service over every register (offered by movement::install), its routes
// and its background run.
#include "modules/module_host.hpp"

namespace antq::imports {

void install(modules::Host& host);

}  // namespace antq::imports
