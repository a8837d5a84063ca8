#include "modules/registers/register_service.hpp"

#include <algorithm>
#include <chrono>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/units/area.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::registers {

namespace bj = boost::json;

namespace {

// Fields stored in the record's own row (everything but catalogue lists).
bool in_row(const Field& f) { return f.type != FieldType::codes; }

std::string sealed_purpose(const Spec& s, const Field& f) { return s.entity + "." + f.name; }

std::string today() { return timeutil::today_vietnam(); }

// The plain text of a sealed field's value ("" when empty).
std::string sealed_plain(const bj::value* v) {
  if (!v || v->is_null()) return {};
  return v->is_int64() ? std::to_string(v->as_int64()) : std::string(v->as_string());
}

db::Value to_db(const Field& f, const bj::value* v, const crypto::Keyring& keys, const Spec& spec) {
  if (f.sealed) {
    const std::string plain = sealed_plain(v);
    if (plain.empty()) return nullptr;
    return keys.seal(plain, sealed_purpose(spec, f));
  }
  if (f.type == FieldType::items) return (!v || v->is_null()) ? std::string("[]") : bj::serialize(*v);
  if (!v || v->is_null()) {
    if (f.type == FieldType::count) return std::int64_t{0};
    if (f.type == FieldType::boolean) return std::int64_t{0};
    if (f.type == FieldType::text || f.type == FieldType::long_text) return std::string();
    return nullptr;
  }
  switch (f.type) {
    case FieldType::count:
    case FieldType::year:
    case FieldType::reference: return v->as_int64();
    case FieldType::boolean: return std::int64_t{v->as_bool() ? 1 : 0};
    case FieldType::sealed_list: return keys.seal(bj::serialize(*v), sealed_purpose(spec, f));
    default: return std::string(v->as_string());
  }
}

bj::value from_row(const Field& f, const db::Row& r, std::size_t i) {
  if (f.type == FieldType::items) return r.is_null(i) ? bj::value(bj::array{}) : bj::parse(r.text(i));
  if (r.is_null(i)) {
    if (f.type == FieldType::sealed_list) return bj::array{};
    return nullptr;
  }
  switch (f.type) {
    case FieldType::count:
    case FieldType::year:
    case FieldType::reference: return r.integer(i);
    case FieldType::boolean: return r.integer(i) != 0;
    default: return bj::value(r.text(i));
  }
}

}  // namespace

RegisterService::RegisterService(Spec spec, db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit)
    : spec_(std::move(spec)), db_(db), keys_(keys), audit_(audit) {
  // Statements built once from the spec.
  std::string cols, params, sets;
  int n = 1;  // $1 = unit_id (insert) or id (update)
  for (const auto& f : spec_.fields) {
    if (!in_row(f)) continue;
    ++n;
    cols += ", " + f.name;
    params += ", $" + std::to_string(n);
    sets += ", " + f.name + " = $" + std::to_string(n);
    if (f.hashed) {
      ++n;
      cols += ", " + f.name + "_hash";
      params += ", $" + std::to_string(n);
      sets += ", " + f.name + "_hash = $" + std::to_string(n);
    }
    if (f.type == FieldType::sealed_list) {
      ++n;
      cols += ", " + f.name + "_count";
      params += ", $" + std::to_string(n);
      sets += ", " + f.name + "_count = $" + std::to_string(n);
    }
  }
  const std::string a = std::to_string(n + 1), b = std::to_string(n + 2), c = std::to_string(n + 3);
  // Insert: $1 unit_id, the fields, then search_text, created_by, created_at (also updated_at).
  insert_ = "INSERT INTO " + spec_.table + " (unit_id" + cols + ", search_text, created_by, created_at, updated_at) VALUES ($1" +
            params + ", $" + a + ", $" + b + ", $" + c + ", $" + c + ") RETURNING id";
  // Update: $1 id, the fields, then search_text, updated_at, unit_id.
  update_ = "UPDATE " + spec_.table + " SET unit_id = $" + c + sets + ", search_text = $" + a + ", updated_at = $" + b +
            " WHERE id = $1";
  select_ = "SELECT r.id, un.code, un.name, un.path, r.created_by, r.created_at, r.updated_at";
  for (const auto& f : spec_.fields)
    if (in_row(f)) select_ += ", r." + f.name + (f.type == FieldType::sealed_list ? ", r." + f.name + "_count" : "");
  select_ += " FROM " + spec_.table + " r JOIN units un ON un.id = r.unit_id ";
}

bj::object RegisterService::validate(db::Connection& c, const http::Principal& who, const bj::object& body,
                                     const Record* current, std::int64_t& unit_id, std::string& unit_path) const {
  const json::ObjectReader in(body);
  for (const auto& kv : body) {
    if (kv.key() != "unit" && !spec_.field(std::string(kv.key()))) {
      throw BadRequest("Trường '" + std::string(kv.key()) + "' không được hỗ trợ.", std::string(kv.key()), "unknown_field");
    }
  }
  // The unit: required on create; on edit, a move must stay inside the caller's area.
  std::optional<std::string> unit_code = in.optional_string("unit", 40);
  if (!current && !unit_code) throw BadRequest("Thiếu trường bắt buộc 'unit'.", "unit");
  if (unit_code) {
    auto u = units::repo::find_active(c, *unit_code);
    if (!u || !access::in_scope(who, u->path)) throw BadRequest("Không tìm thấy đơn vị '" + *unit_code + "'.", "unit");
    if (!spec_.unit_kinds.empty() &&
        std::find(spec_.unit_kinds.begin(), spec_.unit_kinds.end(), u->kind) == spec_.unit_kinds.end()) {
      throw BadRequest("Đơn vị '" + u->full_name + "' không phù hợp với sổ này.", "unit");
    }
    unit_id = u->id;
    unit_path = u->path;
  }

  // Catalogue codes are checked against the lists that apply where the record is (a province's
  // own entries count only inside that province).
  const std::string record_path = unit_code ? unit_path : current->unit_path;
  bj::object out = current ? current->values : bj::object{};
  for (const auto& f : spec_.fields) {
    auto it = body.find(f.name);
    const bool sent = it != body.end() && !it->value().is_null();
    if (!sent) {
      if (it != body.end() && current) {
        // A choice with a default (a status, a result) always has a value: null cannot clear it.
        if (f.required || (f.type == FieldType::choice && !f.default_choice.empty())) {
          throw BadRequest("Trường '" + f.name + "' không được để trống.", f.name);
        }
        // An explicit null clears an optional field (a list becomes empty, a count zero).
        if (f.type == FieldType::codes || f.type == FieldType::sealed_list || f.type == FieldType::items) out[f.name] = bj::array{};
        else if (f.type == FieldType::count) out[f.name] = 0;
        else if (f.type == FieldType::boolean) out[f.name] = false;
        else if ((f.type == FieldType::text || f.type == FieldType::long_text) && !f.sealed) out[f.name] = "";
        else out[f.name] = nullptr;
      } else if (!current) {
        if (f.required) throw BadRequest("Thiếu trường bắt buộc '" + f.name + "'.", f.name);
        if (f.type == FieldType::choice && !f.default_choice.empty()) out[f.name] = f.default_choice;
        else if (f.type == FieldType::count) out[f.name] = 0;
        else if (f.type == FieldType::codes || f.type == FieldType::sealed_list || f.type == FieldType::items) out[f.name] = bj::array{};
        else if (f.type == FieldType::boolean) out[f.name] = false;
        else out[f.name] = nullptr;
      }
      continue;
    }
    const bj::value& v = it->value();
    switch (f.type) {
      case FieldType::text:
      case FieldType::long_text: {
        auto s = in.optional_string(f.name, f.type == FieldType::long_text ? std::max<std::size_t>(f.max_chars, 5000) : f.max_chars);
        if (f.required && s->empty()) throw BadRequest("Trường '" + f.name + "' không được để trống.", f.name);
        out[f.name] = *s;
        break;
      }
      case FieldType::date: {
        auto s = in.optional_string(f.name, 10);
        if (!timeutil::parse_date(*s)) throw BadRequest("Trường '" + f.name + "' phải là ngày dạng YYYY-MM-DD.", f.name);
        if (f.no_future && *s > today()) throw BadRequest("Trường '" + f.name + "' không thể là ngày trong tương lai.", f.name);
        out[f.name] = *s;
        break;
      }
      case FieldType::datetime: {
        auto s = in.optional_string(f.name, 40);
        auto tp = timeutil::parse_rfc3339(*s);
        if (!tp) throw BadRequest("Trường '" + f.name + "' phải có dạng 2026-11-20T19:30:00+07:00.", f.name);
        if (f.no_future && *tp > std::chrono::system_clock::now() + std::chrono::minutes(10)) {
          throw BadRequest("Trường '" + f.name + "' không thể ở tương lai.", f.name);
        }
        out[f.name] = timeutil::to_rfc3339(*tp);
        break;
      }
      case FieldType::count: out[f.name] = *in.optional_int(f.name, 0, 10'000'000); break;
      case FieldType::year: out[f.name] = *in.optional_int(f.name, 1900, 2100); break;
      case FieldType::boolean: out[f.name] = *in.optional_bool(f.name); break;
      case FieldType::code: {
        auto s = in.optional_string(f.name, 40);
        catalog::require_code(c, f.catalog, *s, f.name, record_path);
        out[f.name] = *s;
        break;
      }
      case FieldType::choice: {
        auto s = in.optional_string(f.name, 40);
        if (std::find(f.choices.begin(), f.choices.end(), *s) == f.choices.end()) {
          std::string allowed;
          for (const auto& ch : f.choices) allowed += (allowed.empty() ? "" : ", ") + ch;
          throw BadRequest("Trường '" + f.name + "' phải là một trong: " + allowed + ".", f.name);
        }
        out[f.name] = *s;
        break;
      }
      case FieldType::codes: {
        if (!v.is_array() || v.as_array().size() > 50) throw BadRequest("Trường '" + f.name + "' phải là danh sách mã.", f.name);
        bj::array codes;
        for (const auto& x : v.as_array()) {
          if (!x.is_string()) throw BadRequest("Trường '" + f.name + "' phải là danh sách mã.", f.name);
          const std::string code(x.as_string());
          catalog::require_code(c, f.catalog, code, f.name, record_path);
          if (std::find(codes.begin(), codes.end(), bj::value(code)) == codes.end()) codes.push_back(bj::value(code));
        }
        out[f.name] = std::move(codes);
        break;
      }
      case FieldType::reference: {
        const auto id = *in.optional_id(f.name);
        auto r = c.query("SELECT un.path FROM " + f.ref_table + " x JOIN units un ON un.id = x.unit_id WHERE x.id = $1", id);
        if (r.rows.empty() || !access::in_scope(who, r.rows[0].text(0))) {
          throw BadRequest("Không tìm thấy bản ghi " + std::to_string(id) + " của trường '" + f.name + "'.", f.name);
        }
        out[f.name] = id;
        break;
      }
      case FieldType::items: {
        if (!v.is_array() || v.as_array().size() > 100) throw BadRequest("Trường '" + f.name + "' phải là danh sách.", f.name);
        bj::array items;
        for (const auto& x : v.as_array()) {
          if (!x.is_object()) throw BadRequest("Mỗi phần tử của '" + f.name + "' phải là một đối tượng.", f.name);
          const json::ObjectReader item(x.as_object());
          for (const auto& kv : x.as_object()) {
            if (std::find(f.item_fields.begin(), f.item_fields.end(), std::string(kv.key())) == f.item_fields.end()) {
              throw BadRequest("Trường '" + f.name + "." + std::string(kv.key()) + "' không được hỗ trợ.", f.name);
            }
          }
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
        out[f.name] = std::move(items);
        break;
      }
      case FieldType::sealed_list: {
        if (!v.is_array() || v.as_array().size() > 100) throw BadRequest("Trường '" + f.name + "' phải là danh sách.", f.name);
        bj::array items;
        for (const auto& x : v.as_array()) {
          if (!x.is_object()) throw BadRequest("Mỗi phần tử của '" + f.name + "' phải là một đối tượng.", f.name);
          const json::ObjectReader item(x.as_object());
          bj::object clean;
          for (const auto& kv : x.as_object()) {
            if (std::find(f.item_fields.begin(), f.item_fields.end(), std::string(kv.key())) == f.item_fields.end()) {
              throw BadRequest("Trường '" + f.name + "." + std::string(kv.key()) + "' không được hỗ trợ.", f.name);
            }
          }
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
        out[f.name] = std::move(items);
        break;
      }
    }
  }
  // Rules across fields.
  for (const auto& f : spec_.fields) {
    if ((f.type == FieldType::codes || f.type == FieldType::sealed_list) && out[f.name].as_array().size() < f.min_items) {
      throw BadRequest("Trường '" + f.name + "' cần ít nhất " + std::to_string(f.min_items) + " mục.", f.name);
    }
  }
  for (const auto& [later, earlier] : spec_.ordered) {
    const auto& l = out[later];
    const auto& e = out[earlier];
    if (l.is_string() && e.is_string() && l.as_string() < e.as_string()) {
      throw BadRequest("Trường '" + later + "' không thể trước '" + earlier + "'.", later);
    }
  }
  return out;
}

void RegisterService::store(db::Connection& c, std::int64_t id, const bj::object& values) const {
  if (!spec_.has_codes()) return;
  c.query("DELETE FROM " + spec_.codes_table() + " WHERE record_id = $1", id);
  for (const auto& f : spec_.fields) {
    if (f.type != FieldType::codes) continue;
    for (const auto& code : values.at(f.name).as_array()) {
      c.query("INSERT INTO " + spec_.codes_table() + " (record_id, field, code) VALUES ($1, $2, $3)", id, f.name,
              std::string(code.as_string()));
    }
  }
}

namespace {
std::vector<db::Value> row_params(const Spec& spec, const bj::object& values, const crypto::Keyring& keys) {
  std::vector<db::Value> p;
  for (const auto& f : spec.fields) {
    if (!in_row(f)) continue;
    auto it = values.find(f.name);
    const bj::value* v = it == values.end() ? nullptr : &it->value();
    p.push_back(to_db(f, v, keys, spec));
    if (f.hashed) {
      const std::string plain = sealed_plain(v);
      if (plain.empty()) p.emplace_back(nullptr);
      else p.emplace_back(keys.keyed_hash(f.normalize ? f.normalize(plain) : plain, sealed_purpose(spec, f)));
    }
    if (f.type == FieldType::sealed_list) p.emplace_back(static_cast<std::int64_t>(v && v->is_array() ? v->as_array().size() : 0));
  }
  return p;
}

std::string search_text(const Spec& spec, const bj::object& values) {
  std::string s;
  for (const auto& f : spec.fields) {
    if (!f.searchable || f.sealed) continue;
    auto it = values.find(f.name);
    if (it != values.end() && it->value().is_string()) s += std::string(it->value().as_string()) + " ";
  }
  return text::fold(s);
}
}  // namespace

void RegisterService::run_check(db::Connection& c, const bj::object& values, std::int64_t unit_id, std::int64_t id) const {
  if (!spec_.check) return;
  const auto kind = c.query("SELECT kind FROM units WHERE id = $1", unit_id).rows[0].text(0);
  spec_.check(c, values, kind, unit_id, id);
}

Record RegisterService::create(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, spec_.write_permission);
  return db_.write_value([&](db::Connection& c) {
    std::int64_t unit_id = 0;
    std::string unit_path;
    const bj::object values = validate(c, who, body, nullptr, unit_id, unit_path);
    run_check(c, values, unit_id, 0);
    std::vector<db::Value> p{unit_id};
    for (auto& v : row_params(spec_, values, keys_)) p.push_back(std::move(v));
    const std::string now = timeutil::now_utc();
    p.emplace_back(search_text(spec_, values));
    p.emplace_back(who.username);
    p.emplace_back(now);
    std::int64_t id = 0;
    try {
      id = c.execute(insert_, p).rows[0].integer(0);
    } catch (const db::UniqueViolation&) {
      throw Conflict("Bản ghi trùng với một bản ghi đã có (" + spec_.title + ").");
    }
    store(c, id, values);
    if (spec_.after_write) spec_.after_write(c, who, id, nullptr, values, body);
    Record r = get_in(c, who, id);
    audit_.record(c, {who.username, spec_.entity + ".create", spec_.entity, std::to_string(id), r.unit_path, r.unit_code, "",
                      request_id, ""});
    return r;
  });
}

Record RegisterService::update(const http::Principal& who, std::int64_t id, const bj::object& body, const std::string& request_id) {
  access::require(who, spec_.write_permission);
  if (body.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  return db_.write_value([&](db::Connection& c) {
    const Record cur = get_in(c, who, id);
    std::int64_t unit_id = 0;
    std::string unit_path;
    const bj::object values = validate(c, who, body, &cur, unit_id, unit_path);
    if (unit_id == 0) unit_id = c.query("SELECT unit_id FROM " + spec_.table + " WHERE id = $1", id).rows[0].integer(0);
    run_check(c, values, unit_id, id);
    std::vector<db::Value> p{id};
    for (auto& v : row_params(spec_, values, keys_)) p.push_back(std::move(v));
    p.emplace_back(search_text(spec_, values));
    p.emplace_back(timeutil::now_utc());
    p.emplace_back(unit_id);
    try {
      c.execute(update_, p);
    } catch (const db::UniqueViolation&) {
      throw Conflict("Bản ghi trùng với một bản ghi đã có (" + spec_.title + ").");
    }
    store(c, id, values);
    if (spec_.after_write) spec_.after_write(c, who, id, &cur.values, values, body);
    std::string changed;
    for (const auto& kv : body) changed += std::string(changed.empty() ? "\"" : ",\"") + std::string(kv.key()) + "\"";
    audit_.record(c, {who.username, spec_.entity + ".update", spec_.entity, std::to_string(id), cur.unit_path, cur.unit_code, "",
                      request_id, "{\"changed\":[" + changed + "]}"});
    return get_in(c, who, id);
  });
}

void RegisterService::remove(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  access::require(who, spec_.write_permission);
  db_.write([&](db::Connection& c) {
    const Record cur = get_in(c, who, id);
    if (spec_.has_codes()) c.query("DELETE FROM " + spec_.codes_table() + " WHERE record_id = $1", id);
    if (spec_.attachments && files_) files_->remove_all(c, id);
    try {
      c.query("DELETE FROM " + spec_.table + " WHERE id = $1", id);
    } catch (const db::DatabaseError&) {
      throw Conflict("Bản ghi đang được bản ghi khác tham chiếu, không xóa được.");
    }
    audit_.record(c, {who.username, spec_.entity + ".delete", spec_.entity, std::to_string(id), cur.unit_path, cur.unit_code, "",
                      request_id, ""});
  });
}

std::vector<Record> RegisterService::load(db::Connection& c, const std::string& where, const std::vector<db::Value>& params,
                                          const std::string& tail) const {
  std::vector<Record> out;
  for (const auto& r : c.execute(select_ + where + tail, params).rows) {
    Record rec{r.integer(0), r.text(1), r.text(2), r.text(3), {}, r.text(4), r.text(5), r.text(6)};
    std::size_t i = 7;
    for (const auto& f : spec_.fields) {
      if (!in_row(f)) continue;
      if (f.type == FieldType::sealed_list) {
        bj::array items;
        if (!r.is_null(i)) {
          auto plain = keys_.open(r.text(i), sealed_purpose(spec_, f));
          if (!plain) throw std::runtime_error(spec_.entity + " " + std::to_string(rec.id) + ": sealed field does not open");
          items = bj::parse(*plain).as_array();
        }
        rec.values[f.name] = std::move(items);
        rec.values[f.name + "_count"] = r.integer(i + 1);
        i += 2;
        continue;
      }
      if (f.sealed) {
        bj::value v = nullptr;
        if (!r.is_null(i)) {
          auto plain = keys_.open(r.text(i), sealed_purpose(spec_, f));
          if (!plain) throw std::runtime_error(spec_.entity + " " + std::to_string(rec.id) + ": sealed field does not open");
          if (f.type == FieldType::year) v = std::int64_t{std::stoll(*plain)};
          else v = bj::string(*plain);
        }
        rec.values[f.name] = std::move(v);
        ++i;
        continue;
      }
      rec.values[f.name] = from_row(f, r, i++);
    }
    for (const auto& f : spec_.fields)
      if (f.type == FieldType::codes) rec.values[f.name] = bj::array{};
    out.push_back(std::move(rec));
  }
  if (spec_.has_codes() && !out.empty()) {
    std::string in_list;
    std::vector<db::Value> ids;
    for (const auto& rec : out) {
      ids.emplace_back(rec.id);
      in_list += (in_list.empty() ? "$" : ", $") + std::to_string(ids.size());
    }
    auto codes = c.execute("SELECT record_id, field, code FROM " + spec_.codes_table() + " WHERE record_id IN (" + in_list +
                               ") ORDER BY record_id, field, code",
                           ids);
    for (const auto& row : codes.rows) {
      const auto rid = row.integer(0);
      auto it = std::find_if(out.begin(), out.end(), [&](const Record& x) { return x.id == rid; });
      if (it != out.end()) it->values[row.text(1)].as_array().push_back(bj::value(row.text(2)));
    }
  }
  return out;
}

Record RegisterService::get_in(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  auto rows = load(c, "WHERE r.id = $1", {id}, "");
  if (rows.empty() || !access::in_scope(who, rows[0].unit_path)) throw NotFound("Không tìm thấy bản ghi.");
  return std::move(rows[0]);
}

Record RegisterService::get(const http::Principal& who, std::int64_t id) {
  access::require(who, spec_.read_permission);
  return db_.read_value([&](db::Connection& c) { return get_in(c, who, id); });
}

std::pair<std::vector<Record>, std::int64_t> RegisterService::list(const http::Principal& who, const ListQuery& q, bool all_rows) {
  access::require(who, spec_.read_permission);
  return db_.read_value([&](db::Connection& c) {
    const PathRange scope = units::area_range(c, who, q.unit);
    std::vector<db::Value> p{scope.lo, scope.hi};
    std::string where = "WHERE un.path >= $1 AND un.path < $2";
    auto param = [&](db::Value v) {
      p.push_back(std::move(v));
      return "$" + std::to_string(p.size());
    };
    if (!spec_.date_field.empty()) {
      const Field* df = spec_.field(spec_.date_field);
      const bool datetime = df && df->type == FieldType::datetime;
      // Vietnam days: a datetime column is compared with the day's bounds in UTC.
      auto bound = [&](const std::string& day, int plus_days) {
        const auto tp = timeutil::from_date(*timeutil::parse_date(day)) + std::chrono::hours(24 * plus_days);
        return datetime ? timeutil::to_rfc3339(tp - std::chrono::hours(7)) : timeutil::vietnam_date(tp + std::chrono::hours(7));
      };
      if (q.from) where += " AND r." + spec_.date_field + " >= " + param(bound(*q.from, 0));
      if (q.to) where += " AND r." + spec_.date_field + " < " + param(bound(*q.to, 1));
    }
    if (q.q) where += " AND r.search_text LIKE " + param("%" + db::escape_like(text::fold(*q.q)) + "%") + " ESCAPE '\\'";
    for (const auto& [name, value] : q.hashed) {
      const Field* f = spec_.field(name);
      const std::string norm = f->normalize ? f->normalize(value) : value;
      where += " AND r." + name + "_hash = " + param(keys_.keyed_hash(norm, sealed_purpose(spec_, *f)));
    }
    for (const auto& [name, value] : q.filters) {
      const Field* f = spec_.field(name);
      if (f->type == FieldType::reference || f->type == FieldType::year) {
        // Numbers on both engines: PostgreSQL would refuse a non-number as a typed parameter.
        if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos) {
          throw BadRequest("Tham số '" + name + "' phải là số.", name);
        }
        where += " AND r." + name + " = " + param(std::int64_t{std::stoll(value)});
        continue;
      }
      if (f->type == FieldType::codes) {
        where += " AND EXISTS (SELECT 1 FROM " + spec_.codes_table() + " k WHERE k.record_id = r.id AND k.field = " + param(name) +
                 " AND k.code = " + param(value) + ")";
      } else {
        where += " AND r." + name + " = " + param(value);
      }
    }
    const auto total = c.execute("SELECT COUNT(*) FROM " + spec_.table + " r JOIN units un ON un.id = r.unit_id " + where, p)
                           .rows[0]
                           .integer(0);
    std::string tail = " ORDER BY " + (spec_.date_field.empty() ? std::string("r.id") : "r." + spec_.date_field) + " DESC, r.id DESC";
    if (!all_rows) {
      tail += " LIMIT " + param(std::int64_t{q.per_page});
      tail += " OFFSET " + param(std::int64_t{(q.page - 1) * q.per_page});
    } else {
      tail += " LIMIT 50000";
    }
    return std::make_pair(load(c, where, p, tail), total);
  });
}

void RegisterService::set_attachments_dir(std::string dir) {
  files_.emplace(db_, attachments::Owner{spec_.name, std::move(dir), "bản ghi"});
}

void RegisterService::admit_attachment(const http::Principal& who, std::int64_t id) {
  access::require(who, spec_.write_permission);
  if (!spec_.attachments || !files_) throw NotFound("Sổ này không nhận tệp đính kèm.");
  files_->admit([&](db::Connection& c) { return get_in(c, who, id).id; });
}

bj::object RegisterService::add_attachment(const http::Principal& who, std::int64_t id, const std::string& upload_path,
                                           bool keep_location, const std::string& request_id) {
  access::require(who, spec_.write_permission);
  if (!spec_.attachments || !files_) throw NotFound("Sổ này không nhận tệp đính kèm.");
  Record r;
  const auto a = files_->add(
      {upload_path, keep_location, who.username, "", ""},
      [&](db::Connection& c) {
        r = get_in(c, who, id);  // still there, still in scope
        return r.id;
      },
      [&](db::Connection& c, const attachments::Attachment& file) {
        audit_.record(c, {who.username, spec_.entity + ".attach", spec_.entity, std::to_string(id), r.unit_path, r.unit_code, "",
                          request_id, "{\"attachment\":" + std::to_string(file.id) + "}"});
      });
  return attachments::to_json(a);
}

bj::array RegisterService::attachments(const http::Principal& who, std::int64_t id) {
  access::require(who, spec_.read_permission);
  if (!files_) throw NotFound("Sổ này không nhận tệp đính kèm.");
  return db_.read_value([&](db::Connection& c) {
    get_in(c, who, id);
    bj::array out;
    for (const auto& a : files_->list(c, id)) out.push_back(attachments::to_json(a));
    return out;
  });
}

attachments::StoredFile RegisterService::attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id) {
  access::require(who, spec_.read_permission);
  if (!files_) throw NotFound("Không tìm thấy tệp đính kèm.");
  return db_.read_value([&](db::Connection& c) {
    get_in(c, who, id);
    return files_->file(c, id, attachment_id, spec_.name + "-" + std::to_string(id));
  });
}

bool RegisterService::sees_sealed(const http::Principal& who, const Record& r) const {
  if (!spec_.identity_visible) return access::can(who, spec_.write_permission);
  return db_.read_value([&](db::Connection& c) { return spec_.identity_visible(c, who, r.unit_path); });
}

bj::object RegisterService::to_json(const Record& r, bool detail) const {
  bj::object o{{"id", std::to_string(r.id)}, {"unit", bj::object{{"code", r.unit_code}, {"name", r.unit_name}}}};
  if (!spec_.ref_prefix.empty()) o["ref"] = spec_.reference(r.id);
  if (spec_.has_sealed()) o["identity_visible"] = detail;
  for (const auto& f : spec_.fields) {
    if (f.sealed) {
      if (detail) o[f.name] = r.values.at(f.name);
      continue;
    }
    if (f.type == FieldType::sealed_list) {
      o[f.name + "_count"] = r.values.at(f.name + "_count");
      if (detail) o[f.name] = r.values.at(f.name);
      continue;
    }
    const auto& v = r.values.at(f.name);
    o[f.name] = (f.type == FieldType::reference && v.is_int64()) ? bj::value(std::to_string(v.as_int64())) : v;
  }
  o["created_by"] = r.created_by;
  o["created_at"] = r.created_at;
  o["updated_at"] = r.updated_at;
  return o;
}

}  // namespace antq::registers
