#include "modules/notifications/notifications_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/params.hpp"

namespace antq::notifications {

namespace bj = boost::json;

void register_routes(http::Router& router, Inbox& inbox) {
  router.add({"GET", "/api/v1/notifications", http::Access::staff}, [&inbox](http::Request& req) {
    const int limit = http::int_param(req, "limit", 30, 1, 200);
    const std::string& me = req.principal->username;
    const auto page = inbox.list(me, limit);
    bj::array items;
    for (const auto& n : page.items) {
      items.push_back(bj::object{{"id", std::to_string(n.id)},
                                 {"kind", n.kind},
                                 {"entity", n.entity},
                                 {"entity_id", n.entity_id},
                                 {"label", n.label},
                                 {"at", n.created_at},
                                 {"read", n.read}});
    }
    return http::Response::json(bj::object{{"items", std::move(items)}, {"unread", page.unread}});
  });

  router.add({"POST", "/api/v1/notifications/read", http::Access::staff}, [&inbox](http::Request& req) {
    std::vector<std::int64_t> ids;
    if (!req.body.empty()) {
      const auto obj = json::parse_object(req.body);
      const json::ObjectReader in(obj);
      in.allow_only({"ids"});
      if (auto it = obj.find("ids"); it != obj.end() && !it->value().is_null()) {
        if (!it->value().is_array() || it->value().as_array().size() > 500) {
          throw BadRequest("Trường 'ids' phải là danh sách (tối đa 500) mã thông báo.", "ids");
        }
        for (const auto& v : it->value().as_array()) {
          const bj::object one{{"id", v}};
          const auto id = json::ObjectReader(one).optional_id("id");
          if (!id) throw BadRequest("Mã thông báo không hợp lệ.", "ids");
          ids.push_back(*id);
        }
      }
    }
    inbox.mark_read(req.principal->username, ids);
    http::Response r;
    r.status = 204;
    return r;
  });
}

}  // namespace antq::notifications
