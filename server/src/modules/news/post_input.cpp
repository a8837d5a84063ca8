#include "modules/news/post_input.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"

namespace antq::news {

namespace bj = boost::json;

namespace {

std::vector<std::string> string_list(const bj::object& body, const char* key, std::size_t max_items, const char* what) {
  const auto* v = body.if_contains(key);
  if (v == nullptr || v->is_null()) return {};
  if (!v->is_array()) throw BadRequest(std::string("'") + key + "' phải là một danh sách mã " + what + ".", key);
  const auto& arr = v->as_array();
  if (arr.size() > max_items) throw BadRequest(std::string("Nhiều nhất ") + std::to_string(max_items) + " " + what + ".", key);
  std::vector<std::string> out;
  for (const auto& x : arr) {
    if (!x.is_string() || x.as_string().empty() || x.as_string().size() > 40) {
      throw BadRequest(std::string("Mỗi phần tử của '") + key + "' là một mã " + what + " (chuỗi, tối đa 40 ký tự).", key);
    }
    std::string s(x.as_string());
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

// RFC 3339 with its offset ("2026-12-05T07:00:00+07:00"), stored as UTC; null clears it.
std::optional<std::string> instant(const bj::object& body, const char* key, const std::optional<std::string>& current) {
  const auto* v = body.if_contains(key);
  if (v == nullptr) return current;
  if (v->is_null()) return std::nullopt;
  if (!v->is_string()) throw BadRequest(std::string("'") + key + "' là một thời điểm dạng 2026-12-05T07:00:00+07:00.", key);
  const auto tp = timeutil::parse_rfc3339(std::string(v->as_string()));
  if (!tp) throw BadRequest(std::string("'") + key + "' không phải thời điểm hợp lệ (dạng 2026-12-05T07:00:00+07:00).", key);
  return timeutil::to_rfc3339(*tp);
}

}  // namespace

PostInput read_post_input(const bj::object& body, const std::optional<PostText>& base) {
  const json::ObjectReader in(body);
  in.allow_only({"kind", "title", "summary", "body", "target_units", "channels", "topics", "priority", "publish_at", "expires_at"});
  PostInput out;
  PostText& t = out.text;
  if (base) t = *base;
  if (!base || in.has("kind")) {
    t.kind = in.required_string("kind", 20);
    if (std::none_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return t.kind == k; })) {
      throw BadRequest("'kind' phải là news (tin tức), warning (cảnh báo) hoặc notice (thông báo).", "kind");
    }
  }
  if (!base || in.has("title")) t.title = in.required_string("title", kMaxTitle);
  if (t.title.find('\n') != std::string::npos) throw BadRequest("Tiêu đề chỉ gồm một dòng.", "title");
  if (in.has("summary")) t.summary = in.optional_string("summary", kMaxSummary).value_or("");
  if (!base || in.has("body")) {
    const auto b = in.optional_string("body", kMaxBody);
    if (!b || b->empty()) throw BadRequest("Hãy nhập nội dung.", "body");
    t.body = *b;
  }
  if (in.has("topics")) t.topics = string_list(body, "topics", kMaxTopics, "chủ đề");
  if (in.has("priority")) t.priority = static_cast<int>(in.optional_int("priority", 1, 3).value_or(3));
  else if (!base) t.priority = t.kind == "warning" ? 2 : 3;
  if (t.kind != "warning" && t.priority == 1) throw BadRequest("Chỉ cảnh báo mới có mức khẩn (priority 1).", "priority");
  t.publish_at = instant(body, "publish_at", t.publish_at);
  t.expires_at = instant(body, "expires_at", t.expires_at);
  if (t.publish_at && t.expires_at && *t.expires_at <= *t.publish_at) {
    throw BadRequest("Thời điểm hết hạn phải sau thời điểm đăng.", "expires_at");
  }
  if (in.has("target_units")) {
    out.target_units = string_list(body, "target_units", kMaxTargets, "đơn vị");
    if (out.target_units->empty()) throw BadRequest("Hãy chọn ít nhất một địa bàn nhận tin.", "target_units");
  }
  if (in.has("channels")) out.channels = string_list(body, "channels", kMaxChannels, "nhóm");
  return out;
}

}  // namespace antq::news
