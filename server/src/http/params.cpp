#include "http/params.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace antq::http {

std::optional<std::string> text_param(const Request& req, const std::string& name, std::size_t max_chars) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  if (text::length(*v) > max_chars) {
    throw BadRequest("Tham số '" + name + "' dài quá " + std::to_string(max_chars) + " ký tự.", name);
  }
  return v;
}

int int_param(const Request& req, const std::string& name, int def, int min, int max) {
  auto v = req.query_param(name);
  if (!v) return def;
  if (v->empty() || v->size() > 9 || v->find_first_not_of("0123456789") != std::string::npos || std::stol(*v) < min ||
      std::stol(*v) > max) {
    throw BadRequest("Tham số '" + name + "' phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + ".", name);
  }
  return static_cast<int>(std::stol(*v));
}

bool bool_param(const Request& req, const std::string& name) {
  auto v = req.query_param(name);
  if (!v || *v == "false" || *v == "0") return false;
  if (*v == "true" || *v == "1") return true;
  throw BadRequest("Tham số '" + name + "' phải là true hoặc false.", name);
}

std::optional<std::string> date_param(const Request& req, const std::string& name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  if (!timeutil::parse_date(*v)) throw BadRequest("Tham số '" + name + "' phải là ngày dạng YYYY-MM-DD.", name);
  return v;
}

Paging paging(const Request& req) { return {int_param(req, "page", 1, 1, 1000000), int_param(req, "per_page", 50, 1, 500)}; }

Response page_json(boost::json::array items, std::int64_t total, const Paging& p) {
  return Response::json(boost::json::object{{"items", std::move(items)}, {"total", total}, {"page", p.page}, {"per_page", p.per_page}});
}

std::string cookie(const Request& req, std::string_view name) {
  std::string_view h = req.header("cookie");
  while (!h.empty()) {
    const auto semi = h.find(';');
    std::string_view part = h.substr(0, semi);
    h = semi == std::string_view::npos ? std::string_view{} : h.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
  }
  return {};
}

}  // namespace antq::http
