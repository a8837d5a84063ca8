#include "modules/activities/activities_spec.hpp"

#include "modules/registers/field_builders.hpp"

namespace antq::activities {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "activities";
  s.entity = "activity";
  s.title = "Hoạt động phong trào";
  s.table = "activities";
  s.write_permission = "activities.write";
  s.fields = {f::code("type", "Loại hoạt động", "activity_types", true),
              f::date("date", "Ngày", true, true),
              f::text("title", "Nội dung", true),
              f::codes("organizers", "Lực lượng tổ chức", "forces", 1),
              f::codes("audience", "Đối tượng tham gia", "forces"),
              f::codes("topics", "Chủ đề", "topics"),
              f::count("participants", "Số lượt người tham gia"),
              f::count("quantity", "Số lượng (tờ rơi…)"),
              f::reference("program_id", "Chương trình phối hợp", "programs"),
              f::long_text("notes", "Ghi chú")};
  s.date_field = "date";
  s.attachments = true;
  return s;
}

}  // namespace antq::activities
