#include "http/request.hpp"

#include <boost/json/serialize.hpp>

#include <strings.h>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace antq::http {

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return {};
}

std::optional<std::string> Request::query_param(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

Response Response::json(const boost::json::value& v, int status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  return r;
}

std::string_view Response::find_header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0) return v;
  }
  return {};
}

namespace {
int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::map<std::string, std::string>> parse_query(std::string_view qs) {
  std::map<std::string, std::string> out;
  while (!qs.empty()) {
    const auto amp = qs.find('&');
    const std::string_view part = qs.substr(0, amp);
    qs = amp == std::string_view::npos ? std::string_view{} : qs.substr(amp + 1);
    if (part.empty()) continue;
    const auto eq = part.find('=');
    auto key = percent_decode(part.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>("") : percent_decode(part.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    out[*key] = *value;  // last one wins
  }
  return out;
}

void parse_target(std::string_view target, Request& req) {
  req.raw_target = std::string(target.substr(0, 2048));
  if (target.empty() || target[0] != '/') throw BadRequest("Đường dẫn yêu cầu không hợp lệ.", {}, "bad_path");
  const auto qmark = target.find('?');
  const std::string_view raw_path = target.substr(0, qmark);
  for (std::size_t i = 0; i + 2 < raw_path.size(); ++i) {
    if (raw_path[i] != '%') continue;
    const char a = raw_path[i + 1], b = static_cast<char>(std::tolower(static_cast<unsigned char>(raw_path[i + 2])));
    if ((a == '2' && b == 'f') || (a == '5' && b == 'c') || (a == '0' && b == '0')) {
      throw BadRequest("Đường dẫn chứa ký tự mã hóa không được phép.", {}, "bad_path");
    }
  }
  auto path = percent_decode(raw_path, false);
  if (!path || !text::valid_utf8(*path)) throw BadRequest("Đường dẫn yêu cầu không hợp lệ.", {}, "bad_path");
  std::size_t start = 1;
  while (start <= path->size()) {
    const auto slash = path->find('/', start);
    const auto seg = std::string_view(*path).substr(start, (slash == std::string::npos ? path->size() : slash) - start);
    if (seg == "." || seg == ".." || seg.find('\\') != std::string_view::npos || seg.find('\0') != std::string_view::npos) {
      throw BadRequest("Đường dẫn yêu cầu không hợp lệ.", {}, "bad_path");
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  req.path = std::move(*path);
  if (qmark != std::string_view::npos) {
    auto q = parse_query(target.substr(qmark + 1));
    if (!q) throw BadRequest("Tham số truy vấn không hợp lệ.", {}, "bad_query");
    for (const auto& [k, v] : *q) {
      if (!text::valid_utf8(k) || !text::valid_utf8(v)) throw BadRequest("Tham số truy vấn không phải UTF-8 hợp lệ.", {}, "bad_query");
      for (unsigned char c : k + v) {
        if (c < 0x20 || c == 0x7f) throw BadRequest("Tham số truy vấn chứa ký tự điều khiển.", {}, "bad_query");
      }
    }
    req.query = std::move(*q);
  }
}

}  // namespace antq::http
