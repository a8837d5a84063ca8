// "models/replications": where a model or thematic program was copied to (C6), one row a unit,
// the model named by its id.
#include "core/errors.hpp"
#include "modules/imports/targets/child_targets.hpp"
#include "modules/imports/targets/row_values.hpp"

namespace antq::imports {

namespace {

namespace f = registers::f;
using values::parent;

class ReplicationsTarget final : public Target {
 public:
  explicit ReplicationsTarget(const models::ReplicationsService& service) : service_(service) {
    spec_.name = "models/replications";
    spec_.title = "Nhân rộng mô hình";
    spec_.read_permission = service.spec().read_permission;
    spec_.write_permission = service.spec().write_permission;
    spec_.date_field = "started_on";
    spec_.fields = {
        parent("model", "Mã mô hình", service.spec().table),
        f::date("started_on", "Ngày bắt đầu", true, true),
        f::date("ended_on", "Ngày kết thúc", false, true),
    };
  }
  const registers::Spec& spec() const override { return spec_; }

  std::int64_t create(db::Connection& c, const http::Principal& who, const RowInput& row) const override {
    const auto model = values::parent_id(row.body, "model", service_.spec());
    const std::string started_on = values::text(row.body, "started_on");
    if (started_on.empty()) throw BadRequest("Thiếu ngày bắt đầu.", "started_on");
    const auto ended_on = values::optional_text(row.body, "ended_on", 10);
    try {
      return service_.add_in(c, who, model, *row.unit, started_on, ended_on);
    } catch (const NotFound&) {
      throw BadRequest("Không tìm thấy mô hình mã " + std::to_string(model) + " trong địa bàn của bạn.", "model");
    }
  }
  bool exists(db::Connection& c, const http::Principal& who, std::int64_t id) const override { return service_.has_in(c, who, id); }
  Undone undo(db::Connection& c, const http::Principal& who, std::int64_t id) const override {
    return {service_.remove_in(c, who, id), ""};
  }

 private:
  const models::ReplicationsService& service_;
  registers::Spec spec_;
};

}  // namespace

std::unique_ptr<Target> replications_target(const models::ReplicationsService& service) {
  return std::make_unique<ReplicationsTarget>(service);
}

}  // namespace antq::imports
