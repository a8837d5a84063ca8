// "tips": tips of past years copied from the paper books (C3), one row a tip, with how it ended
// when it did. No reporter identity is taken from a spreadsheet.
#include "core/errors.hpp"
#include "modules/imports/targets/child_targets.hpp"
#include "modules/imports/targets/row_values.hpp"
#include "modules/tips/tip.hpp"
#include "modules/tips/tip_import.hpp"

namespace antq::imports {

namespace {

namespace f = registers::f;

registers::Spec tips_spec() {
  registers::Spec s;
  s.name = "tips";
  s.title = "Tin báo, tố giác (sổ theo dõi)";
  s.read_permission = "tips.read";
  s.write_permission = "tips.write";
  s.unit_kinds = {"commune", "village", "establishment"};
  s.date_field = "received_on";
  s.fields = {
      f::date("received_on", "Ngày tiếp nhận", true, true),
      f::code("category", "Loại tin báo", tips::kCategoryKind, true),
      f::choice("channel", "Hình thức tiếp nhận",
                {{"in_person", "Trực tiếp"},
                 {"phone", "Điện thoại"},
                 {"hotline", "Đường dây nóng"},
                 {"chat", "Tin nhắn"},
                 {"online", "Trực tuyến"}},
                false, "in_person"),
      f::long_text("description", "Nội dung tin báo", true),
      f::text("place", "Nơi xảy ra"),
      // "Đã giải quyết" first: the template's example row (the first choice, "Có", counts, a
      // decision) is then a settled tip that imports as it is. Not "assigned": the app assigns a
      // tip to an account, which a past year's book does not name.
      f::choice("status", "Trạng thái",
                {{"resolved", "Đã giải quyết"},
                 {"received", "Đã tiếp nhận"},
                 {"verifying", "Đang xác minh"},
                 {"closed", "Đã kết thúc"},
                 {"rejected", "Không thụ lý"}}),
      registers::Field{"valid", registers::FieldType::boolean, false, "Có cơ sở"},
      f::count("cases_solved", "Số vụ án làm rõ"),
      f::count("suspects_arrested", "Số đối tượng bắt giữ"),
      f::count("wanted_caught", "Số đối tượng truy nã bắt được"),
      f::choice("decision", "Quyết định",
                {{"prosecute", "Khởi tố"}, {"not_prosecute", "Không khởi tố"}, {"suspend", "Tạm đình chỉ"}, {"other", "Khác"}}),
      f::date("decided_on", "Ngày giải quyết", false, true),
      f::text("reason", "Lý do không thụ lý", false, 500),
  };
  return s;
}

class TipsTarget final : public Target {
 public:
  explicit TipsTarget(const tips::TipsService& service) : service_(service), spec_(tips_spec()) {}
  const registers::Spec& spec() const override { return spec_; }

  std::int64_t create(db::Connection& c, const http::Principal& who, const RowInput& row) const override {
    const auto& b = row.body;
    tips::PastTip t;
    t.unit = *row.unit;
    t.category = values::text(b, "category");
    if (t.category.empty()) throw BadRequest("Thiếu loại tin báo.", "category");
    t.channel = values::text(b, "channel");
    if (t.channel.empty()) t.channel = "in_person";
    t.description = values::text(b, "description");
    t.place = values::optional_text(b, "place", 300).value_or("");
    t.received_on = values::text(b, "received_on");
    if (t.received_on.empty()) throw BadRequest("Thiếu ngày tiếp nhận.", "received_on");
    t.reason = values::optional_text(b, "reason", 500).value_or("");
    t.decided_on = values::optional_text(b, "decided_on", 10);
    const auto valid = values::optional_bool(b, "valid");
    // A book that records how a tip ended says it was settled, even without a status column.
    t.status = values::text(b, "status");
    if (t.status.empty()) t.status = valid ? "resolved" : "received";
    if (valid) {
      tips::Outcome o;
      o.valid = *valid;
      o.cases_solved = values::count(b, "cases_solved");
      o.suspects_arrested = values::count(b, "suspects_arrested");
      o.wanted_caught = values::count(b, "wanted_caught");
      o.decision = values::optional_text(b, "decision", 20);
      t.outcome = o;
    } else if (values::count(b, "cases_solved") || values::count(b, "suspects_arrested") || values::count(b, "wanted_caught")) {
      throw BadRequest("Có số vụ án, đối tượng thì hãy ghi tin báo có cơ sở (Có).", "valid");
    }
    return service_.import_in(c, who, t);
  }
  bool exists(db::Connection& c, const http::Principal& who, std::int64_t id) const override { return service_.exists_in(c, who, id); }
  Undone undo(db::Connection& c, const http::Principal& who, std::int64_t id) const override {
    return {service_.remove_imported_in(c, who, id), ""};
  }

 private:
  const tips::TipsService& service_;
  registers::Spec spec_;
};

}  // namespace

std::unique_ptr<Target> tips_target(const tips::TipsService& service) { return std::make_unique<TipsTarget>(service); }

}  // namespace antq::imports
