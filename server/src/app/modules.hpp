#pragma once
// The modules the server is made of, and what of the configuration they read.
#include "app/config.hpp"
#include "modules/module_host.hpp"

namespace antq::app {

modules::Settings module_settings(const Config& config);

// Installs every module, in order: a module finds what an earlier one offered (Host::need).
void install_modules(modules::Host& host);

}  // namespace antq::app
