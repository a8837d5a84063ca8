#pragma once
#include "modules/module_host.hpp"

namespace antq::news {

// Posts, the public portal, subscriptions and the delivery workers (issue 15).
void install(modules::Host& host);

}  // namespace antq::news
