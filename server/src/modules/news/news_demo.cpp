#include "modules/news/news_demo.hpp"

#include <chrono>
#include <optional>

#include "core/time.hpp"
#include "modules/news/markdown.hpp"
#include "modules/news/news_demo.sql.hpp"

namespace antq::news {

namespace {

using namespace antq::sql::news::news_demo;  // the statements: news_demo.sql

struct DemoPost {
  const char* commune;
  const char* kind;
  int priority;
  int days_ago;
  std::optional<int> expires_in_days;
  const char* title;
  const char* summary;
  const char* body;
};

// Written as a commune's police and Front would write them; the figures and places are the demo's.
const DemoPost kPosts[] = {
    {"21220", "warning", 1, 1, 30, "Cảnh báo: giả danh công an gọi điện yêu cầu chuyển tiền",
     "Công an xã nhận được nhiều phản ánh về các cuộc gọi giả danh cơ quan công an.",
     "Thời gian gần đây, nhiều người dân trong xã nhận được cuộc gọi **giả danh cán bộ công an** thông báo liên quan đến "
     "vụ án, yêu cầu chuyển tiền vào tài khoản để \"xác minh\".\n\n"
     "Công an xã khuyến cáo:\n\n"
     "- Công an **không** làm việc qua điện thoại và **không** yêu cầu chuyển tiền;\n"
     "- Không cung cấp mã OTP, số tài khoản, ảnh căn cước cho người lạ;\n"
     "- Khi nghi ngờ, báo ngay cho Công an xã hoặc gửi tin báo trên trang này.\n"},
    {"21220", "news", 3, 4, std::nullopt, "Ra mắt mô hình \"Camera an ninh\" tại thôn Trường Thọ",
     "Thôn Trường Thọ lắp 12 camera giám sát ở các ngã ba, đường vào thôn, do Nhân dân đóng góp.",
     "Sáng nay, Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc xã phối hợp với Ban công tác Mặt trận thôn Trường "
     "Thọ tổ chức ra mắt mô hình *\"Camera an ninh\"*.\n\n"
     "12 camera được lắp tại các ngã ba và đường vào thôn bằng kinh phí Nhân dân đóng góp; hình ảnh được kết nối về nhà "
     "văn hóa thôn và Công an xã, giúp phát hiện, ngăn chặn sớm trộm cắp và vi phạm trật tự.\n"},
    {"21220", "notice", 3, 6, 60, "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026",
     "Các thôn tổ chức Ngày hội, tổng kết phong trào và biểu dương gương người tốt, việc tốt.",
     "Thực hiện kế hoạch của Ủy ban nhân dân xã, các thôn tổ chức **Ngày hội toàn dân bảo vệ an ninh Tổ quốc** năm 2026.\n\n"
     "Nội dung gồm phần lễ (đánh giá kết quả phong trào, biểu dương tập thể, cá nhân tiêu biểu) và phần hội với các hoạt "
     "động văn hóa, thể thao. Đề nghị bà con tham gia đầy đủ.\n"},
    {"09574", "news", 3, 3, std::nullopt, "Tổ dân phố ký cam kết không vi phạm pháp luật về trật tự, an toàn giao thông",
     "Các hộ gia đình tổ dân phố số 1 ký cam kết đầu năm.",
     "Các hộ gia đình tổ dân phố số 1 đã ký cam kết thực hiện tốt các quy định về trật tự, an toàn giao thông, phòng "
     "cháy, chữa cháy và không để con em vi phạm pháp luật.\n"},
};

}  // namespace

int seed_demo(db::Database& db) {
  return db.write_value([](db::Connection& c) {
    if (!c.query(kSeeded).rows.empty()) return 0;
    const auto now = std::chrono::system_clock::now();
    const auto day = std::chrono::hours(24);
    int added = 0;
    for (const auto& p : kPosts) {
      const auto unit = c.query(kCommune, std::string(p.commune));
      if (unit.rows.empty()) continue;  // the demo commune is not in the live list
      const auto unit_id = unit.rows[0].integer(0);
      const auto at = now - p.days_ago * day;
      const std::optional<std::string> expires =
          p.expires_in_days ? std::optional(timeutil::to_rfc3339(now + *p.expires_in_days * day)) : std::nullopt;
      const auto id = c.query(kInsertPost, unit_id, std::string(p.kind), std::string(p.title), std::string(p.summary), std::string(p.body),
                              render_markdown(p.body), p.priority, timeutil::to_rfc3339(at), expires)
                          .rows.at(0)
                          .integer(0);
      c.query(kInsertTarget, id, unit_id);
      ++added;
    }
    c.query(kMarkSeeded, timeutil::now_utc());
    return added;
  });
}

}  // namespace antq::news
