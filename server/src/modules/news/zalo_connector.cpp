#include "modules/news/zalo_connector.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "modules/notifications/http_post.hpp"
#include "modules/notifications/smtp_sender.hpp"

namespace antq::news {

namespace bj = boost::json;

void check_zalo_options(const ZaloOptions& o) {
  if (o.url.empty()) return;
  const bool loopback = o.url.starts_with("http://127.0.0.1:") || o.url.starts_with("http://127.0.0.1/") ||
                        o.url.starts_with("http://localhost:") || o.url.starts_with("http://localhost/");
  if (!o.url.starts_with("https://") && !loopback) {
    throw OperatorError("news_zalo_url phải là địa chỉ https:// (http:// chỉ dùng cho máy này, 127.0.0.1).");
  }
  if (o.access_token.empty()) throw OperatorError("Đã đặt news_zalo_url nhưng thiếu news_zalo_token (access token của Zalo OA).");
}

void ZaloConnector::send(const std::string& group_id, const std::string& text) const {
  const std::string body =
      bj::serialize(bj::object{{"recipient", bj::object{{"group_id", group_id}}}, {"message", bj::object{{"text", text}}}});
  std::vector<std::string> headers{"access_token: " + o_.access_token};
  if (!o_.secret.empty()) headers.push_back("X-Antq-Signature: sha256=" + notifications::hmac_sha256_hex(o_.secret, body));
  notifications::HttpAnswer answer;
  try {
    answer = notifications::post_json(o_.url, body, headers, o_.timeout, "zalo");
  } catch (const std::runtime_error& e) {
    throw notifications::DeliveryFailed(e.what(), false);
  }
  if (answer.status < 200 || answer.status > 299) {
    throw notifications::DeliveryFailed("zalo: HTTP " + std::to_string(answer.status), answer.status >= 400 && answer.status < 500);
  }
  boost::system::error_code ec;
  const bj::value reply = bj::parse(answer.body, ec);
  const auto* obj = ec ? nullptr : reply.if_object();
  const auto* error = obj ? obj->if_contains("error") : nullptr;
  if (error == nullptr || !error->is_int64()) throw notifications::DeliveryFailed("zalo: câu trả lời không đúng dạng", false);
  if (error->as_int64() != 0) {
    const auto* message = obj->if_contains("message");
    throw notifications::DeliveryFailed(
        "zalo: lỗi " + std::to_string(error->as_int64()) + (message && message->is_string() ? " " + std::string(message->as_string()) : ""),
        false);
  }
}

}  // namespace antq::news
