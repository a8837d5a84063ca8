#include "modules/evaluations/evaluations_install.hpp"

#include <filesystem>

#include "modules/evaluations/evaluations_routes.hpp"
#include "modules/evaluations/evaluations_service.hpp"

namespace antq::evaluations {

void install(modules::Host& host) {
  auto& service =
      host.keep<EvaluationsService>(host.db, host.audit, (std::filesystem::path(host.settings.attachments_dir) / "evaluations").string());
  register_routes(host.router, service, host.db, host.audit);
}

}  // namespace antq::evaluations
