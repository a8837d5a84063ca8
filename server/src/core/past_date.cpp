#include "core/past_date.hpp"

#include "core/errors.hpp"
#include "core/time.hpp"

namespace antq::json {

std::string past_date(const ObjectReader& in, const char* key, bool required) {
  auto s = required ? std::optional<std::string>(in.required_string(key, 10)) : in.optional_string(key, 10);
  if (!s) return {};
  if (!timeutil::parse_date(*s)) throw BadRequest(std::string("Trường '") + key + "' phải là ngày dạng YYYY-MM-DD.", key);
  if (*s > timeutil::today_vietnam()) throw BadRequest(std::string("Trường '") + key + "' không thể là ngày trong tương lai.", key);
  return *s;
}

}  // namespace antq::json
