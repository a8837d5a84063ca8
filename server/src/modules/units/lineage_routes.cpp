#include "modules/units/lineage_routes.hpp"

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/params.hpp"

namespace antq::units {

namespace bj = boost::json;

namespace {

bj::object unit_brief(const Unit& u) {
  return bj::object{{"code", u.code}, {"name", u.name}, {"full_name", u.full_name}, {"kind", u.kind}, {"dataset", u.dataset}};
}

bj::object item_json(const QueueItem& it) {
  bj::array candidates;
  for (const auto& c : it.candidates) {
    candidates.push_back(
        bj::object{{"code", c.code}, {"name", c.name}, {"full_name", c.full_name}, {"relation", c.relation}, {"note", c.note}});
  }
  return bj::object{{"id", std::to_string(it.id)},
                    {"reform", it.reform},
                    {"unit", unit_brief(it.unit)},
                    {"from", unit_brief(it.from)},
                    {"province", unit_brief(it.province)},
                    {"candidates", std::move(candidates)},
                    {"records", it.records},
                    {"assigned_to", it.assigned_to ? bj::value(*it.assigned_to) : bj::value(nullptr)}};
}

std::int64_t item_id(const std::string& raw) {
  if (raw.empty() || raw.size() > 18 || raw.find_first_not_of("0123456789") != std::string::npos) {
    throw NotFound("Không tìm thấy mục chờ phân về xã mới.");
  }
  return std::stoll(raw);
}

}  // namespace

void register_lineage_routes(http::Router& router, LineageService& service) {
  router.add({"GET", "/api/v1/units/reform/pending", http::Access::staff}, [&service](http::Request& req) {
    const auto paging = http::paging(req);
    const auto page = service.pending(*req.principal, paging.page, paging.per_page);
    bj::array items;
    for (const auto& it : page.items) items.push_back(item_json(it));
    return http::page_json(std::move(items), page.total, paging);
  });

  // {"successor": "<new commune code>"}: one of the item's candidates.
  router.add({"POST", "/api/v1/units/reform/pending/{id}/assign", http::Access::staff}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"successor"});
    const auto successor = in.required_string("successor", 40);
    return http::Response::json(item_json(service.assign(*req.principal, item_id(req.param("id")), successor, req.request_id)));
  });
}

}  // namespace antq::units
