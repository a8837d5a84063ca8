// "groups/members": the members of a self-managed group or a team (C6), one row a member, the
// group named by its id; each checked against the law as when added in the app (team_rules.hpp).
#include "core/errors.hpp"
#include "modules/imports/targets/child_targets.hpp"
#include "modules/imports/targets/row_values.hpp"

namespace antq::imports {

namespace {

namespace f = registers::f;
using values::parent;

class MembersTarget final : public Target {
 public:
  explicit MembersTarget(const groups::MembersService& service) : service_(service) {
    spec_.name = "groups/members";
    spec_.title = "Thành viên tổ, nhóm";
    spec_.read_permission = service.spec().read_permission;
    spec_.write_permission = service.spec().write_permission;
    spec_.date_field = "joined_on";
    spec_.fields = {
        parent("group", "Mã tổ, nhóm", service.spec().table),
        f::text("name", "Họ tên", true, 200),
        f::choice("role", "Vai trò", {{"leader", "Tổ trưởng"}, {"deputy", "Tổ phó"}, {"member", "Tổ viên"}, {"mediator", "Hòa giải viên"}},
                  false, "member"),
        f::choice("gender", "Giới tính", {{"female", "Nữ"}, {"male", "Nam"}}),
        f::year("birth_year", "Năm sinh"),
        f::date("joined_on", "Ngày tham gia", true, true),
        f::date("left_on", "Ngày rời tổ", false, true),
    };
  }
  const registers::Spec& spec() const override { return spec_; }
  bool has_unit() const override { return false; }

  std::int64_t create(db::Connection& c, const http::Principal& who, const RowInput& row) const override {
    const auto group = values::parent_id(row.body, "group", service_.spec());
    groups::Member m;
    m.name = values::optional_text(row.body, "name", 200).value_or("");
    if (m.name.empty()) throw BadRequest("Thiếu họ tên.", "name");
    m.role = values::text(row.body, "role");
    if (m.role.empty()) m.role = "member";
    m.gender = values::text(row.body, "gender");
    m.birth_year = values::optional_int(row.body, "birth_year");
    m.joined_on = values::text(row.body, "joined_on");
    if (m.joined_on.empty()) throw BadRequest("Thiếu ngày tham gia.", "joined_on");
    m.left_on = values::optional_text(row.body, "left_on", 10);
    try {
      return service_.add_in(c, who, group, m);
    } catch (const NotFound&) {
      throw BadRequest("Không tìm thấy tổ, nhóm mã " + std::to_string(group) + " trong địa bàn của bạn.", "group");
    }
  }
  bool exists(db::Connection& c, const http::Principal& who, std::int64_t id) const override { return service_.has_in(c, who, id); }
  Undone undo(db::Connection& c, const http::Principal& who, std::int64_t id) const override {
    return {service_.remove_in(c, who, id), ""};
  }

 private:
  const groups::MembersService& service_;
  registers::Spec spec_;
};

}  // namespace

std::unique_ptr<Target> members_target(const groups::MembersService& service) { return std::make_unique<MembersTarget>(service); }

}  // namespace antq::imports
