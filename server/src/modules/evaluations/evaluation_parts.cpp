#include "modules/evaluations/evaluation_parts.hpp"

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::evaluations {

repo::Evaluation load_in_scope(db::Connection& c, const http::Principal& who, std::int64_t id) {
  access::require(who, "movement.read");
  auto e = repo::find(c, id);
  if (!e || !access::in_scope(who, e->unit.path)) throw NotFound("Không tìm thấy bản đánh giá.");
  return std::move(*e);
}

Outcome outcome_of(db::Connection& c, const repo::Evaluation& e) {
  const Subunits subs = e.target_kind == "commune" ? repo::subunits_of(c, e.unit.path, e.year) : Subunits{};
  return decide(e.target_kind, e.set.criteria, e.answers, repo::registration_of(c, e.unit.id, e.year), subs);
}

repo::Evaluation load_for_writer(db::Connection& c, const http::Principal& who, std::int64_t id) {
  access::require(who, "evaluations.write");
  repo::Evaluation e = load_in_scope(c, who, id);
  if (e.status != "draft" && e.status != "returned") {
    throw RuleViolation(
        e.status == "approved" ? "Bản đánh giá đã được phê duyệt, không sửa được." : "Bản đánh giá đang chờ phê duyệt, không sửa được.",
        "status");
  }
  return e;
}

std::string checked_date(const json::ObjectReader& in, const char* key) {
  auto s = in.optional_string(key, 10);
  if (!s || !timeutil::parse_date(*s)) throw BadRequest(std::string("Trường '") + key + "' phải là ngày dạng YYYY-MM-DD.", key);
  if (*s > timeutil::today_vietnam()) throw BadRequest(std::string("Trường '") + key + "' không thể là ngày trong tương lai.", key);
  return *s;
}

int checked_year(const json::ObjectReader& in) {
  const int this_year = std::stoi(timeutil::today_vietnam().substr(0, 4));
  auto y = in.optional_int("year", 2020, this_year + 1);
  if (!y) throw BadRequest("Thiếu trường bắt buộc 'year'.", "year");
  return static_cast<int>(*y);
}

units::Unit unit_in_scope(db::Connection& c, const http::Principal& who, const std::string& code) {
  auto u = units::repo::find_active(c, code);
  if (!u || !access::in_scope(who, u->path)) throw BadRequest("Không tìm thấy đơn vị '" + code + "'.", "unit");
  return *u;
}

}  // namespace antq::evaluations
