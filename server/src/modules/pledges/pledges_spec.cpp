#include "modules/pledges/pledges_spec.hpp"

#include "modules/registers/field_builders.hpp"

namespace antq::pledges {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "pledges";
  s.entity = "pledge";
  s.title = "Cam kết";
  s.table = "pledges";
  s.write_permission = "pledges.write";
  s.fields = {f::choice("pledger_kind", "Bên cam kết",
                        {{"household", "Hộ gia đình"}, {"unit", "Cơ quan, đơn vị"}, {"establishment", "Cơ sở kinh doanh"}}, true),
              f::text("pledger", "Tên hộ, đơn vị, cơ sở", true), f::long_text("content", "Nội dung cam kết", true),
              f::year("year", "Năm", true),
              f::choice("result", "Kết quả", {{"pending", "Đang thực hiện"}, {"kept", "Thực hiện tốt"}, {"broken", "Vi phạm cam kết"}},
                        false, "pending")};
  s.fields[3].filterable = true;
  return s;
}

}  // namespace antq::pledges
