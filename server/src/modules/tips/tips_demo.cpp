#include "modules/tips/tips_demo.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <vector>

#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/tips/tip_codes.hpp"
#include "modules/tips/tips_repository.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::tips {

namespace {

struct DemoTip {
  const char* unit;
  const char* category;
  const char* channel;
  int days_ago;
  const char* description;
  const char* place;
  const char* status;
  bool with_reporter;
  const char* officer_message;   // nullable
  const char* reporter_message;  // nullable
  int duplicate_of = -1;         // index in kTips of the tip this one repeats
};

// Texts in the words people use; numbers and places are invented. The theft tip (23 days, still
// assigned) is past its 20-day deadline: the inbox shows it as overdue.
constexpr DemoTip kTips[] = {
    {"21220-001", "drugs", "online", 1, "Tối nào cũng có nhóm thanh niên lạ mặt tụ tập ở bãi đất trống cuối thôn, nghi sử dụng ma túy.",
     "Bãi đất trống cuối thôn Trường Thọ", "received", false, nullptr, nullptr},
    {"21220-002", "drugs", "online", 1, "Có nhóm người tụ tập sử dụng ma tuý ở bãi đất trống cuối thôn Trường Thọ vào buổi tối.",
     "Gần bãi đất trống", "received", false, nullptr, nullptr},
    {"21220-003", "gambling", "phone", 4, "Nhà kho gần chợ có nhiều xe máy ra vào ban đêm, nghi tổ chức đánh bạc ăn tiền.",
     "Nhà kho gần chợ", "verifying", true, "Cảm ơn anh/chị. Thường vào khoảng mấy giờ thì đông người nhất?",
     "Khoảng từ 22 giờ đến 1 giờ sáng."},
    {"21220-001", "theft", "in_person", 23, "Mất trộm xe máy Honda Wave trước cổng nhà văn hóa thôn trong lúc họp dân.",
     "Nhà văn hóa thôn Trường Thọ", "assigned", true, nullptr, nullptr},
    {"21220-004", "online_fraud", "hotline", 14, "Người dân báo bị lừa chuyển khoản 20 triệu đồng qua tin nhắn giả danh ngân hàng.", "",
     "resolved", true, "Công an xã đã tiếp nhận, đang phối hợp với ngân hàng để phong tỏa tài khoản.", nullptr},
    {"21220-005", "loan_sharking", "online", 25, "Có đối tượng cho vay lãi nặng, đến nhà đe dọa, tạt sơn nhà người vay.", "", "assigned",
     false, nullptr, nullptr},
    {"21220-002", "fire_risk", "chat", 30, "Đường dây điện cũ chằng chịt qua mái nhà tạm ở xóm dưới, nguy cơ chập cháy.", "Xóm dưới",
     "closed", false, nullptr, nullptr},
    {"21220-003", "traffic", "online", 40, "Nhóm thanh niên đua xe trái phép trên tỉnh lộ mỗi tối thứ bảy.", "Tỉnh lộ 623", "rejected",
     false, nullptr, nullptr},
    {"21220-001", "weapons", "in_person", 3, "Phát hiện người mang theo vật giống súng tự chế vào quán karaoke trên đường chính.",
     "Quán karaoke đường chính", "verifying", true, nullptr, nullptr},
    {"09574-001", "public_order", "online", 2, "Quán nhậu mở nhạc to sau 23 giờ, khách say xỉn gây gổ đánh nhau.", "", "received", false,
     nullptr, nullptr},
    {"09574-002", "environment", "online", 6, "Xe tải đổ trộm phế thải xây dựng xuống mương thoát nước đầu ngõ.", "Đầu ngõ 12", "assigned",
     false, "Chúng tôi đã cử tổ công tác đến kiểm tra.", nullptr},
    {"21220-005", "gambling", "online", 3, "Ở nhà kho cạnh chợ có người tổ chức đánh bạc ăn tiền vào ban đêm, xe máy ra vào liên tục.",
     "Cạnh chợ", "duplicate", false, nullptr, "Tối qua vẫn còn đông người.", 2},
};

}  // namespace

int seed_demo(db::Database& db, const crypto::Keyring& keys) {
  const bool done =
      db.read_value([](db::Connection& c) { return !c.query("SELECT 1 FROM settings WHERE key = 'demo.tips'").rows.empty(); });
  if (done) return 0;
  int created = 0;
  std::vector<std::int64_t> ids;
  const auto now = std::chrono::system_clock::now();
  db.write([&](db::Connection& c) {
    for (const auto& d : kTips) {
      auto unit = units::repo::find_active(c, d.unit);
      ids.push_back(0);
      if (!unit) continue;  // the demo commune is not in the live list
      const auto received = now - std::chrono::hours(24 * d.days_ago) - std::chrono::minutes(37 * created);
      repo::InsertTip row;
      row.tracking_code = new_tracking_code();
      row.secret_hash = keys.keyed_hash(new_secret(), "tip-secret");  // nobody holds the demo secrets
      row.unit_id = unit->id;
      row.category = d.category;
      row.channel = d.channel;
      row.description = d.description;
      row.place = d.place;
      row.search_text = text::fold(std::string(d.description) + " " + d.place + " " + row.tracking_code);
      row.anonymous = !d.with_reporter;
      if (d.with_reporter) {
        row.reporter_sealed = keys.seal(boost::json::serialize(boost::json::object{{"name", "Người báo mẫu " + std::to_string(created + 1)},
                                                                                   {"phone", "09000000" + std::to_string(10 + created)},
                                                                                   {"email", ""},
                                                                                   {"address", unit->full_name}}),
                                        "tip-reporter");
      }
      row.received_at = timeutil::to_rfc3339(received);
      row.settle_due_at = timeutil::to_rfc3339(received + std::chrono::hours(24 * 20));
      const auto id = repo::insert_tip(c, row);
      ids.back() = id;
      repo::add_event(c, id, {row.received_at, "received", std::string("received"), std::nullopt, true, "", d.channel});
      const std::string later = timeutil::to_rfc3339(received + std::chrono::hours(5));
      if (d.officer_message) {
        repo::add_message(c, id, later, "out", std::nullopt, d.officer_message);
        repo::add_event(c, id, {later, "message_out", std::nullopt, std::nullopt, true, "", ""});
      }
      if (d.reporter_message) {
        const std::string reply = timeutil::to_rfc3339(received + std::chrono::hours(7));
        repo::add_message(c, id, reply, "in", std::nullopt, d.reporter_message);
        repo::add_event(c, id, {reply, "message_in", std::nullopt, std::nullopt, true, "", ""});
      }
      const std::string status = d.status;
      if (status != "received") {
        auto tip = *repo::find(c, id);
        repo::Update u = repo::update_from(tip);
        u.status = status;
        u.updated_at = later;
        if (status == "resolved" || status == "closed") {
          u.outcome_valid = true;
          u.cases_solved = status == "resolved" ? 1 : 0;
          u.suspects_arrested = status == "resolved" ? 2 : 0;
          u.decision = status == "resolved" ? std::optional<std::string>("prosecute") : std::nullopt;
          u.public_note = status == "resolved" ? "Đã khởi tố vụ án, cảm ơn sự phối hợp của bạn." : "Đã khắc phục nguy cơ cháy.";
          u.decided_at = later;
        }
        if (status == "duplicate") {
          if (d.duplicate_of < 0 || ids[static_cast<std::size_t>(d.duplicate_of)] == 0) continue;
          u.duplicate_of = ids[static_cast<std::size_t>(d.duplicate_of)];
          u.decided_at = later;
        }
        if (status == "rejected") {
          u.status_reason = "Tin báo trùng nội dung đã xử lý trước đó.";
          u.decided_at = later;
        }
        if (std::string(d.category) == "online_fraud") {
          u.transfer_required = true;
          u.pass_on_due_at = timeutil::to_rfc3339(received + std::chrono::hours(24));
          u.passed_on_at = timeutil::to_rfc3339(received + std::chrono::hours(20));
          u.passed_on_to = "Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Ngãi";
          u.transferred_to = u.passed_on_to;
        }
        if (std::string(d.category) == "loan_sharking") {
          // Extended once: still open at 25 days, within its new deadline.
          u.extensions = 1;
          u.settle_due_at = timeutil::to_rfc3339(received + std::chrono::hours(24 * 50));
          repo::add_event(c, id,
                          {later, "extended", std::nullopt, std::nullopt, true, "Vụ việc phức tạp, cần xác minh nhiều nơi",
                           timeutil::vietnam_date(received + std::chrono::hours(24 * 50))});
        }
        repo::update(c, id, u);
        repo::add_event(c, id, {later, "status", status, std::nullopt, true, "", ""});
        if (u.decided_at) repo::add_event(c, id, {later, "decision", status, std::nullopt, true, "", ""});
      }
      ++created;
    }
    c.query("INSERT INTO settings (key, value, updated_at) VALUES ('demo.tips', '1', $1)", timeutil::now_utc());
  });
  return created;
}

}  // namespace antq::tips
