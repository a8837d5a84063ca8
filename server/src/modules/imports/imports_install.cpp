#include "modules/imports/imports_install.hpp"

#include <filesystem>

#include "modules/imports/imports_routes.hpp"
#include "modules/imports/imports_service.hpp"
#include "modules/imports/register_target.hpp"
#include "modules/imports/targets/child_targets.hpp"
#include "modules/registers/register_registry.hpp"

namespace antq::imports {

void install(modules::Host& host) {
  auto& targets = host.keep<Targets>();
  host.offer(targets);
  for (auto* s : host.need<registers::Registry>().all()) targets.add(std::make_unique<RegisterTarget>(*s));
  targets.add(sessions_target(host.need<reintegration::ReintegrationService>()));
  targets.add(replications_target(host.need<models::ReplicationsService>()));
  targets.add(members_target(host.need<groups::MembersService>()));
  targets.add(tips_target(host.need<tips::TipsService>()));
  auto& service = host.keep<ImportsService>(host.db, targets, host.keys, host.audit,
                                            (std::filesystem::path(host.settings.attachments_dir) / "imports").string());
  imports_routes(host.router, service);
  host.add_worker([&service] { service.start(); }, [&service] { service.stop(); });
  // The command line imports through the same service, without serving (app/cli_imports.cpp).
  host.offer(service);
}

}  // namespace antq::imports
