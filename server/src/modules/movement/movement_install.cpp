#include "modules/movement/movement_install.hpp"

#include "modules/movement/movement.hpp"
#include "modules/registers/register_install.hpp"

namespace antq::movement {

void install(modules::Host& host) {
  for (auto spec : specs()) registers::install(host, std::move(spec));
}

}  // namespace antq::movement
