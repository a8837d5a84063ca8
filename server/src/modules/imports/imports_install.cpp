#include "modules/imports/imports_install.hpp"

#include <filesystem>

#include "modules/imports/imports_routes.hpp"
#include "modules/imports/imports_service.hpp"
#include "modules/registers/register_registry.hpp"

namespace antq::imports {

void install(modules::Host& host) {
  auto& service = host.keep<ImportsService>(host.db, host.need<registers::Registry>(), host.audit,
                                            (std::filesystem::path(host.settings.attachments_dir) / "imports").string());
  imports_routes(host.router, service);
  host.add_worker([&service] { service.start(); }, [&service] { service.stop(); });
}

}  // namespace antq::imports
