#include "modules/catalog/catalog_install.hpp"

#include "modules/catalog/catalog_routes.hpp"

namespace antq::catalog {

void install(modules::Host& host) { register_routes(host.router, host.keep<CatalogService>(host.db, host.audit)); }

}  // namespace antq::catalog
