#pragma once
// The full export from the web: GET /api/v1/system/export, for national administrators only (it
// holds every area's records), audited like the command line's.
#include "modules/module_host.hpp"

namespace antq::backup {

void install(modules::Host& host);

}  // namespace antq::backup
