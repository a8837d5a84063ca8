#include "modules/mediations/mediations_spec.hpp"

#include "modules/mediations/mediation_book.hpp"
#include "modules/module_host.hpp"
#include "modules/registers/field_builders.hpp"

namespace antq::mediations {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "mediations";
  s.entity = "mediation";
  s.title = "Hòa giải ở cơ sở";
  s.table = "mediations";
  s.read_permission = "mediations.read";
  s.write_permission = "mediations.write";
  s.fields = {f::date("received_on", "Ngày nhận", true, true),
              f::code("dispute_type", "Loại việc", "dispute_types", true),
              f::people("parties", "Các bên", 1),
              f::choice("outcome", "Kết quả",
                        {{"pending", "Đang hòa giải"},
                         {"successful", "Hòa giải thành"},
                         {"unsuccessful", "Hòa giải không thành"},
                         {"transferred", "Chuyển cơ quan có thẩm quyền"}},
                        true),
              f::text("mediators", "Hòa giải viên, người được mời", false, 500),
              f::long_text("content", "Nội dung chính"),
              f::long_text("agreement", "Thỏa thuận, yêu cầu của các bên"),
              f::date("closed_on", "Ngày kết thúc")};
  s.fields[4].searchable = true;
  s.date_field = "received_on";
  s.ordered = {{"closed_on", "received_on"}};
  s.unit_kinds = {"village", "commune"};
  s.attachments = true;  // photos of the minutes, from the phone form
  // The printed book of a village's mediations for a year.
  s.extras = [](registers::RegisterService& mediations, modules::Host& host) {
    register_book_route(host.router, host.keep<MediationBook>(mediations, host.db));
  };
  return s;
}

}  // namespace antq::mediations
