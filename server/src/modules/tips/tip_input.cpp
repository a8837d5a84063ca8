#include "modules/tips/tip_input.hpp"

#include <chrono>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace antq::tips {

namespace {

Reporter parse_reporter(const boost::json::object& o) {
  const json::ObjectReader in(o);
  in.allow_only({"name", "phone", "email", "address"});
  Reporter r{in.optional_string("name", 100).value_or(""), in.optional_string("phone", 20).value_or(""),
             in.optional_string("email", 200).value_or(""), in.optional_string("address", 300).value_or("")};
  for (char c : r.phone) {
    if (!((c >= '0' && c <= '9') || c == '+' || c == ' ' || c == '.' || c == '-')) {
      throw BadRequest("Số điện thoại chỉ gồm chữ số, dấu +, dấu cách.", "reporter.phone");
    }
  }
  if (!r.email.empty() && (r.email.find('@') == std::string::npos || r.email.find(' ') != std::string::npos)) {
    throw BadRequest("Địa chỉ email không hợp lệ.", "reporter.email");
  }
  return r;
}

}  // namespace

NewTip parse_new_tip(const boost::json::object& body, bool from_public) {
  const json::ObjectReader in(body);
  if (from_public) {
    in.allow_only({"unit", "category", "description", "occurred_at", "place", "lat", "lng", "anonymous", "reporter"});
  } else {
    in.allow_only({"unit", "category", "description", "channel", "occurred_at", "place", "lat", "lng", "anonymous", "reporter"});
  }
  NewTip t;
  t.unit_code = in.required_string("unit", 40);
  t.category = in.required_string("category", 40);
  t.description = in.required_string("description", kMaxDescriptionChars);
  if (text::length(t.description) < kMinDescriptionChars) {
    throw BadRequest("Hãy mô tả sự việc rõ hơn (ít nhất " + std::to_string(kMinDescriptionChars) + " ký tự).", "description");
  }
  if (from_public) {
    t.channel = "online";
  } else {
    t.channel = in.required_string("channel", 20);
    if (!is_channel(t.channel)) {
      throw BadRequest("Kênh tiếp nhận phải là in_person, phone, hotline, chat hoặc online.", "channel");
    }
  }
  t.place = in.optional_string("place", 300).value_or("");
  if (auto occurred = in.optional_string("occurred_at", 40)) {
    const auto tp = timeutil::parse_rfc3339(*occurred);
    if (!tp) throw BadRequest("Thời điểm xảy ra phải có dạng 2026-11-20T13:00:00+07:00.", "occurred_at");
    if (*tp > std::chrono::system_clock::now() + std::chrono::minutes(10)) {
      throw BadRequest("Thời điểm xảy ra không thể ở tương lai.", "occurred_at");
    }
    if (*tp < timeutil::from_date(*timeutil::parse_date("1990-01-01"))) {
      throw BadRequest("Thời điểm xảy ra không hợp lệ.", "occurred_at");
    }
    t.occurred_at = timeutil::to_rfc3339(*tp);
  }
  t.lat = in.optional_number("lat", -90, 90);
  t.lng = in.optional_number("lng", -180, 180);
  if (t.lat.has_value() != t.lng.has_value()) throw BadRequest("Cần gửi cả vĩ độ (lat) và kinh độ (lng).", "lat");
  const auto anonymous = in.optional_bool("anonymous");
  if (from_public && !anonymous) throw BadRequest("Thiếu trường bắt buộc 'anonymous'.", "anonymous");
  if (const auto* r = in.optional_object("reporter")) t.reporter = parse_reporter(*r);
  const bool has_reporter = t.reporter && !t.reporter->empty();
  t.anonymous = anonymous.value_or(!has_reporter);
  if (t.anonymous && has_reporter) {
    throw BadRequest("Tin báo ẩn danh không kèm thông tin người báo; bỏ chọn ẩn danh nếu muốn để lại thông tin.", "reporter");
  }
  if (!t.anonymous && (!has_reporter || (t.reporter->name.empty() && t.reporter->phone.empty()))) {
    throw BadRequest("Hãy ghi họ tên hoặc số điện thoại của người báo, hoặc chọn gửi ẩn danh.", "reporter");
  }
  return t;
}

std::string parse_message(const boost::json::object& body) {
  const json::ObjectReader in(body);
  in.allow_only({"body"});
  return in.required_string("body", kMaxMessageChars);
}

}  // namespace antq::tips
