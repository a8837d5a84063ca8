#include "modules/registers/register_repository.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/text.hpp"
#include "db/bulk_insert.hpp"
#include "db/id_source.hpp"
#include "modules/registers/register_repository.sql.hpp"

namespace antq::registers {

namespace bj = boost::json;

namespace {

using namespace antq::sql::registers::register_repository;  // the statements: register_repository.sql
constexpr const char* kFromWithUnit = " r JOIN units un ON un.id = r.unit_id ";
constexpr const char* kInsertTail = ", search_text, created_by, created_at, updated_at) VALUES ($1";

// `sql` with every {name} replaced by `value`.
std::string put(std::string sql, const std::string& name, const std::string& value) {
  const std::string key = "{" + name + "}";
  for (auto at = sql.find(key); at != std::string::npos; at = sql.find(key, at + value.size())) sql.replace(at, key.size(), value);
  return sql;
}

// Fields stored in the record's own row (everything but catalogue lists).
bool in_row(const Field& f) { return f.type != FieldType::codes; }

// The plain text of a sealed field's value ("" when empty).
std::string sealed_plain(const bj::value* v) {
  if (!v || v->is_null()) return {};
  return v->is_int64() ? std::to_string(v->as_int64()) : std::string(v->as_string());
}

bj::value from_db(const Field& f, const db::Row& r, std::size_t i) {
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

db::Value column_value(const Spec& spec, const Field& f, const bj::value* v, const crypto::Keyring& keys) {
  if (f.sealed) {
    const std::string plain = sealed_plain(v);
    if (plain.empty()) return nullptr;
    return keys.seal(plain, spec.sealed_purpose(f));
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
    case FieldType::sealed_list: return keys.seal(bj::serialize(*v), spec.sealed_purpose(f));
    default: return std::string(v->as_string());
  }
}

db::Value hash_value(const Spec& spec, const Field& f, const bj::value* v, const crypto::Keyring& keys) {
  const std::string plain = sealed_plain(v);
  if (plain.empty()) return nullptr;
  return keys.keyed_hash(f.normalize ? f.normalize(plain) : plain, spec.sealed_purpose(f));
}

RegisterRepository::RegisterRepository(const Spec& spec, const crypto::Keyring& keys) : spec_(spec), keys_(keys) {
  std::string cols, params, sets;
  int n = 1;  // $1 = unit_id (insert) or id (update)
  auto column = [&](const std::string& name) {
    ++n;
    cols += ", " + name;
    params += ", $" + std::to_string(n);
    sets += ", " + name + " = $" + std::to_string(n);
  };
  for (const auto& f : spec_.fields) {
    if (!in_row(f)) continue;
    column(f.name);
    if (f.hashed) column(f.name + "_hash");
    if (f.type == FieldType::sealed_list) column(f.name + "_count");
  }
  columns_ = cols;
  const std::string a = std::to_string(n + 1), b = std::to_string(n + 2), c = std::to_string(n + 3);
  // Insert: $1 unit_id, the fields, then search_text, created_by, created_at (also updated_at).
  insert_ = "INSERT INTO " + spec_.table + " (unit_id" + cols + kInsertTail + params + ", $" + a + ", $" + b + ", $" + c + ", $" + c +
            ") RETURNING id";
  // Update: $1 id, the fields, then search_text, updated_at, unit_id.
  update_ = "UPDATE " + spec_.table + " SET unit_id = $" + c + sets + ", search_text = $" + a + ", updated_at = $" + b + " WHERE id = $1";
  claim_version_ = "UPDATE " + spec_.table + " SET updated_at = $3 WHERE id = $1 AND updated_at = $2";
  select_ = kSelectHead;
  for (const auto& f : spec_.fields)
    if (in_row(f)) select_ += ", r." + f.name + (f.type == FieldType::sealed_list ? ", r." + f.name + "_count" : "");
  select_ += " FROM " + spec_.table + kFromWithUnit;
  count_ = "SELECT COUNT(*) FROM " + spec_.table + kFromWithUnit;
  unit_id_ = put(kUnitIdOf, "table", spec_.table);
  delete_ = put(kDelete, "table", spec_.table);
  delete_codes_ = put(kDeleteCodes, "codes", spec_.codes_table());
  insert_code_ = put(kInsertCode, "codes", spec_.codes_table());
  select_codes_ = put(kSelectCodes, "codes", spec_.codes_table());
}

std::vector<db::Value> RegisterRepository::row_params(const bj::object& values) const {
  std::vector<db::Value> p;
  for (const auto& f : spec_.fields) {
    if (!in_row(f)) continue;
    auto it = values.find(f.name);
    const bj::value* v = it == values.end() ? nullptr : &it->value();
    p.push_back(column_value(spec_, f, v, keys_));
    if (f.hashed) p.push_back(hash_value(spec_, f, v, keys_));
    if (f.type == FieldType::sealed_list) p.emplace_back(static_cast<std::int64_t>(v && v->is_array() ? v->as_array().size() : 0));
  }
  return p;
}

std::int64_t RegisterRepository::insert(db::Connection& c, std::int64_t unit_id, const bj::object& values, const std::string& created_by,
                                        const std::string& now) const {
  std::vector<db::Value> p{unit_id};
  for (auto& v : row_params(values)) p.push_back(std::move(v));
  p.emplace_back(search_text(spec_, values));
  p.emplace_back(created_by);
  p.emplace_back(now);
  return c.execute(insert_, p).rows[0].integer(0);
}

std::vector<std::int64_t> RegisterRepository::insert_many(db::Connection& c, const std::vector<NewRecord>& rows,
                                                          const std::string& created_by, const std::string& now) const {
  auto ids = db::IdSource(c).take(spec_.table, static_cast<std::int64_t>(rows.size()));
  // SQLite runs a statement in memory: small ones it keeps prepared cost less than big ones it
  // compiles each time. PostgreSQL is a round trip away: as few statements as possible.
  const std::size_t max_params = c.engine() == db::Engine::sqlite ? 100 : 30000;
  db::BulkInsert records(c,
                         "INSERT INTO " + spec_.table + " (id, unit_id" + columns_ + ", search_text, created_by, created_at, updated_at)",
                         nullptr, max_params);
  // A catalogue list names its record: the records' statement is flushed before each of its own.
  std::optional<db::BulkInsert> codes;
  if (spec_.has_codes()) codes.emplace(c, "INSERT INTO " + spec_.codes_table() + " (record_id, field, code)", &records, max_params);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& values = *rows[i].values;
    std::vector<db::Value> row{ids[i], rows[i].unit_id};
    for (auto& v : row_params(values)) row.push_back(std::move(v));
    row.emplace_back(search_text(spec_, values));
    row.emplace_back(created_by);
    row.emplace_back(now);
    row.emplace_back(now);
    records.add(std::move(row));
    if (!codes) continue;
    for (const auto& f : spec_.fields) {
      if (f.type != FieldType::codes) continue;
      for (const auto& code : values.at(f.name).as_array()) codes->add({ids[i], f.name, std::string(code.as_string())});
    }
  }
  if (codes) codes->flush();
  records.flush();
  return ids;
}

void RegisterRepository::update(db::Connection& c, std::int64_t id, std::int64_t unit_id, const bj::object& values,
                                const std::string& now) const {
  std::vector<db::Value> p{id};
  for (auto& v : row_params(values)) p.push_back(std::move(v));
  p.emplace_back(search_text(spec_, values));
  p.emplace_back(now);
  p.emplace_back(unit_id);
  c.execute(update_, p);
}

bool RegisterRepository::claim_version(db::Connection& c, std::int64_t id, const std::string& version, const std::string& now) const {
  return c.query(claim_version_, id, version, now).affected == 1;
}

void RegisterRepository::remove(db::Connection& c, std::int64_t id) const {
  if (spec_.has_codes()) c.query(delete_codes_, id);
  c.query(delete_, id);
}

void RegisterRepository::store_codes(db::Connection& c, std::int64_t id, const bj::object& values, bool new_record) const {
  if (!spec_.has_codes()) return;
  if (!new_record) c.query(delete_codes_, id);
  for (const auto& f : spec_.fields) {
    if (f.type != FieldType::codes) continue;
    for (const auto& code : values.at(f.name).as_array()) c.query(insert_code_, id, f.name, std::string(code.as_string()));
  }
}

// Sealed values that do not open are a broken key or a damaged row: an error, never shown as empty.
Record RegisterRepository::from_row(const db::Row& r) const {
  Record rec{r.integer(0), r.text(1), r.text(2), r.text(3), {}, r.text(4), r.text(5), r.text(6)};
  auto open = [&](std::size_t i, const Field& f) {
    auto plain = keys_.open(r.text(i), spec_.sealed_purpose(f));
    if (!plain) throw std::runtime_error(spec_.entity + " " + std::to_string(rec.id) + ": sealed field does not open");
    return *plain;
  };
  std::size_t i = 7;
  for (const auto& f : spec_.fields) {
    if (!in_row(f)) continue;
    if (f.type == FieldType::sealed_list) {
      rec.values[f.name] = r.is_null(i) ? bj::array{} : bj::parse(open(i, f)).as_array();
      rec.values[f.name + "_count"] = r.integer(i + 1);
      i += 2;
    } else if (f.sealed) {
      bj::value v = nullptr;
      if (!r.is_null(i)) v = f.type == FieldType::year ? bj::value(std::int64_t{std::stoll(open(i, f))}) : bj::value(open(i, f));
      rec.values[f.name] = std::move(v);
      ++i;
    } else {
      rec.values[f.name] = from_db(f, r, i++);
    }
  }
  for (const auto& f : spec_.fields)
    if (!in_row(f)) rec.values[f.name] = bj::array{};  // filled by add_codes
  return rec;
}

void RegisterRepository::add_codes(db::Connection& c, std::vector<Record>& records) const {
  if (!spec_.has_codes() || records.empty()) return;
  std::string in_list;
  std::vector<db::Value> ids;
  for (const auto& rec : records) {
    ids.emplace_back(rec.id);
    in_list += (in_list.empty() ? "$" : ", $") + std::to_string(ids.size());
  }
  for (const auto& row : c.execute(put(select_codes_, "ids", in_list), ids).rows) {
    const auto rid = row.integer(0);
    auto it = std::find_if(records.begin(), records.end(), [&](const Record& x) { return x.id == rid; });
    if (it != records.end()) it->values[row.text(1)].as_array().push_back(bj::value(row.text(2)));
  }
}

std::vector<Record> RegisterRepository::load(db::Connection& c, const std::string& where, const std::vector<db::Value>& params,
                                             const std::string& tail) const {
  std::vector<Record> out;
  for (const auto& r : c.execute(select_ + where + tail, params).rows) out.push_back(from_row(r));
  add_codes(c, out);
  return out;
}

std::int64_t RegisterRepository::count(db::Connection& c, const std::string& where, const std::vector<db::Value>& params) const {
  return c.execute(count_ + where, params).rows[0].integer(0);
}

std::int64_t RegisterRepository::unit_id_of(db::Connection& c, std::int64_t id) const { return c.query(unit_id_, id).rows[0].integer(0); }

std::string unit_kind(db::Connection& c, std::int64_t unit_id) { return c.query(kUnitKind, unit_id).rows[0].text(0); }

std::optional<std::string> referenced_unit_path(db::Connection& c, const std::string& table, std::int64_t id) {
  auto r = c.query(put(kReferencedPath, "table", table), id);
  if (r.rows.empty()) return std::nullopt;
  return r.rows[0].text(0);
}

}  // namespace antq::registers
