#include "modules/models/replications_service.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/models/replications_repository.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::models {

namespace bj = boost::json;

namespace {

// Only the places inside the caller's area: a district officer who sees a model started in their
// district does not learn where else in the country it was copied (that is other areas' data).
bj::array list_in(db::Connection& c, const http::Principal& who, std::int64_t model_id) {
  bj::array out;
  for (const auto& r : replications_repo::list(c, model_id, access::scope_range(who))) {
    out.push_back(bj::object{{"id", std::to_string(r.id)},
                             {"unit", bj::object{{"code", r.unit_code}, {"name", r.unit_name}}},
                             {"started_on", r.started_on},
                             {"ended_on", r.ended_on ? bj::value(*r.ended_on) : bj::value(nullptr)},
                             {"created_by", r.created_by}});
  }
  return out;
}

}  // namespace

bj::array ReplicationsService::list(const http::Principal& who, std::int64_t model_id) {
  access::require(who, models_.spec().read_permission);
  return db_.read_value([&](db::Connection& c) {
    models_.get_in(c, who, model_id);
    return list_in(c, who, model_id);
  });
}

bj::array ReplicationsService::add(const http::Principal& who, std::int64_t model_id, const std::string& unit_code,
                                   const std::string& started_on, const std::string& request_id) {
  access::require(who, models_.spec().write_permission);
  return db_.write_value([&](db::Connection& c) {
    auto u = units::repo::find_active(c, unit_code);
    if (!u) throw BadRequest("Không tìm thấy đơn vị '" + unit_code + "'.", "unit");
    const auto rid = add_in(c, who, model_id, *u, started_on);
    audit_.record(c, {who.username, "model.replicate", "model", std::to_string(model_id), u->path, u->code, "", request_id,
                      "{\"replication\":" + std::to_string(rid) + "}"});
    return list_in(c, who, model_id);
  });
}

std::int64_t ReplicationsService::add_in(db::Connection& c, const http::Principal& who, std::int64_t model_id, const units::Unit& u,
                                         const std::string& started_on, const std::optional<std::string>& ended_on) const {
  const auto model = models_.get_in(c, who, model_id);
  if (!access::in_scope(who, u.path)) throw BadRequest("Không tìm thấy đơn vị '" + u.code + "'.", "unit");
  if (u.code == model.unit_code) throw BadRequest("Mô hình đã chạy ở đơn vị khởi xướng.", "unit");
  if (started_on < std::string(model.values.at("started_on").as_string())) {
    throw BadRequest("Không thể nhân rộng trước khi mô hình bắt đầu.", "started_on");
  }
  const std::string today = timeutil::today_vietnam();
  if (started_on > today) throw BadRequest("Ngày bắt đầu sau ngày hôm nay.", "started_on");
  if (ended_on && (*ended_on < started_on || *ended_on > today))
    throw BadRequest("Ngày kết thúc phải từ ngày bắt đầu đến hôm nay.", "ended_on");
  if (replications_repo::open_in(c, model_id, u.id)) throw Conflict("Mô hình đang chạy ở đơn vị này.", "unit");
  const auto rid = replications_repo::insert(c, model_id, u.id, started_on, who.username);
  if (ended_on) replications_repo::end(c, rid, *ended_on);
  return rid;
}

bool ReplicationsService::has_in(db::Connection& c, const http::Principal& who, std::int64_t replication_id) const {
  const auto r = replications_repo::find_any(c, replication_id);
  if (!r || !access::in_scope(who, r->unit_path)) return false;
  try {
    models_.get_in(c, who, r->model_id);
    return true;
  } catch (const NotFound&) {
    return false;
  }
}

bool ReplicationsService::remove_in(db::Connection& c, const http::Principal& who, std::int64_t replication_id) const {
  if (!has_in(c, who, replication_id)) return false;
  replications_repo::remove(c, replication_id);
  return true;
}

bj::array ReplicationsService::end(const http::Principal& who, std::int64_t model_id, std::int64_t replication_id,
                                   const std::string& ended_on, const std::string& request_id) {
  access::require(who, models_.spec().write_permission);
  return db_.write_value([&](db::Connection& c) {
    const auto model = models_.get_in(c, who, model_id);
    const auto r = replications_repo::find(c, model_id, replication_id);
    if (!r || !access::in_scope(who, r->unit_path)) throw NotFound("Không tìm thấy lần nhân rộng này.");
    if (ended_on < r->started_on) throw BadRequest("Ngày kết thúc trước ngày bắt đầu.", "ended_on");
    replications_repo::end(c, replication_id, ended_on);
    audit_.record(c, {who.username, "model.replication_end", "model", std::to_string(model_id), model.unit_path, model.unit_code, "",
                      request_id, "{\"replication\":" + std::to_string(replication_id) + "}"});
    return list_in(c, who, model_id);
  });
}

}  // namespace antq::models
