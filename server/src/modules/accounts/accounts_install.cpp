#include "modules/accounts/accounts_install.hpp"

#include "modules/accounts/accounts_routes.hpp"
#include "modules/accounts/authentication.hpp"
#include "modules/accounts/session_authenticator.hpp"
#include "modules/accounts/user_admin.hpp"

namespace antq::accounts {

void install(modules::Host& host) {
  auto& authentication = host.keep<Authentication>(host.db, host.keys, host.audit, host.settings.accounts, host.windows);
  auto& users = host.keep<UserAdmin>(host.db, host.audit);
  http::Authenticator& authenticator = host.keep<SessionAuthenticator>(authentication);
  host.offer(authenticator);
  register_routes(host.router, authentication, users, {host.settings.secure_cookies});
}

}  // namespace antq::accounts
