#include "modules/groups/members_routes.hpp"

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/past_date.hpp"
#include "http/access.hpp"
#include "http/file_response.hpp"
#include "modules/registers/register_routes.hpp"

namespace antq::groups {

namespace {

bool known_role(const std::string& role) { return role == "leader" || role == "deputy" || role == "member" || role == "mediator"; }

Member member_of(const json::ObjectReader& in) {
  in.allow_only({"name", "role", "gender", "birth_year", "joined_on", "left_on"});
  Member m;
  m.name = in.required_string("name", 200);
  m.role = in.optional_string("role", 20).value_or("member");
  if (!known_role(m.role)) throw BadRequest("Vai trò phải là leader, deputy, member hoặc mediator.", "role");
  m.gender = in.optional_string("gender", 10).value_or("");
  if (!m.gender.empty() && m.gender != "female" && m.gender != "male") throw BadRequest("Giới tính là female hoặc male.", "gender");
  m.birth_year = in.optional_int("birth_year", 1900, 2100);
  m.joined_on = json::past_date(in, "joined_on", true);
  if (auto left = json::past_date(in, "left_on", false); !left.empty()) m.left_on = left;
  return m;
}

}  // namespace

// The permission is checked before the body is read, so a caller without it learns nothing of
// the body's shape (the service checks it again).
void register_member_routes(http::Router& router, MembersService& members) {
  router.add({"GET", "/api/v1/groups/{id}/members", http::Access::staff}, [&members](http::Request& req) {
    access::require(*req.principal, members.spec().read_permission);
    return http::Response::json(members.list(*req.principal, http::id_param(req)));
  });

  router.add({"POST", "/api/v1/groups/{id}/members", http::Access::staff}, [&members](http::Request& req) {
    access::require(*req.principal, members.spec().write_permission);
    const auto id = http::id_param(req);
    const auto obj = json::parse_object(req.body);
    const Member m = member_of(json::ObjectReader(obj));
    return http::Response::json(members.add(*req.principal, id, m, req.request_id), 201);
  });

  router.add({"PATCH", "/api/v1/groups/{id}/members/{mid}", http::Access::staff}, [&members](http::Request& req) {
    access::require(*req.principal, members.spec().write_permission);
    const auto id = http::id_param(req);
    const auto mid = http::id_param(req, "mid");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"role", "left_on"});
    MemberChange ch;
    ch.role = in.optional_string("role", 20);
    if (ch.role && !known_role(*ch.role)) throw BadRequest("Vai trò phải là leader, deputy, member hoặc mediator.", "role");
    if (auto left = json::past_date(in, "left_on", false); !left.empty()) ch.left_on = left;
    if (!ch.role && !ch.left_on) throw BadRequest("Không có thay đổi nào được gửi lên.");
    return http::Response::json(members.change(*req.principal, id, mid, ch, req.request_id));
  });

  router.add({"POST", "/api/v1/groups/{id}/members/{mid}/ratings", http::Access::staff}, [&members](http::Request& req) {
    access::require(*req.principal, members.spec().write_permission);
    const auto id = http::id_param(req);
    const auto mid = http::id_param(req, "mid");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"year", "level"});
    const auto year = in.optional_int("year", 2024, 2100);
    if (!year) throw BadRequest("Thiếu trường bắt buộc 'year'.", "year");
    const std::string level = in.required_string("level", 20);
    if (level != "excellent" && level != "good" && level != "complete" && level != "incomplete") {
      throw BadRequest("Mức xếp loại là excellent, good, complete hoặc incomplete.", "level");
    }
    return http::Response::json(members.rate(*req.principal, id, mid, *year, level, req.request_id));
  });
}

}  // namespace antq::groups
