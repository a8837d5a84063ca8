#pragma once
// One register on the engine: its service, its routes (register_routes.hpp), the extra routes its
// spec carries (Spec::extras) and its paths in the OpenAPI document.
#include "modules/module_host.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::registers {

RegisterService& install(modules::Host& host, Spec spec);

}  // namespace antq::registers
