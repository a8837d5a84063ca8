// "reintegration/sessions": the sessions with people helped at home (C7), one row a session, the
// person named by the reference of their record ("HN-000042") or its id.
#include "core/errors.hpp"
#include "modules/imports/targets/child_targets.hpp"
#include "modules/imports/targets/row_values.hpp"

namespace antq::imports {

namespace {

namespace f = registers::f;
using values::parent;

class SessionsTarget final : public Target {
 public:
  explicit SessionsTarget(const reintegration::ReintegrationService& service) : service_(service) {
    spec_.name = "reintegration/sessions";
    spec_.title = "Lượt giúp đỡ người tái hòa nhập";
    spec_.read_permission = service.people().spec().read_permission;
    spec_.write_permission = service.people().spec().write_permission;
    spec_.date_field = "date";
    spec_.fields = {
        parent("person", "Mã hồ sơ", service.people().spec().table),
        f::date("date", "Ngày", true, true),
        f::choice("kind", "Hình thức", {{"visit", "Thăm hỏi"}, {"education", "Giáo dục, cảm hóa"}, {"support", "Hỗ trợ việc làm, sinh kế"}},
                  true),
        f::sealed(f::text("helpers", "Người tham gia giúp đỡ", false, 300)),
        f::sealed(f::long_text("notes", "Ghi chú")),
    };
  }
  const registers::Spec& spec() const override { return spec_; }
  bool has_unit() const override { return false; }

  std::int64_t create(db::Connection& c, const http::Principal& who, const RowInput& row) const override {
    const auto person = values::parent_id(row.body, "person", service_.people().spec());
    reintegration::NewSession s;
    s.date = values::text(row.body, "date");
    if (s.date.empty()) throw BadRequest("Thiếu ngày.", "date");
    s.kind = values::text(row.body, "kind");
    if (s.kind.empty()) throw BadRequest("Thiếu hình thức.", "kind");
    s.helpers = values::optional_text(row.body, "helpers", 300);
    s.notes = values::optional_text(row.body, "notes", 5000);
    try {
      return service_.add_session_in(c, who, person, s);
    } catch (const NotFound&) {
      throw BadRequest("Không tìm thấy hồ sơ '" + values::text(row.body, "person") + "' trong địa bàn của bạn.", "person");
    }
  }
  bool exists(db::Connection& c, const http::Principal& who, std::int64_t id) const override { return service_.has_session_in(c, who, id); }
  Undone undo(db::Connection& c, const http::Principal& who, std::int64_t id) const override {
    return {service_.remove_session_in(c, who, id), ""};
  }

 private:
  const reintegration::ReintegrationService& service_;
  registers::Spec spec_;
};

}  // namespace

std::unique_ptr<Target> sessions_target(const reintegration::ReintegrationService& service) {
  return std::make_unique<SessionsTarget>(service);
}

}  // namespace antq::imports
