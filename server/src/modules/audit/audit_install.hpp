#pragma once
// Installs the audit log's routes (reading and verifying the chain).
#include "modules/module_host.hpp"

namespace antq::audit {

void install(modules::Host& host);

}  // namespace antq::audit
