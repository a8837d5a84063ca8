#pragma once
// Installs evaluations (C10): the workflow service and its routes.
#include "modules/module_host.hpp"

namespace antq::evaluations {

void install(modules::Host& host);

}  // namespace antq::evaluations
