#pragma once
// Query-string parameters, validated the same way everywhere (400 with the parameter's name).
#include <optional>
#include <string>

#include "http/request.hpp"

namespace antq::http {

std::optional<std::string> text_param(const Request& req, const std::string& name, std::size_t max_chars);
int int_param(const Request& req, const std::string& name, int def, int min, int max);
bool bool_param(const Request& req, const std::string& name);
std::optional<std::string> date_param(const Request& req, const std::string& name);  // YYYY-MM-DD

struct Paging {
  int page = 1;
  int per_page = 50;
};
Paging paging(const Request& req);  // ?page=1&per_page=50 (max 500)

// {"items": [...], "total": N, "page": P, "per_page": K}
Response page_json(boost::json::array items, std::int64_t total, const Paging& p);

// Cookie value by name from the Cookie header ("" when absent).
std::string cookie(const Request& req, std::string_view name);

}  // namespace antq::http
