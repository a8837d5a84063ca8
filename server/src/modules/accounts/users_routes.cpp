#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/params.hpp"
#include "modules/accounts/accounts_routes.hpp"
#include "modules/accounts/user_admin.hpp"

// /api/v1/roles and /api/v1/users*: user administration.
namespace antq::accounts {

namespace bj = boost::json;

void register_user_routes(http::Router& router, UserAdmin& service) {
  router.add({"GET", "/api/v1/roles", http::Access::staff}, [&service](http::Request&) {
    bj::array items;
    for (const auto& r : service.roles()) {
      bj::array perms;
      for (const auto& p : r.permissions) perms.push_back(bj::value(p));
      items.push_back(bj::object{{"code", r.code}, {"label", r.label}, {"permissions", std::move(perms)}});
    }
    return http::Response::json(bj::object{{"items", std::move(items)}});
  });

  router.add({"GET", "/api/v1/users", http::Access::staff}, [&service](http::Request& req) {
    const auto p = http::paging(req);
    auto page = service.list_users(*req.principal, http::text_param(req, "q", 100), p.page, p.per_page);
    bj::array items;
    for (const auto& u : page.items) items.push_back(to_json(u));
    return http::page_json(std::move(items), page.total, p);
  });

  router.add({"POST", "/api/v1/users", http::Access::staff, http::Lane::heavy, false}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"username", "password", "role", "unit", "display_name", "nationwide"});
    NewUser u{in.required_string("username", 64), password_field(in, "password"), in.required_string("role", 40),
              in.optional_string("unit", 40), in.optional_string("display_name", 200).value_or("")};
    u.nationwide = in.optional_bool("nationwide").value_or(false);
    if (u.nationwide && u.unit_code) throw BadRequest("Chọn một đơn vị hoặc 'Toàn quốc', không cả hai.", "nationwide");
    return http::Response::json(to_json(service.create_user(*req.principal, u, caller_of(req))), 201);
  });

  router.add({"GET", "/api/v1/users/{username}", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(to_json(service.get_user(*req.principal, req.param("username"))));
  });

  router.add({"PATCH", "/api/v1/users/{username}", http::Access::staff, http::Lane::heavy}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"display_name", "role", "unit", "nationwide", "disabled", "password", "totp_reset", "unlock"});
    UserUpdate u;
    u.display_name = in.optional_string("display_name", 200);
    u.role = in.optional_string("role", 40);
    u.unit_code = in.optional_string("unit", 40);
    // The whole country is said explicitly ("nationwide": true), as when creating an account;
    // "unit": null, the older way, still means the same.
    const auto nationwide = in.optional_bool("nationwide");
    if (nationwide == true && in.has("unit") && !obj.at("unit").is_null()) {
      throw BadRequest("Chọn một đơn vị hoặc 'Toàn quốc', không cả hai.", "nationwide");
    }
    if (nationwide == false && !u.unit_code) {
      // Leaving nationwide scope means choosing a unit; "false" alone would change nothing.
      throw BadRequest("Hãy chọn đơn vị của tài khoản thay cho phạm vi toàn quốc.", "unit");
    }
    u.nationwide = nationwide == true;
    u.clear_unit = u.nationwide || (in.has("unit") && obj.at("unit").is_null());
    u.disabled = in.optional_bool("disabled");
    if (in.has("password")) u.password = password_field(in, "password");
    u.totp_reset = in.optional_bool("totp_reset").value_or(false);
    u.unlock = in.optional_bool("unlock").value_or(false);
    if (!u.display_name && !u.role && !u.unit_code && !u.clear_unit && !u.disabled && !u.password && !u.totp_reset && !u.unlock) {
      throw BadRequest("Không có thay đổi nào được gửi lên.");
    }
    return http::Response::json(to_json(service.update_user(*req.principal, req.param("username"), u, caller_of(req))));
  });
}

}  // namespace antq::accounts
