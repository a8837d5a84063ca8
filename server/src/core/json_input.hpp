#pragma once
// Strict reading of JSON request bodies: every failure becomes a 400 with a Vietnamese message
// naming the field, so handlers never see malformed input.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antq::json {

// Parses a request body that must be a JSON object (UTF-8 checked, depth limited).
boost::json::object parse_object(std::string_view body);

class ObjectReader {
 public:
  explicit ObjectReader(const boost::json::object& obj) : obj_(obj) {}

  // Rejects any key not in `allowed` (a typo must not be silently ignored).
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  void allow_only(const std::vector<std::string>& allowed) const;
  void allow_only(const std::vector<std::string_view>& allowed) const;

  std::string required_string(std::string_view key, std::size_t max_chars = 500) const;
  std::optional<std::string> optional_string(std::string_view key, std::size_t max_chars = 500) const;
  // As sent: no trimming or normalisation (passwords). UTF-8 and control characters checked.
  std::optional<std::string> optional_raw_string(std::string_view key, std::size_t max_bytes) const;
  std::optional<std::int64_t> optional_int(std::string_view key, std::int64_t min, std::int64_t max) const;
  std::optional<bool> optional_bool(std::string_view key) const;
  // A finite number (integer or decimal) within [min, max].
  std::optional<double> optional_number(std::string_view key, double min, double max) const;
  // A record id: ids are strings in the API ("42"); a JSON integer is accepted too.
  std::optional<std::int64_t> optional_id(std::string_view key) const;
  // A nested object; nullptr when absent or null.
  const boost::json::object* optional_object(std::string_view key) const;
  bool has(std::string_view key) const { return obj_.contains(key); }

 private:
  const boost::json::object& obj_;
};

}  // namespace antq::json
