#include "modules/models/replications.hpp"

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/registers/register_routes.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::models {

namespace bj = boost::json;

namespace {

constexpr const char* kList =
    "SELECT r.id, un.code, un.name, r.started_on, r.ended_on, r.created_by FROM model_replications r "
    "JOIN units un ON un.id = r.unit_id WHERE r.model_id = $1 AND un.path >= $2 AND un.path < $3 ORDER BY r.started_on, r.id";
constexpr const char* kInsert =
    "INSERT INTO model_replications (model_id, unit_id, started_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr const char* kOpenHere =
    "SELECT 1 FROM model_replications WHERE model_id = $1 AND unit_id = $2 AND ended_on IS NULL";
constexpr const char* kFind =
    "SELECT r.started_on, r.ended_on, un.path FROM model_replications r JOIN units un ON un.id = r.unit_id "
    "WHERE r.id = $1 AND r.model_id = $2";
constexpr const char* kEnd = "UPDATE model_replications SET ended_on = $2 WHERE id = $1";

// Only the places inside the caller's area: a district officer who sees a model started in their
// district does not learn where else in the country it was copied (that is other areas' data).
bj::array list(db::Connection& c, const http::Principal& who, std::int64_t model_id) {
  const PathRange scope = access::scope_range(who);
  bj::array out;
  for (const auto& r : c.query(kList, model_id, scope.lo, scope.hi).rows) {
    out.push_back(bj::object{{"id", std::to_string(r.integer(0))},
                             {"unit", bj::object{{"code", r.text(1)}, {"name", r.text(2)}}},
                             {"started_on", r.text(3)},
                             {"ended_on", r.is_null(4) ? bj::value(nullptr) : bj::value(r.text(4))},
                             {"created_by", r.text(5)}});
  }
  return out;
}

std::string date_field(const json::ObjectReader& in, const char* key, bool required) {
  auto s = required ? std::optional<std::string>(in.required_string(key, 10)) : in.optional_string(key, 10);
  if (!s || !timeutil::parse_date(*s)) throw BadRequest(std::string("Trường '") + key + "' phải là ngày dạng YYYY-MM-DD.", key);
  if (*s > timeutil::today_vietnam()) throw BadRequest(std::string("Trường '") + key + "' không thể là ngày trong tương lai.", key);
  return *s;
}

}  // namespace

void register_replication_routes(http::Router& router, registers::RegisterService& models, db::Database& db,
                                 const audit::AuditLog& audit) {
  router.add({"GET", "/api/v1/models/{id}/replications", http::Access::staff}, [&models, &db](http::Request& req) {
    access::require(*req.principal, models.spec().read_permission);
    const auto id = registers::id_param(req);
    return http::Response::json(db.read_value([&](db::Connection& c) {
      models.get_in(c, *req.principal, id);
      return bj::object{{"items", list(c, *req.principal, id)}};
    }));
  });

  router.add({"POST", "/api/v1/models/{id}/replications", http::Access::staff}, [&models, &db, &audit](http::Request& req) {
    access::require(*req.principal, models.spec().write_permission);
    const auto id = registers::id_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"unit", "started_on"});
    const std::string unit_code = in.required_string("unit", 40);
    const std::string started = date_field(in, "started_on", true);
    auto out = db.write_value([&](db::Connection& c) {
      const auto model = models.get_in(c, *req.principal, id);
      auto u = units::repo::find_active(c, unit_code);
      if (!u || !access::in_scope(*req.principal, u->path)) throw BadRequest("Không tìm thấy đơn vị '" + unit_code + "'.", "unit");
      if (u->code == model.unit_code) throw BadRequest("Mô hình đã chạy ở đơn vị khởi xướng.", "unit");
      if (started < std::string(model.values.at("started_on").as_string())) {
        throw BadRequest("Không thể nhân rộng trước khi mô hình bắt đầu.", "started_on");
      }
      if (!c.query(kOpenHere, id, u->id).rows.empty()) throw Conflict("Mô hình đang chạy ở đơn vị này.", "unit");
      const auto rid = c.query(kInsert, id, u->id, started, req.principal->username, timeutil::now_utc()).rows[0].integer(0);
      audit.record(c, {req.principal->username, "model.replicate", "model", std::to_string(id), u->path, u->code, "",
                       req.request_id, "{\"replication\":" + std::to_string(rid) + "}"});
      return bj::object{{"items", list(c, *req.principal, id)}};
    });
    return http::Response::json(out, 201);
  });

  router.add({"PATCH", "/api/v1/models/{id}/replications/{rid}", http::Access::staff}, [&models, &db, &audit](http::Request& req) {
    access::require(*req.principal, models.spec().write_permission);
    const auto id = registers::id_param(req);
    const auto rid = registers::id_param(req, "rid");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"ended_on"});
    const std::string ended = date_field(in, "ended_on", true);
    auto out = db.write_value([&](db::Connection& c) {
      const auto model = models.get_in(c, *req.principal, id);
      auto r = c.query(kFind, rid, id);
      if (r.rows.empty() || !access::in_scope(*req.principal, r.rows[0].text(2))) {
        throw NotFound("Không tìm thấy lần nhân rộng này.");
      }
      if (ended < r.rows[0].text(0)) throw BadRequest("Ngày kết thúc trước ngày bắt đầu.", "ended_on");
      c.query(kEnd, rid, ended);
      audit.record(c, {req.principal->username, "model.replication_end", "model", std::to_string(id), model.unit_path,
                       model.unit_code, "", req.request_id, "{\"replication\":" + std::to_string(rid) + "}"});
      return bj::object{{"items", list(c, *req.principal, id)}};
    });
    return http::Response::json(out);
  });
}

}  // namespace antq::models
