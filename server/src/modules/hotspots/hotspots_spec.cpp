#include "modules/hotspots/hotspots_spec.hpp"

#include "core/errors.hpp"
#include "modules/registers/field_builders.hpp"

namespace antq::hotspots {

namespace bj = boost::json;

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "hotspots";
  s.entity = "hotspot";
  s.title = "Địa bàn trọng điểm, phức tạp về an ninh, trật tự";
  s.table = "hotspots";
  s.read_permission = "hotspots.read";
  s.write_permission = "hotspots.write";
  s.fields = {f::text("name", "Tên địa bàn", true, 200),
              f::codes("problem_types", "Vấn đề phức tạp", "topics", 1),
              f::date("designated_on", "Ngày xác định", true, true),
              f::text("decision", "Quyết định, văn bản xác định", false, 200),
              f::long_text("plan", "Kế hoạch chuyển hóa"),
              f::items("milestones", "Các mốc kế hoạch", {"title", "due_on", "done_on"}),
              f::choice("status", "Tình trạng",
                        {{"designated", "Đã xác định"},
                         {"transforming", "Đang chuyển hóa"},
                         {"transformed", "Đã chuyển hóa"},
                         {"removed", "Đưa ra khỏi danh sách"}},
                        false, "designated"),
              f::date("transformed_on", "Ngày công nhận chuyển hóa", false, true),
              f::long_text("notes", "Ghi chú")};
  s.date_field = "designated_on";
  s.ordered = {{"transformed_on", "designated_on"}};
  s.unit_kinds = {"village", "commune"};
  // A transformed area has the date it was recognised as such; reports count it in that period.
  s.check = [](db::Connection&, const bj::object& v, const std::string&, std::int64_t, std::int64_t) {
    if (v.at("status").as_string() == "transformed" && v.at("transformed_on").is_null()) {
      throw BadRequest("Địa bàn đã chuyển hóa cần có ngày công nhận chuyển hóa.", "transformed_on");
    }
  };
  return s;
}

}  // namespace antq::hotspots
