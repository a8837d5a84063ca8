#pragma once
// Installs the accounts module: authentication (offers the http::Authenticator the pipeline uses), user administration, their routes.
#include "modules/module_host.hpp"

namespace antq::accounts {

void install(modules::Host& host);

}  // namespace antq::accounts
