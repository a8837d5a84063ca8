#include "modules/demo/register_rows.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace antq::demo {

namespace bj = boost::json;
using registers::Field;
using registers::FieldType;

namespace {

constexpr const char* kCreatedBy = "demo";

std::string purpose(const registers::Spec& s, const Field& f) { return s.entity + "." + f.name; }

std::string plain_of(const bj::value* v) {
  if (!v || v->is_null()) return {};
  return v->is_int64() ? std::to_string(v->as_int64()) : std::string(v->as_string());
}

// What RegisterService writes for one field (register_service.cpp, to_db).
db::Value column_value(const registers::Spec& s, const Field& f, const bj::value* v, const crypto::Keyring& keys) {
  if (f.sealed) {
    const std::string plain = plain_of(v);
    if (plain.empty()) return nullptr;
    return keys.seal(plain, purpose(s, f));
  }
  if (f.type == FieldType::items) return (!v || v->is_null()) ? std::string("[]") : bj::serialize(*v);
  // A list left out is stored as the service stores an empty one: sealed "[]".
  if (f.type == FieldType::sealed_list) return keys.seal((!v || v->is_null()) ? std::string("[]") : bj::serialize(*v), purpose(s, f));
  if (!v || v->is_null()) {
    if (f.type == FieldType::count || f.type == FieldType::boolean) return std::int64_t{0};
    if (f.type == FieldType::choice && !f.default_choice.empty()) return f.default_choice;
    if (f.type == FieldType::text || f.type == FieldType::long_text) return std::string();
    return nullptr;
  }
  switch (f.type) {
    case FieldType::count:
    case FieldType::year:
    case FieldType::reference: return v->as_int64();
    case FieldType::boolean: return std::int64_t{v->as_bool() ? 1 : 0};
    default: return std::string(v->as_string());
  }
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
    row.push_back(column_value(spec_, f, v, keys_));
    if (f.hashed) {
      const std::string plain = plain_of(v);
      row.push_back(plain.empty() ? db::Value(nullptr) : db::Value(keys_.keyed_hash(f.normalize ? f.normalize(plain) : plain, purpose(spec_, f))));
    }
    if (f.type == FieldType::sealed_list) row.push_back(static_cast<std::int64_t>(v && v->is_array() ? v->as_array().size() : 0));
    // The folded search text: searchable plain text fields in spec order (register_service.cpp).
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
