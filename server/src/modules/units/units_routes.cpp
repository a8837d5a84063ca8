#include "modules/units/units_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "http/params.hpp"

namespace antq::units {

namespace bj = boost::json;

namespace {

// Units change by staff edits and the reform, never by the clock: their public reads are cached
// while nothing is written (http/response_cache.hpp), five minutes at most.
constexpr int kUnitsCacheSeconds = 300;

std::optional<std::string> code_param(const http::Request& req, const std::string& name) {
  auto v = req.query_param(name);
  if (!v) return std::nullopt;
  if (v->empty() || v->size() > 40) throw BadRequest("Tham số '" + name + "' không hợp lệ.", name);
  return v;
}

bj::object brief(const Unit& u) { return bj::object{{"code", u.code}, {"name", u.name}, {"full_name", u.full_name}, {"kind", u.kind}}; }

bj::object detail_json(const UnitDetail& d) {
  bj::object o = to_json(d.unit);
  bj::array anc;
  for (const auto& a : d.ancestors) anc.push_back(brief(a));
  o["ancestors"] = std::move(anc);
  o["successor"] = d.successor ? bj::value(brief(*d.successor)) : bj::value(nullptr);
  o["retired_on"] = d.unit.retired_on ? bj::value(*d.unit.retired_on) : bj::value(nullptr);
  return o;
}

// A name as people will read it: trimmed, not blank.
std::string unit_name(const std::string& raw) {
  std::string name = text::trim(raw);
  if (name.empty()) throw BadRequest("Trường 'name' (tên đơn vị) không được để trống.", "name");
  return name;
}

bj::object list_json(bj::array items) {
  const auto n = items.size();
  return bj::object{{"items", std::move(items)}, {"total", n}};
}

}  // namespace

void register_routes(http::Router& router, UnitsService& service) {
  // Reading the unit tree is public: the public forms need it (the citizen picks a commune).
  router.add(http::cached_public_read("/api/v1/units", kUnitsCacheSeconds), [&service](http::Request& req) {
    bj::array items;
    for (const auto& u : service.children(code_param(req, "parent"))) items.push_back(to_json(u));
    return http::Response::json(list_json(std::move(items)));
  });

  router.add({"GET", "/api/v1/units/search", http::Access::public_}, [&service](http::Request& req) {
    auto q = req.query_param("q");
    if (!q) throw BadRequest("Thiếu tham số tìm kiếm 'q'.", "q");
    const int limit = http::int_param(req, "limit", 20, 1, 100);
    bj::array items;
    for (const auto& hit : service.search(*q, http::bool_param(req, "include_retired"), limit)) {
      bj::object o = to_json(hit.unit);
      o["parent_full_name"] = hit.parent_full_name ? bj::value(*hit.parent_full_name) : bj::value(nullptr);
      items.push_back(std::move(o));
    }
    return http::Response::json(list_json(std::move(items)));
  });

  router.add(http::cached_public_read("/api/v1/units/{code}", kUnitsCacheSeconds), [&service](http::Request& req) {
    const std::string& code = req.param("code");
    if (code.size() > 40) throw NotFound("Không tìm thấy đơn vị.");
    return http::Response::json(detail_json(service.get(code, code_param(req, "dataset"))));
  });

  router.add({"POST", "/api/v1/units", http::Access::staff}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"parent", "name", "kind", "code", "subkind"});
    CreateUnit c{in.required_string("parent", 40), unit_name(in.required_string("name", 200)), in.required_string("kind", 20),
                 in.optional_string("code", 32), in.optional_string("subkind", 50)};
    const Unit u = service.create(*req.principal, c, req.request_id);
    return http::Response::json(detail_json(service.get(u.code, std::nullopt)), 201);
  });

  router.add({"PATCH", "/api/v1/units/{code}", http::Access::staff}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"name", "subkind", "successor"});
    UpdateUnit u{in.optional_string("name", 200), in.optional_string("subkind", 50), in.optional_string("successor", 40)};
    if (u.name) u.name = unit_name(*u.name);
    if (!u.name && !u.subkind && !u.successor_code) throw BadRequest("Không có thay đổi nào được gửi lên.");
    const Unit updated = service.update(*req.principal, req.param("code"), u, req.request_id);
    return http::Response::json(detail_json(service.get(updated.code, updated.dataset)));
  });

  // Merge into a sibling: {"into": "<code>"}. Answers the merged (now retired) unit, naming its successor.
  router.add({"POST", "/api/v1/units/{code}/merge", http::Access::staff}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"into"});
    const Unit merged = service.merge(*req.principal, req.param("code"), MergeUnit{in.required_string("into", 40)}, req.request_id);
    return http::Response::json(detail_json(service.get(merged.code, merged.dataset)));
  });

  // Retire (dissolve) without a successor; an empty body or {}.
  router.add({"POST", "/api/v1/units/{code}/retire", http::Access::staff}, [&service](http::Request& req) {
    if (!req.body.empty()) {
      const auto obj = json::parse_object(req.body);
      json::ObjectReader(obj).allow_only(std::initializer_list<std::string_view>{});
    }
    const Unit retired = service.retire(*req.principal, req.param("code"), req.request_id);
    return http::Response::json(detail_json(service.get(retired.code, retired.dataset)));
  });
}

}  // namespace antq::units
