#include "modules/opinions/public_opinions.hpp"

#include <memory>

#include "core/client_address.hpp"
#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/rate_limiter.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::opinions {

namespace bj = boost::json;

namespace {

constexpr std::size_t kMinContent = 10;
constexpr std::size_t kMaxContent = 2000;
constexpr const char* kChooseUnit = "Hãy chọn xã, phường hoặc thôn, tổ dân phố nơi bạn góp ý.";
constexpr const char* kUnknownUnit =
    "Không tìm thấy xã, phường hoặc thôn, tổ dân phố đã chọn (có thể đơn vị đã được sáp nhập); hãy chọn lại.";
constexpr const char* kChooseTopic = "Hãy chọn lĩnh vực của ý kiến.";
constexpr const char* kUnknownTopic = "Lĩnh vực đã chọn không còn trong danh sách; hãy chọn lại.";
constexpr const char* kContentLength = "Nội dung ý kiến cần từ 10 đến 2.000 ký tự.";
constexpr const char* kContentCharacters = "Nội dung ý kiến có ký tự không hợp lệ; hãy gõ lại nội dung.";
constexpr const char* kUnreadable = "Không đọc được ý kiến gửi lên; hãy tải lại trang rồi gửi lại.";

// A text field as the form sends it: a string, or the citizen's own message for that field.
std::string text_field(const bj::object& o, const char* key, const char* missing) {
  const auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) throw BadRequest(missing, key);
  return text::trim(text::nfc(std::string_view(it->value().as_string())));
}

}  // namespace

registers::Record PublicOpinions::receive(const CitizenOpinion& in, const std::string& request_id) {
  // A commune or a village: a province (or an old district) is too far from the place to act on it.
  const auto kind = db_.read_value([&](db::Connection& c) -> std::optional<std::string> {
    const auto u = units::repo::find_active(c, in.unit);
    return u ? std::optional<std::string>(u->kind) : std::nullopt;
  });
  if (!kind) throw BadRequest(kUnknownUnit, "unit");
  if (*kind != "commune" && *kind != "village") throw BadRequest(kChooseUnit, "unit");

  bj::object body{
      {"unit", in.unit}, {"topic", in.topic}, {"content", in.content}, {"source", "online"}, {"received_on", timeutil::today_vietnam()}};
  // The public writes as a caller with only this permission and the whole country in scope.
  http::Principal citizen;
  citizen.username = "public";
  citizen.role = "public";
  citizen.permissions = {"opinions.write"};
  try {
    return opinions_.create(citizen, body, request_id);
  } catch (const BadRequest& e) {
    // The register's own checks (the topics catalogue, the unit) speak to staff: said again here
    // for a citizen, on the same field.
    if (e.field() == "topic") throw BadRequest(kUnknownTopic, "topic");
    if (e.field() == "unit") throw BadRequest(kUnknownUnit, "unit");
    if (e.field() == "content") throw BadRequest(kContentLength, "content");
    throw BadRequest(kUnreadable, e.field(), e.code());
  }
}

void register_public_route(http::Router& router, PublicOpinions& opinions, int per_hour, std::shared_ptr<WindowCounts> windows) {
  auto limiter = std::make_shared<RateLimiter>(per_hour, std::chrono::hours(1), std::move(windows), "opinions");
  router.add({"POST", "/api/v1/public/opinions", http::Access::public_}, [&opinions, limiter](http::Request& req) {
    if (limiter->enabled()) {
      if (int wait = limiter->acquire(net::client_key(req.client_ip))) {
        throw TooManyRequests("Bạn đã gửi quá nhiều ý kiến, vui lòng thử lại sau.", wait);
      }
    }
    bj::object obj;
    try {
      obj = json::parse_object(req.body);
    } catch (const BadRequest& e) {
      throw BadRequest(kUnreadable, "", e.code());
    }
    for (const auto& kv : obj) {
      if (kv.key() != "unit" && kv.key() != "topic" && kv.key() != "content")
        throw BadRequest(kUnreadable, std::string(kv.key()), "unknown_field");
    }
    const std::string unit = text_field(obj, "unit", kChooseUnit);
    const std::string topic = text_field(obj, "topic", kChooseTopic);
    const std::string content = text_field(obj, "content", kContentLength);
    if (unit.empty() || unit.size() > 40) throw BadRequest(kChooseUnit, "unit");
    if (topic.empty() || topic.size() > 40) throw BadRequest(kChooseTopic, "topic");
    const auto length = text::length(content);
    if (length < kMinContent || length > kMaxContent) throw BadRequest(kContentLength, "content");
    for (unsigned char c : content) {
      if (c < 0x20 && c != '\n' && c != '\t') throw BadRequest(kContentCharacters, "content");
    }
    const auto r = opinions.receive({unit, topic, content}, req.request_id);
    return http::Response::json(bj::object{{"id", std::to_string(r.id)}, {"received_on", r.values.at("received_on")}}, 201);
  });
}

}  // namespace antq::opinions
