#include "modules/news/news_mail.hpp"

namespace antq::news::mail {

namespace {

std::string kind_label(const std::string& kind, int priority) {
  if (kind == "warning") return priority == 1 ? "CẢNH BÁO KHẨN" : "Cảnh báo";
  if (kind == "notice") return "Thông báo";
  return "Tin tức";
}

}  // namespace

notifications::Mail confirmation(const Confirmation& c, const std::string& base_url) {
  notifications::Mail m;
  m.to = c.to;
  m.subject = "Xác nhận đăng ký nhận tin: " + c.unit_full_name;
  const std::string what = c.kinds == "warning" ? "cảnh báo" : "tin tức, cảnh báo và thông báo";
  m.text = "Địa chỉ thư này vừa được dùng để đăng ký nhận " + what + " của " + c.unit_full_name + " trên ANTQ.\n\n" +
           "Để xác nhận, mở liên kết sau:\n" + base_url + "/dang-ky-tin/xac-nhan?token=" + c.token + "\n\n" +
           "Liên kết có hiệu lực 7 ngày. Nếu không phải bạn đăng ký, hãy bỏ qua thư này: "
           "bạn sẽ không nhận thêm thư nào.\n";
  return m;
}

notifications::Mail post(const PostMessage& p, const std::string& base_url) {
  notifications::Mail m;
  m.to = p.to;
  m.subject = "[" + kind_label(p.kind, p.priority) + "] " + p.title;
  const std::string link = base_url + "/tin-tuc/" + std::to_string(p.post_id);
  const std::string stop_page = base_url + "/dang-ky-tin/huy?token=" + p.unsubscribe_token;
  m.text = p.title + "\n\n";
  if (!p.summary.empty()) m.text += p.summary + "\n\n";
  m.text += p.body + "\n\nXem trên trang: " + link + "\n\n--\nBạn nhận thư này vì đã đăng ký nhận tin của " + p.subscribed_unit +
            ".\nHủy đăng ký (một lần bấm, không cần đăng nhập): " + stop_page + "\n";
  // RFC 8058: a mail client unsubscribes with one POST to this address, without opening a page.
  m.headers = {{"List-Unsubscribe", "<" + base_url + "/api/v1/public/subscriptions/unsubscribe?token=" + p.unsubscribe_token + ">"},
               {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  return m;
}

std::string post_text(const std::string& kind, int priority, const std::string& title, const std::string& summary, std::int64_t post_id,
                      const std::string& base_url) {
  std::string text = "[" + kind_label(kind, priority) + "] " + title + "\n";
  if (!summary.empty()) text += "\n" + summary + "\n";
  return text + "\nXem: " + base_url + "/tin-tuc/" + std::to_string(post_id);
}

}  // namespace antq::news::mail
