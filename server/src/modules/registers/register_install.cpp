#include "modules/registers/register_install.hpp"

#include <filesystem>

#include "modules/registers/register_openapi.hpp"
#include "modules/registers/register_routes.hpp"

namespace antq::registers {

RegisterService& install(modules::Host& host, Spec spec) {
  auto& service = host.keep<RegisterService>(std::move(spec), host.db, host.keys, host.audit);
  service.set_attachments_dir((std::filesystem::path(host.settings.attachments_dir) / "registers").string());
  register_routes(host.router, service);
  if (service.spec().extras) service.spec().extras(service, host);
  host.add_openapi_paths([&service](boost::json::object& paths) { add_openapi_paths(service.spec(), paths); });
  return service;
}

}  // namespace antq::registers
