#include "modules/awards/awards_spec.hpp"

#include "modules/registers/field_builders.hpp"

namespace antq::awards {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "awards";
  s.entity = "award";
  s.title = "Khen thưởng";
  s.table = "awards";
  s.write_permission = "awards.write";
  s.fields = {f::code("form", "Hình thức", "award_forms", true),
              f::text("issuer", "Cấp khen", true),
              f::choice("recipient_kind", "Tập thể / cá nhân", {{"collective", "Tập thể"}, {"individual", "Cá nhân"}}, true),
              f::text("recipient_name", "Tên tập thể, cá nhân", true),
              f::date("date", "Ngày", true, true),
              f::long_text("reason", "Thành tích"),
              f::reference("program_id", "Chương trình phối hợp", "programs")};
  s.date_field = "date";
  return s;
}

}  // namespace antq::awards
