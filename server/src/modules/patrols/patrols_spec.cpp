#include "modules/patrols/patrols_spec.hpp"

#include "modules/registers/field_builders.hpp"

namespace antq::patrols {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "patrols";
  s.entity = "patrol";
  s.title = "Tuần tra";
  s.table = "patrols";
  s.write_permission = "patrols.write";
  s.fields = {f::reference("team_id", "Tổ tuần tra", "movement_groups"),
              f::datetime("started_at", "Bắt đầu", true, true),
              f::datetime("ended_at", "Kết thúc"),
              f::text("route", "Tuyến, địa bàn"),
              f::count("participants", "Số người tham gia"),
              f::count("incidents", "Số vụ việc phát hiện"),
              f::long_text("notes", "Ghi chú")};
  s.date_field = "started_at";
  s.ordered = {{"ended_at", "started_at"}};
  s.attachments = true;  // photos from the phone form
  return s;
}

}  // namespace antq::patrols
