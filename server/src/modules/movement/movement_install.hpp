#pragma once
// Installs the movement's registers (C4–C6, C9): one register engine per spec, each with the extra routes its spec carries.
#include "modules/module_host.hpp"

namespace antq::movement {

void install(modules::Host& host);

}  // namespace antq::movement
