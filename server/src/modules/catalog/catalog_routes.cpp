#include "modules/catalog/catalog_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/access.hpp"
#include "http/params.hpp"

namespace antq::catalog {

namespace bj = boost::json;

namespace {

bj::object item_json(const Item& i) {
  return bj::object{{"code", i.code}, {"label", i.label}, {"label_en", i.label_en}, {"active", i.active}, {"national", !i.owner_path}};
}

void require_admin(const http::Request& req) {
  if (req.principal->role != "admin") throw Forbidden("Chỉ quản trị viên được sửa danh mục.");
}

const std::string& kind_param(const http::Request& req) {
  const std::string& kind = req.param("kind");
  if (!is_kind(kind)) throw NotFound("Không có danh mục '" + kind + "'.");
  return kind;
}

}  // namespace

void register_routes(http::Router& router, CatalogService& catalog) {
  // Public: the public forms offer the catalogue's lists (topics of an opinion). ?unit=CODE: the
  // entries that apply to records of that unit (national ones and its province's); without it,
  // the national list.
  // Public and the same for everyone: cached while nothing is written (http/response_cache.hpp).
  router.add(http::cached_public_read("/api/v1/catalog", 300), [&catalog](http::Request& req) {
    const bool all = http::bool_param(req, "include_inactive");
    bj::object out;
    for (const auto& [kind, entries] : catalog.lists(http::text_param(req, "unit", 40), all)) {
      bj::array items;
      for (const auto& i : entries) items.push_back(item_json(i));
      out[kind] = std::move(items);
    }
    return http::Response::json(out);
  });

  router.add({"POST", "/api/v1/catalog/{kind}", http::Access::staff}, [&catalog](http::Request& req) {
    require_admin(req);
    const std::string kind = kind_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"code", "label", "label_en"});
    Item item{kind, in.required_string("code", 40), in.required_string("label", 200), in.optional_string("label_en", 200).value_or("")};
    item.owner_path = access::list_owner_for(*req.principal);
    for (char ch : item.code) {
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
        throw BadRequest("Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới.", "code");
      }
    }
    catalog.add(*req.principal, item, req.request_id);
    return http::Response::json(item_json(item), 201);
  });

  router.add({"PATCH", "/api/v1/catalog/{kind}/{code}", http::Access::staff}, [&catalog](http::Request& req) {
    require_admin(req);
    const std::string kind = kind_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"label", "label_en", "active"});
    ItemChange change{in.optional_string("label", 200), in.optional_string("label_en", 200), in.optional_bool("active")};
    if (!change.label && !change.label_en && !change.active) throw BadRequest("Không có thay đổi nào được gửi lên.");
    if (change.label && change.label->empty()) throw BadRequest("Tên không được để trống.", "label");
    return http::Response::json(item_json(catalog.update(*req.principal, kind, req.param("code"), change, req.request_id)));
  });
}

}  // namespace antq::catalog
