#include "core/json_input.hpp"

#include <boost/json/stream_parser.hpp>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace antq::json {

namespace bj = boost::json;

bj::object parse_object(std::string_view body) {
  if (!text::valid_utf8(body)) throw BadRequest("Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.", {}, "invalid_utf8");
  bj::parse_options opt;
  opt.max_depth = 32;
  bj::stream_parser p(bj::storage_ptr(), opt);
  boost::system::error_code ec;
  p.write(body.data(), body.size(), ec);
  if (!ec) p.finish(ec);
  if (ec || !p.done()) throw BadRequest("Dữ liệu JSON không hợp lệ: " + ec.message() + ".", {}, "malformed_json");
  bj::value v = p.release();
  if (!v.is_object()) throw BadRequest("Nội dung yêu cầu phải là một đối tượng JSON.", {}, "malformed_json");
  return std::move(v.as_object());
}

void ObjectReader::allow_only(std::initializer_list<std::string_view> allowed) const { allow_only(std::vector<std::string_view>(allowed)); }

void ObjectReader::allow_only(const std::vector<std::string>& allowed) const {
  allow_only(std::vector<std::string_view>(allowed.begin(), allowed.end()));
}

void ObjectReader::allow_only(const std::vector<std::string_view>& allowed) const {
  for (const auto& kv : obj_) {
    bool ok = false;
    for (auto a : allowed) ok = ok || kv.key() == a;
    if (!ok) {
      throw BadRequest("Trường '" + std::string(kv.key()) + "' không được hỗ trợ.", std::string(kv.key()), "unknown_field");
    }
  }
}

namespace {
std::string checked_string(const bj::value& v, std::string_view key, std::size_t max_chars) {
  if (!v.is_string()) throw BadRequest("Trường '" + std::string(key) + "' phải là chuỗi ký tự.", std::string(key));
  std::string s = text::trim(text::nfc(std::string_view(v.as_string())));
  if (text::length(s) > max_chars) {
    throw BadRequest("Trường '" + std::string(key) + "' dài quá " + std::to_string(max_chars) + " ký tự.", std::string(key));
  }
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\n' && c != '\t') {
      throw BadRequest("Trường '" + std::string(key) + "' chứa ký tự điều khiển không hợp lệ.", std::string(key));
    }
  }
  return s;
}
}  // namespace

std::string ObjectReader::required_string(std::string_view key, std::size_t max_chars) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) {
    throw BadRequest("Thiếu trường bắt buộc '" + std::string(key) + "'.", std::string(key));
  }
  std::string s = checked_string(it->value(), key, max_chars);
  if (s.empty()) throw BadRequest("Trường '" + std::string(key) + "' không được để trống.", std::string(key));
  return s;
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key, std::size_t max_chars) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  return checked_string(it->value(), key, max_chars);
}

std::optional<std::string> ObjectReader::optional_raw_string(std::string_view key, std::size_t max_bytes) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_string()) throw BadRequest("Trường '" + std::string(key) + "' phải là chuỗi ký tự.", std::string(key));
  std::string s(it->value().as_string());
  if (s.size() > max_bytes) throw BadRequest("Trường '" + std::string(key) + "' quá dài.", std::string(key));
  for (unsigned char c : s) {
    if (c < 0x20) throw BadRequest("Trường '" + std::string(key) + "' chứa ký tự điều khiển không hợp lệ.", std::string(key));
  }
  return s;
}

std::optional<std::int64_t> ObjectReader::optional_int(std::string_view key, std::int64_t min, std::int64_t max) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  const bj::value& v = it->value();
  std::int64_t n;
  if (v.is_int64()) {
    n = v.as_int64();
  } else if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v.as_uint64());
  } else {
    throw BadRequest("Trường '" + std::string(key) + "' phải là số nguyên.", std::string(key));
  }
  if (n < min || n > max) {
    throw BadRequest("Trường '" + std::string(key) + "' phải nằm trong khoảng " + std::to_string(min) + " – " + std::to_string(max) + ".",
                     std::string(key));
  }
  return n;
}

std::optional<bool> ObjectReader::optional_bool(std::string_view key) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_bool()) throw BadRequest("Trường '" + std::string(key) + "' phải là true hoặc false.", std::string(key));
  return it->value().as_bool();
}

std::optional<double> ObjectReader::optional_number(std::string_view key, double min, double max) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  const bj::value& v = it->value();
  if (!v.is_number()) throw BadRequest("Trường '" + std::string(key) + "' phải là số.", std::string(key));
  const double d = v.to_number<double>();
  if (!(d >= min && d <= max)) {
    throw BadRequest("Trường '" + std::string(key) + "' nằm ngoài khoảng cho phép.", std::string(key));
  }
  return d;
}

std::optional<std::int64_t> ObjectReader::optional_id(std::string_view key) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  const bj::value& v = it->value();
  std::int64_t n = 0;
  if (v.is_int64()) {
    n = v.as_int64();
  } else if (v.is_string() && !v.as_string().empty() && v.as_string().size() <= 18) {
    for (char c : v.as_string()) {
      if (c < '0' || c > '9') throw BadRequest("Trường '" + std::string(key) + "' phải là mã số bản ghi.", std::string(key));
      n = n * 10 + (c - '0');
    }
  } else {
    throw BadRequest("Trường '" + std::string(key) + "' phải là mã số bản ghi.", std::string(key));
  }
  if (n <= 0) throw BadRequest("Trường '" + std::string(key) + "' phải là mã số bản ghi.", std::string(key));
  return n;
}

const bj::object* ObjectReader::optional_object(std::string_view key) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return nullptr;
  if (!it->value().is_object()) throw BadRequest("Trường '" + std::string(key) + "' phải là một đối tượng.", std::string(key));
  return &it->value().as_object();
}

}  // namespace antq::json
