#include "modules/audit/audit_install.hpp"

#include "modules/audit/audit_routes.hpp"

namespace antq::audit {

void install(modules::Host& host) { register_routes(host.router, host.keep<AuditReader>(host.db, host.audit)); }

}  // namespace antq::audit
