#include "modules/models/models_spec.hpp"

#include "modules/models/replications_routes.hpp"
#include "modules/module_host.hpp"
#include "modules/registers/field_builders.hpp"

namespace antq::models {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "models";
  s.entity = "model";
  s.title = "Mô hình, chuyên đề";
  s.table = "models";
  s.write_permission = "models.write";
  s.fields = {f::text("name", "Tên mô hình", true),
              f::choice("kind", "Loại", {{"model", "Mô hình"}, {"thematic", "Chuyên đề"}}, true),
              f::code("field", "Lĩnh vực", "model_fields", true),
              f::date("started_on", "Ngày bắt đầu", true, true),
              f::date("ended_on", "Ngày kết thúc"),
              f::long_text("description", "Mô tả")};
  s.date_field = "started_on";
  s.ordered = {{"ended_on", "started_on"}};
  // Where else the model was copied (model_replications).
  s.extras = [](registers::RegisterService& models, modules::Host& host) {
    auto& replications = host.keep<ReplicationsService>(models, host.db, host.audit);
    register_replication_routes(host.router, replications);
    host.offer(replications);  // the importer's "models/replications"
  };
  return s;
}

}  // namespace antq::models
