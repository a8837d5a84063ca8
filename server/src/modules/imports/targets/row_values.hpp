#pragma once
// Reading a row's values (what RowReader made of its cells) in a child target: the API's field
// names, Vietnamese refusals naming the field.
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "modules/registers/register_spec.hpp"

namespace antq::imports::values {

std::string text(const boost::json::object& row, const char* key);  // "" when empty
std::optional<std::string> optional_text(const boost::json::object& row, const char* key, std::size_t max_chars);
std::int64_t count(const boost::json::object& row, const char* key);  // 0 when empty
std::optional<std::int64_t> optional_int(const boost::json::object& row, const char* key);
std::optional<bool> optional_bool(const boost::json::object& row, const char* key);
// A parent record named by its id ("42") or its reference ("HN-000042"): its id.
std::int64_t parent_id(const boost::json::object& row, const char* key, const registers::Spec& parent);
// The column naming the parent record (required).
registers::Field parent(std::string name, std::string label, std::string table);

}  // namespace antq::imports::values
