// EvaluationsService: a unit's registration for the year's evaluation (TT 124/2021 Art 6), with
// households registered for residential areas.
#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/evaluations/evaluation_parts.hpp"
#include "modules/evaluations/evaluations_service.hpp"
#include "modules/units/area.hpp"

namespace antq::evaluations {

namespace bj = boost::json;

namespace {

bj::value opt_count(const std::optional<std::int64_t>& n) { return n ? bj::value(*n) : bj::value(nullptr); }

bj::object registration_json(const repo::RegistrationRow& r) {
  return bj::object{{"id", std::to_string(r.id)},
                    {"unit", bj::object{{"code", r.unit_code}, {"name", r.unit_name}}},
                    {"year", r.year},
                    {"registered_on", r.registered_on},
                    {"households_total", opt_count(r.households_total)},
                    {"households_registered", opt_count(r.households_registered)}};
}

void check_households(const std::optional<std::int64_t>& total, const std::optional<std::int64_t>& registered) {
  if (total && registered && *registered > *total) {
    throw BadRequest("Số hộ đăng ký không thể lớn hơn tổng số hộ.", "households_registered");
  }
}

}  // namespace

bj::array EvaluationsService::registrations(const http::Principal& who, const std::optional<std::string>& unit, std::optional<int> year) {
  access::require(who, "movement.read");
  return db_.read_value([&](db::Connection& c) {
    bj::array items;
    for (const auto& r : repo::registrations(c, units::area_range(c, who, unit), year)) items.push_back(registration_json(r));
    return items;
  });
}

bj::object EvaluationsService::add_registration(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, "evaluations.write");
  const json::ObjectReader in(body);
  in.allow_only({"unit", "year", "registered_on", "households_total", "households_registered"});
  const std::string code = in.required_string("unit", 40);
  const int year = checked_year(in);
  repo::RegistrationValues v;
  v.registered_on = checked_date(in, "registered_on");
  v.households_total = in.optional_int("households_total", 0, 1'000'000);
  v.households_registered = in.optional_int("households_registered", 0, 1'000'000);
  check_households(v.households_total, v.households_registered);
  return db_.write_value([&](db::Connection& c) {
    const units::Unit u = unit_in_scope(c, who, code);
    if (!target_kind(u.kind, u.subkind)) throw BadRequest("Đơn vị này không đăng ký đánh giá.", "unit");
    std::int64_t id = 0;
    try {
      id = repo::insert_registration(c, u.id, year, v, who.username, timeutil::now_utc());
    } catch (const db::UniqueViolation&) {
      throw Conflict(u.full_name + " đã đăng ký năm " + std::to_string(year) + ".", "unit");
    }
    audit_.record(c, {who.username, "evaluation_registration.create", "evaluation_registration", std::to_string(id), u.path, u.code, "",
                      request_id, ""});
    return registration_json(*repo::find_registration(c, id));
  });
}

bj::object EvaluationsService::update_registration(const http::Principal& who, std::int64_t id, const bj::object& body,
                                                   const std::string& request_id) {
  access::require(who, "evaluations.write");
  const json::ObjectReader in(body);
  in.allow_only({"registered_on", "households_total", "households_registered"});
  if (body.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  return db_.write_value([&](db::Connection& c) {
    const auto cur = repo::find_registration(c, id);
    if (!cur || !access::in_scope(who, cur->unit_path)) throw NotFound("Không tìm thấy bản đăng ký.");
    repo::RegistrationValues v;
    v.registered_on = body.contains("registered_on") ? checked_date(in, "registered_on") : cur->registered_on;
    auto pick = [&](const char* key, const std::optional<std::int64_t>& stored) -> std::optional<std::int64_t> {
      if (body.contains(key)) return in.optional_int(key, 0, 1'000'000);
      return stored;
    };
    v.households_total = pick("households_total", cur->households_total);
    v.households_registered = pick("households_registered", cur->households_registered);
    check_households(v.households_total, v.households_registered);
    repo::update_registration(c, id, v, timeutil::now_utc());
    audit_.record(c, {who.username, "evaluation_registration.update", "evaluation_registration", std::to_string(id), cur->unit_path,
                      cur->unit_code, "", request_id, ""});
    return registration_json(*repo::find_registration(c, id));
  });
}

}  // namespace antq::evaluations
