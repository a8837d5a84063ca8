#pragma once
// Installs notifications: the outbox dispatcher (offered; its thread is a worker) with its senders, and the staff's notification routes.
#include "modules/module_host.hpp"

namespace antq::notifications {

void install(modules::Host& host);

}  // namespace antq::notifications
