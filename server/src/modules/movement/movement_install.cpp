#include "modules/movement/movement_install.hpp"

#include "modules/movement/movement.hpp"
#include "modules/registers/register_install.hpp"
#include "modules/registers/register_registry.hpp"

namespace antq::movement {

void install(modules::Host& host) {
  auto& registry = host.keep<registers::Registry>();
  for (auto spec : specs()) registry.add(registers::install(host, std::move(spec)));
  host.offer(registry);
}

}  // namespace antq::movement
