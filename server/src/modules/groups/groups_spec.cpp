#include "modules/groups/groups_spec.hpp"

#include "modules/groups/members_routes.hpp"
#include "modules/groups/team_rules.hpp"
#include "modules/module_host.hpp"
#include "modules/registers/field_builders.hpp"

namespace antq::groups {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "groups";
  s.entity = "group";
  s.title = "Tổ, nhóm";
  s.table = "movement_groups";
  s.write_permission = "groups.write";
  s.fields = {f::code("kind", "Loại", "group_kinds", true), f::text("name", "Tên", true),
              f::date("started_on", "Ngày thành lập", true, true),
              f::choice("platform", "Nền tảng", {{"zalo", "Zalo"}, {"facebook", "Facebook"}, {"other", "Khác"}}),
              f::text("leader", "Tổ trưởng, quản trị viên", false, 200), f::count("members_count", "Số thành viên"),
              f::date("dissolved_on", "Ngày giải thể"),
              // Where a news connector is configured (issue 15), posts to this group are sent to it.
              f::text("channel_ref", "Mã nhóm trên nền tảng (để gửi tin tự động)", false, 100)};
  s.date_field = "started_on";
  s.ordered = {{"dissolved_on", "started_on"}};
  s.check = check_group;
  // The members of a team, checked against the law (team_rules.hpp).
  s.extras = [](registers::RegisterService& groups, modules::Host& host) {
    auto& members = host.keep<MembersService>(groups, host.db, host.audit);
    register_member_routes(host.router, members);
    host.offer(members);  // the importer's "groups/members"
  };
  return s;
}

}  // namespace antq::groups
