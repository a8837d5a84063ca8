#include "modules/catalog/catalog_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/access.hpp"
#include "http/params.hpp"
#include "modules/units/units_repository.hpp"
#include "modules/catalog/catalog.hpp"

namespace antq::catalog {

namespace bj = boost::json;

namespace {

bj::object item_json(const Item& i) {
  return bj::object{{"code", i.code}, {"label", i.label}, {"label_en", i.label_en}, {"active", i.active}, {"national", !i.owner_path}};
}

void require_admin(const http::Request& req) {
  if (req.principal->role != "admin") throw Forbidden("Chỉ quản trị viên được sửa danh mục.");
}

// ?unit=CODE: the entries that apply to records of that unit (national ones and its province's).
// Without it, the national list.
std::optional<std::string> unit_path_param(db::Connection& c, const http::Request& req) {
  const auto code = http::text_param(req, "unit", 40);
  if (!code) return std::nullopt;
  auto u = units::repo::find_active(c, *code);
  if (!u) throw NotFound("Không tìm thấy đơn vị '" + *code + "'.", "unit");
  return u->path;
}

const std::string& kind_param(const http::Request& req) {
  const std::string& kind = req.param("kind");
  if (!is_kind(kind)) throw NotFound("Không có danh mục '" + kind + "'.");
  return kind;
}

}  // namespace

void register_routes(http::Router& router, db::Database& db, const audit::AuditLog& audit) {
  // Public: the public forms offer the catalogue's lists (topics of an opinion).
  router.add({"GET", "/api/v1/catalog", http::Access::public_}, [&db](http::Request& req) {
    const bool all = http::bool_param(req, "include_inactive");
    bj::object out = db.read_value([&](db::Connection& c) {
      bj::object o;
      const auto unit_path = unit_path_param(c, req);
      for (const auto& kind : kinds()) {
        bj::array items;
        for (const auto& i : catalog::items_for(c, kind, all, unit_path)) items.push_back(item_json(i));
        o[kind] = std::move(items);
      }
      return o;
    });
    return http::Response::json(out);
  });

  router.add({"POST", "/api/v1/catalog/{kind}", http::Access::staff}, [&db, &audit](http::Request& req) {
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
    db.write([&](db::Connection& c) {
      add(c, item);
      audit.record(c, {req.principal->username, "catalog.add", "catalog", kind + "/" + item.code, item.owner_path.value_or(""),
                       item.owner_path ? req.principal->unit_code : "", "", req.request_id, ""});
    });
    return http::Response::json(item_json(item), 201);
  });

  router.add({"PATCH", "/api/v1/catalog/{kind}/{code}", http::Access::staff}, [&db, &audit](http::Request& req) {
    require_admin(req);
    const std::string kind = kind_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"label", "label_en", "active"});
    const auto label = in.optional_string("label", 200);
    const auto label_en = in.optional_string("label_en", 200);
    const auto active = in.optional_bool("active");
    if (!label && !label_en && !active) throw BadRequest("Không có thay đổi nào được gửi lên.");
    if (label && label->empty()) throw BadRequest("Tên không được để trống.", "label");
    Item out = db.write_value([&](db::Connection& c) {
      auto all = items(c, kind, true);
      auto it = std::find_if(all.begin(), all.end(), [&](const Item& i) { return i.code == req.param("code"); });
      if (it == all.end()) throw NotFound("Không có mã '" + req.param("code") + "' trong danh mục.");
      access::require_list_owner(*req.principal, it->owner_path);
      if (label) it->label = *label;
      if (label_en) it->label_en = *label_en;
      if (active) it->active = *active;
      update(c, *it);
      audit.record(c, {req.principal->username, "catalog.update", "catalog", kind + "/" + it->code, "", "", "", req.request_id, ""});
      return *it;
    });
    return http::Response::json(item_json(out));
  });
}

}  // namespace antq::catalog
