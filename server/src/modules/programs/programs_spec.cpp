#include "modules/programs/programs_spec.hpp"

#include "modules/registers/field_builders.hpp"

namespace antq::programs {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "programs";
  s.entity = "program";
  s.title = "Chương trình phối hợp";
  s.table = "programs";
  s.write_permission = "programs.write";
  s.fields = {f::text("number", "Số", true, 60),
              f::text("title", "Tên chương trình", true),
              f::codes("parties", "Các bên ký kết", "forces"),
              f::date("signed_on", "Ngày ký", true, true),
              f::date("period_from", "Hiệu lực từ"),
              f::date("period_to", "Đến")};
  s.date_field = "signed_on";
  s.ordered = {{"period_to", "period_from"}};
  return s;
}

}  // namespace antq::programs
