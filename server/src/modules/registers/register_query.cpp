#include "modules/registers/register_query.hpp"

#include <chrono>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace antq::registers {

namespace {

class Builder {
 public:
  explicit Builder(ListSql& out) : out_(out) {}
  // The placeholder of a new parameter.
  std::string param(db::Value v) {
    out_.params.push_back(std::move(v));
    return "$" + std::to_string(out_.params.size());
  }

 private:
  ListSql& out_;
};

// Vietnam days: a date column is compared with the days themselves, a datetime column with the
// days' bounds in UTC.
std::string day_bound(const std::string& day, int plus_days, bool datetime) {
  const auto tp = timeutil::from_date(*timeutil::parse_date(day)) + std::chrono::hours(24 * plus_days);
  return datetime ? timeutil::to_rfc3339(tp - std::chrono::hours(7)) : timeutil::vietnam_date(tp + std::chrono::hours(7));
}

void add_dates(const Spec& spec, const ListQuery& q, Builder& b, std::string& where) {
  if (spec.date_field.empty()) return;
  const Field* df = spec.field(spec.date_field);
  const bool datetime = df && df->type == FieldType::datetime;
  if (q.from) where += " AND r." + spec.date_field + " >= " + b.param(day_bound(*q.from, 0, datetime));
  if (q.to) where += " AND r." + spec.date_field + " < " + b.param(day_bound(*q.to, 1, datetime));
}

void add_filters(const Spec& spec, const ListQuery& q, Builder& b, std::string& where) {
  for (const auto& [name, value] : q.filters) {
    const Field* f = spec.field(name);
    if (f->type == FieldType::reference || f->type == FieldType::year) {
      // Numbers on both engines: PostgreSQL would refuse a non-number as a typed parameter.
      if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos) {
        throw BadRequest("Tham số '" + name + "' phải là số.", name);
      }
      where += " AND r." + name + " = " + b.param(std::int64_t{std::stoll(value)});
    } else if (f->type == FieldType::codes) {
      const std::string field = b.param(name);  // numbered in reading order: `a + b` may evaluate b first
      where += " AND EXISTS (SELECT 1 FROM " + spec.codes_table() + " k WHERE k.record_id = r.id AND k.field = " + field +
               " AND k.code = " + b.param(value) + ")";
    } else {
      where += " AND r." + name + " = " + b.param(value);
    }
  }
}

}  // namespace

ListSql list_sql(const Spec& spec, const crypto::Keyring& keys, const PathRange& scope, const ListQuery& q, bool all_rows) {
  ListSql out;
  Builder b(out);
  // Two statements so $1 is the lower bound: the operands of `+` are evaluated in no fixed order.
  out.where = "WHERE un.path >= " + b.param(scope.lo);
  out.where += " AND un.path < " + b.param(scope.hi);
  add_dates(spec, q, b, out.where);
  if (q.q) out.where += " AND r.search_text LIKE " + b.param("%" + db::escape_like(text::fold(*q.q)) + "%") + " ESCAPE '\\'";
  for (const auto& [name, value] : q.hashed) {
    const Field* f = spec.field(name);
    const std::string norm = f->normalize ? f->normalize(value) : value;
    // Under every key of the ring: records saved before `antq keys rotate` keep their hashes.
    std::string any;
    for (const auto& hash : keys.keyed_hashes(norm, spec.sealed_purpose(*f))) any += (any.empty() ? "" : ", ") + b.param(hash);
    out.where += " AND r." + name + "_hash IN (" + any + ")";
  }
  add_filters(spec, q, b, out.where);
  out.where_count = out.params.size();
  // Newest first; the id breaks ties between records of one day (and is the order without a date).
  out.tail = spec.date_field.empty() ? " ORDER BY r.id DESC" : " ORDER BY r." + spec.date_field + " DESC, r.id DESC";
  if (all_rows) {
    out.tail += " LIMIT 50000";
  } else {
    out.tail += " LIMIT " + b.param(std::int64_t{q.per_page});
    out.tail += " OFFSET " + b.param(std::int64_t{(q.page - 1) * q.per_page});
  }
  return out;
}

}  // namespace antq::registers
