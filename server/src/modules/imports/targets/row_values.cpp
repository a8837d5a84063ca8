#include "modules/imports/targets/row_values.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace antq::imports::values {

namespace {

const boost::json::value* at(const boost::json::object& row, const char* key) {
  const auto it = row.find(key);
  return it == row.end() || it->value().is_null() ? nullptr : &it->value();
}

}  // namespace

std::string text(const boost::json::object& row, const char* key) {
  const auto* v = at(row, key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

std::optional<std::string> optional_text(const boost::json::object& row, const char* key, std::size_t max_chars) {
  std::string s = text::trim(text(row, key));
  if (s.empty()) return std::nullopt;
  if (text::length(s) > max_chars) throw BadRequest("Quá " + std::to_string(max_chars) + " ký tự.", key);
  return s;
}

std::int64_t count(const boost::json::object& row, const char* key) { return optional_int(row, key).value_or(0); }

std::optional<std::int64_t> optional_int(const boost::json::object& row, const char* key) {
  const auto* v = at(row, key);
  if (!v) return std::nullopt;
  if (!v->is_int64() || v->as_int64() < 0) throw BadRequest("Phải là số nguyên không âm.", key);
  return v->as_int64();
}

std::optional<bool> optional_bool(const boost::json::object& row, const char* key) {
  const auto* v = at(row, key);
  if (!v) return std::nullopt;
  return v->as_bool();
}

std::int64_t parent_id(const boost::json::object& row, const char* key, const registers::Spec& parent) {
  std::string cell = text::trim(text(row, key));
  // "HN-000042": the prefix, if any, must be the parent register's own.
  if (const auto dash = cell.rfind('-'); dash != std::string::npos) {
    if (parent.ref_prefix.empty() || text::fold(cell.substr(0, dash)) != text::fold(parent.ref_prefix)) cell = "";
    else cell = cell.substr(dash + 1);
  }
  const bool digits = !cell.empty() && cell.size() <= 15 && cell.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoll(cell) == 0) {
    throw BadRequest("Mã '" + text(row, key) + "' không phải mã của một bản ghi trong sổ " + parent.title + ".", key);
  }
  return std::stoll(cell);
}

registers::Field parent(std::string name, std::string label, std::string table) {
  registers::Field f{std::move(name), registers::FieldType::reference, true, std::move(label)};
  f.ref_table = std::move(table);
  return f;
}

}  // namespace antq::imports::values
