#pragma once
// Installs tips (C3): the service and its duplicate finder (a worker), the public and staff routes, the QR poster, and the words of tip
// e-mails (offered to the SMTP sender).
#include "modules/module_host.hpp"

namespace antq::tips {

void install(modules::Host& host);

}  // namespace antq::tips
