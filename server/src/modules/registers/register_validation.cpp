#include "modules/registers/register_validation.hpp"

#include <algorithm>
#include <chrono>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/registers/register_repository.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::registers {

namespace bj = boost::json;

namespace {

bool is_list(FieldType t) { return t == FieldType::codes || t == FieldType::sealed_list || t == FieldType::items; }

void refuse_unknown_keys(const Spec& spec, const bj::object& body) {
  for (const auto& kv : body) {
    if (kv.key() != "unit" && !spec.field(std::string(kv.key()))) {
      throw BadRequest("Trường '" + std::string(kv.key()) + "' không được hỗ trợ.", std::string(kv.key()), "unknown_field");
    }
  }
}

// The unit: required on create; on edit, a move must stay inside the caller's area.
ChosenUnit chosen_unit(db::Connection& c, const Spec& spec, const http::Principal& who, const json::ObjectReader& in,
                       const Record* current) {
  const std::optional<std::string> code = in.optional_string("unit", 40);
  if (!current && !code) throw BadRequest("Thiếu trường bắt buộc 'unit'.", "unit");
  if (!code) return {};
  auto u = units::repo::find_active(c, *code);
  if (!u || !access::in_scope(who, u->path)) throw BadRequest("Không tìm thấy đơn vị '" + *code + "'.", "unit");
  if (!spec.unit_kinds.empty() && std::find(spec.unit_kinds.begin(), spec.unit_kinds.end(), u->kind) == spec.unit_kinds.end()) {
    throw BadRequest("Đơn vị '" + u->full_name + "' không phù hợp với sổ này.", "unit");
  }
  return {u->id, u->path};
}

// An explicit null on edit clears an optional field (a list becomes empty, a count zero). A choice
// with a default (a status, a result) always has a value: null cannot clear it.
bj::value cleared(const Field& f) {
  if (f.required || (f.type == FieldType::choice && !f.default_choice.empty())) {
    throw BadRequest("Trường '" + f.name + "' không được để trống.", f.name);
  }
  if (is_list(f.type)) return bj::array{};
  if (f.type == FieldType::count) return 0;
  if (f.type == FieldType::boolean) return false;
  if ((f.type == FieldType::text || f.type == FieldType::long_text) && !f.sealed) return "";
  return nullptr;
}

// A field not sent on create.
bj::value initial(const Field& f) {
  if (f.required) throw BadRequest("Thiếu trường bắt buộc '" + f.name + "'.", f.name);
  if (f.type == FieldType::choice && !f.default_choice.empty()) return bj::value(f.default_choice);
  if (f.type == FieldType::count) return 0;
  if (is_list(f.type)) return bj::array{};
  if (f.type == FieldType::boolean) return false;
  return nullptr;
}

void refuse_unknown_item_keys(const Field& f, const bj::object& item) {
  for (const auto& kv : item) {
    if (std::find(f.item_fields.begin(), f.item_fields.end(), std::string(kv.key())) == f.item_fields.end()) {
      throw BadRequest("Trường '" + f.name + "." + std::string(kv.key()) + "' không được hỗ trợ.", f.name);
    }
  }
}

// A list field of objects (items, sealed_list): at most 100.
const bj::array& objects_of(const Field& f, const bj::value& v) {
  if (!v.is_array() || v.as_array().size() > 100) throw BadRequest("Trường '" + f.name + "' phải là danh sách.", f.name);
  return v.as_array();
}

// One object of such a list, of known keys only.
const bj::object& item_of(const Field& f, const bj::value& x) {
  if (!x.is_object()) throw BadRequest("Mỗi phần tử của '" + f.name + "' phải là một đối tượng.", f.name);
  refuse_unknown_item_keys(f, x.as_object());
  return x.as_object();
}

// Rows of a table inside the record (e.g. a programme's partners): texts, dates for keys ending in
// "_on", the first key required.
bj::array items_value(const Field& f, const bj::value& v) {
  bj::array items;
  for (const auto& x : objects_of(f, v)) {
    const json::ObjectReader item(item_of(f, x));
    bj::object clean;
    for (const auto& k : f.item_fields) {
      const bool is_date = k.size() > 3 && k.compare(k.size() - 3, 3, "_on") == 0;
      auto s = item.optional_string(k, is_date ? 10 : 300);
      if (!s || s->empty()) continue;
      if (is_date && !timeutil::parse_date(*s)) {
        throw BadRequest("Trường '" + f.name + "." + k + "' phải là ngày dạng YYYY-MM-DD.", f.name);
      }
      clean[k] = *s;
    }
    if (!clean.contains(f.item_fields.front())) {
      throw BadRequest("Mỗi phần tử của '" + f.name + "' cần có '" + f.item_fields.front() + "'.", f.name);
    }
    items.push_back(std::move(clean));
  }
  return items;
}

// People named in a record (sealed when stored): each with a name; a birth year is a number.
bj::array people_value(const Field& f, const bj::value& v) {
  bj::array items;
  for (const auto& x : objects_of(f, v)) {
    const json::ObjectReader item(item_of(f, x));
    bj::object clean;
    for (const auto& k : f.item_fields) {
      if (k == "birth_year") {
        if (auto y = item.optional_int(k, 1900, 2100)) clean[k] = *y;
      } else if (auto s = item.optional_string(k, 200)) {
        clean[k] = *s;
      }
    }
    if (!clean.contains("name") || clean["name"].as_string().empty()) {
      throw BadRequest("Mỗi người trong '" + f.name + "' cần có họ tên.", f.name);
    }
    items.push_back(std::move(clean));
  }
  return items;
}

// Catalogue codes are checked against the lists that apply where the record is (a province's own
// entries count only inside that province).
// One catalogue code at the record's unit: through the run's remembered answers when there is one.
void require_code(db::Connection& c, catalog::CodeChecks* checks, const Field& f, const std::string& code, const std::string& record_path) {
  if (checks) {
    checks->require(c, f.catalog, code, f.name, record_path);
  } else {
    catalog::require_code(c, f.catalog, code, f.name, record_path);
  }
}

bj::array codes_value(db::Connection& c, catalog::CodeChecks* checks, const Field& f, const bj::value& v, const std::string& record_path) {
  if (!v.is_array() || v.as_array().size() > 50) throw BadRequest("Trường '" + f.name + "' phải là danh sách mã.", f.name);
  bj::array codes;
  for (const auto& x : v.as_array()) {
    if (!x.is_string()) throw BadRequest("Trường '" + f.name + "' phải là danh sách mã.", f.name);
    const std::string code(x.as_string());
    require_code(c, checks, f, code, record_path);
    if (std::find(codes.begin(), codes.end(), bj::value(code)) == codes.end()) codes.push_back(bj::value(code));
  }
  return codes;
}

std::string choice_value(const Field& f, const json::ObjectReader& in) {
  auto s = in.optional_string(f.name, 40);
  if (std::find(f.choices.begin(), f.choices.end(), *s) == f.choices.end()) {
    std::string allowed;
    for (const auto& ch : f.choices) allowed += (allowed.empty() ? "" : ", ") + ch;
    throw BadRequest("Trường '" + f.name + "' phải là một trong: " + allowed + ".", f.name);
  }
  return *s;
}

std::string date_value(const Field& f, const json::ObjectReader& in) {
  auto s = in.optional_string(f.name, 10);
  if (!timeutil::parse_date(*s)) throw BadRequest("Trường '" + f.name + "' phải là ngày dạng YYYY-MM-DD.", f.name);
  if (f.no_future && *s > timeutil::today_vietnam()) {
    throw BadRequest("Trường '" + f.name + "' không thể là ngày trong tương lai.", f.name);
  }
  return *s;
}

std::string datetime_value(const Field& f, const json::ObjectReader& in) {
  auto s = in.optional_string(f.name, 40);
  auto tp = timeutil::parse_rfc3339(*s);
  if (!tp) throw BadRequest("Trường '" + f.name + "' phải có dạng 2026-11-20T19:30:00+07:00.", f.name);
  if (f.no_future && *tp > std::chrono::system_clock::now() + std::chrono::minutes(10)) {
    throw BadRequest("Trường '" + f.name + "' không thể ở tương lai.", f.name);
  }
  return timeutil::to_rfc3339(*tp);
}

std::string text_value(const Field& f, const json::ObjectReader& in) {
  auto s = in.optional_string(f.name, f.type == FieldType::long_text ? std::max<std::size_t>(f.max_chars, 5000) : f.max_chars);
  if (f.required && s->empty()) throw BadRequest("Trường '" + f.name + "' không được để trống.", f.name);
  return *s;
}

// A record this one refers to must be inside the caller's area.
std::int64_t reference_value(db::Connection& c, const http::Principal& who, const Field& f, const json::ObjectReader& in) {
  const auto id = *in.optional_id(f.name);
  const auto path = referenced_unit_path(c, f.ref_table, id);
  if (!path || !access::in_scope(who, *path)) {
    throw BadRequest("Không tìm thấy bản ghi " + std::to_string(id) + " của trường '" + f.name + "'.", f.name);
  }
  return id;
}

// One field that was sent (not null), by its type.
bj::value sent_value(db::Connection& c, catalog::CodeChecks* checks, const http::Principal& who, const json::ObjectReader& in,
                     const Field& f, const bj::value& v, const std::string& record_path) {
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text: return bj::value(text_value(f, in));
    case FieldType::date: return bj::value(date_value(f, in));
    case FieldType::datetime: return bj::value(datetime_value(f, in));
    case FieldType::count: return *in.optional_int(f.name, 0, 10'000'000);
    case FieldType::year: return *in.optional_int(f.name, 1900, 2100);
    case FieldType::boolean: return *in.optional_bool(f.name);
    case FieldType::code: {
      auto s = in.optional_string(f.name, 40);
      require_code(c, checks, f, *s, record_path);
      return bj::value(*s);
    }
    case FieldType::choice: return bj::value(choice_value(f, in));
    case FieldType::codes: return codes_value(c, checks, f, v, record_path);
    case FieldType::reference: return reference_value(c, who, f, in);
    case FieldType::items: return items_value(f, v);
    case FieldType::sealed_list: return people_value(f, v);
  }
  return nullptr;
}

void check_across_fields(const Spec& spec, bj::object& out) {
  for (const auto& f : spec.fields) {
    if ((f.type == FieldType::codes || f.type == FieldType::sealed_list) && out[f.name].as_array().size() < f.min_items) {
      throw BadRequest("Trường '" + f.name + "' cần ít nhất " + std::to_string(f.min_items) + " mục.", f.name);
    }
  }
  for (const auto& [later, earlier] : spec.ordered) {
    const auto& l = out[later];
    const auto& e = out[earlier];
    if (l.is_string() && e.is_string() && l.as_string() < e.as_string()) {
      throw BadRequest("Trường '" + later + "' không thể trước '" + earlier + "'.", later);
    }
  }
}

}  // namespace

bj::object validate_record(db::Connection& c, const Spec& spec, const http::Principal& who, const bj::object& body, const Record* current,
                           ChosenUnit& unit, const ChosenUnit* preset, catalog::CodeChecks* codes) {
  const json::ObjectReader in(body);
  refuse_unknown_keys(spec, body);
  unit = preset ? *preset : chosen_unit(c, spec, who, in, current);
  const std::string record_path = unit.id != 0 ? unit.path : current->unit_path;
  bj::object out = current ? current->values : bj::object{};
  out.reserve(spec.fields.size());  // grown once, not rehashed field by field
  for (const auto& f : spec.fields) {
    auto it = body.find(f.name);
    const bool sent = it != body.end() && !it->value().is_null();
    if (sent) out[f.name] = sent_value(c, codes, who, in, f, it->value(), record_path);
    else if (it != body.end() && current) out[f.name] = cleared(f);
    else if (!current) out[f.name] = initial(f);
  }
  check_across_fields(spec, out);
  return out;
}

}  // namespace antq::registers
