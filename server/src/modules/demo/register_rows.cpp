#include "modules/demo/register_rows.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "modules/registers/register_repository.hpp"

namespace antq::demo {

namespace bj = boost::json;
using registers::Field;
using registers::FieldType;

namespace {

constexpr const char* kCreatedBy = "demo";

// What RegisterService writes for one field (registers::column_value), but for what the demo
// leaves out: a list stored as the service stores an empty one (sealed "[]"), a choice as its default.
db::Value demo_column_value(const registers::Spec& s, const Field& f, const bj::value* v, const crypto::Keyring& keys) {
  const bool absent = !v || v->is_null();
  if (absent && !f.sealed && f.type == FieldType::sealed_list) return keys.seal("[]", s.sealed_purpose(f));
  if (absent && !f.sealed && f.type == FieldType::choice && !f.default_choice.empty()) return f.default_choice;
  return registers::column_value(s, f, v, keys);
}

}  // namespace

RegisterRows::RegisterRows(db::Connection& c, registers::Spec spec, const crypto::Keyring& keys, IdSource& ids)
    : c_(c), spec_(std::move(spec)), keys_(keys), ids_(ids) {
  std::string cols;
  for (const auto& f : spec_.fields) {
    if (f.type == FieldType::codes) continue;
    cols += ", " + f.name;
    if (f.hashed) cols += ", " + f.name + "_hash";
    if (f.type == FieldType::sealed_list) cols += ", " + f.name + "_count";
  }
  rows_ = std::make_unique<BulkInsert>(
      c_, "INSERT INTO " + spec_.table + " (id, unit_id" + cols + ", search_text, created_by, created_at, updated_at)");
  if (spec_.has_codes()) {
    codes_ = std::make_unique<BulkInsert>(c_, "INSERT INTO " + spec_.codes_table() + " (record_id, field, code)", rows_.get());
  }
}

std::int64_t RegisterRows::add(std::int64_t unit_id, const bj::object& values, const std::string& created_at) {
  if (free_ids_.empty()) {
    free_ids_ = ids_.take(spec_.table, 200);
    std::reverse(free_ids_.begin(), free_ids_.end());
  }
  const std::int64_t id = free_ids_.back();
  free_ids_.pop_back();
  std::vector<db::Value> row{id, unit_id};
  std::vector<std::vector<db::Value>> codes;  // after the row: a flush of the codes writes the rows first
  std::string search;
  for (const auto& f : spec_.fields) {
    const auto it = values.find(f.name);
    const bj::value* v = it == values.end() ? nullptr : &it->value();
    if (f.type == FieldType::codes) {
      if (v) {
        for (const auto& code : v->as_array()) codes.push_back({id, f.name, std::string(code.as_string())});
      }
      continue;
    }
    row.push_back(demo_column_value(spec_, f, v, keys_));
    if (f.hashed) row.push_back(registers::hash_value(spec_, f, v, keys_));
    if (f.type == FieldType::sealed_list) row.push_back(static_cast<std::int64_t>(v && v->is_array() ? v->as_array().size() : 0));
    // The folded search text: searchable plain text fields in spec order (register_repository.cpp).
    if (f.searchable && !f.sealed && v && v->is_string()) search += std::string(v->as_string()) + " ";
  }
  row.emplace_back(text::fold(search));
  row.emplace_back(std::string(kCreatedBy));
  row.emplace_back(created_at);
  row.emplace_back(created_at);
  rows_->add(std::move(row));
  for (auto& code : codes) codes_->add(std::move(code));
  return id;
}

void RegisterRows::flush() {
  if (codes_) codes_->flush();
  rows_->flush();
}

}  // namespace antq::demo
