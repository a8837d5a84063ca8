#include "modules/news/news_routes.hpp"

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"
#include "modules/media/media.hpp"

namespace antq::news {

namespace {

http::Response no_content() {
  http::Response r;
  r.status = 204;
  return r;
}

std::optional<std::string> choice_param(const http::Request& req, const std::string& name, std::initializer_list<const char*> allowed) {
  auto v = http::text_param(req, name, 20);
  if (!v) return v;
  for (const char* a : allowed) {
    if (*v == a) return v;
  }
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw BadRequest("Tham số '" + name + "' phải là một trong: " + list + ".", name);
}

std::vector<std::string> codes_param(const http::Request& req) {
  std::vector<std::string> out;
  const auto v = http::text_param(req, "units", 2000);
  if (!v) return out;
  std::size_t start = 0;
  while (start <= v->size()) {
    const auto comma = v->find(',', start);
    std::string code = v->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!code.empty()) out.push_back(code);
    if (out.size() > 50) throw BadRequest("Nhiều nhất 50 đơn vị.", "units");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

void register_staff_routes(http::Router& router, NewsService& service, const NewsCovers& covers) {
  const std::string base = "/api/v1/news";
  router.add({"GET", base, http::Access::staff}, [&service](http::Request& req) {
    ListQuery q;
    q.unit = http::text_param(req, "unit", 40);
    q.status = choice_param(req, "status", {"draft", "pending", "published", "withdrawn"});
    q.kind = choice_param(req, "kind", {"news", "warning", "notice"});
    const auto paging = http::paging(req);
    q.page = paging.page;
    q.per_page = paging.per_page;
    auto [items, total] = service.list(*req.principal, q);
    return http::page_json(std::move(items), total, paging);
  });
  router.add({"POST", base, http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(service.create(*req.principal, json::parse_object(req.body), req.request_id), 201);
  });
  router.add({"GET", base + "/recipients", http::Access::staff}, [&service](http::Request& req) {
    const auto kind = choice_param(req, "kind", {"news", "warning", "notice"}).value_or("warning");
    return http::Response::json(service.recipients(*req.principal, codes_param(req), kind));
  });
  router.add({"GET", base + "/settings/{code}", http::Access::staff},
             [&service](http::Request& req) { return http::Response::json(service.unit_settings(*req.principal, req.param("code"))); });
  router.add({"PUT", base + "/settings/{code}", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(service.set_unit_settings(*req.principal, req.param("code"), json::parse_object(req.body), req.request_id));
  });
  router.add({"GET", base + "/{id}", http::Access::staff},
             [&service](http::Request& req) { return http::Response::json(service.get(*req.principal, http::id_param(req))); });
  router.add({"PATCH", base + "/{id}", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    return http::Response::json(service.update(*req.principal, id, json::parse_object(req.body), req.request_id));
  });
  router.add({"DELETE", base + "/{id}", http::Access::staff}, [&service](http::Request& req) {
    service.remove(*req.principal, http::id_param(req), req.request_id);
    return no_content();
  });
  for (const char* action : {"publish", "withdraw"}) {
    router.add({"POST", base + "/{id}/" + action, http::Access::staff}, [&service, action = std::string(action)](http::Request& req) {
      const auto id = http::id_param(req);
      if (!req.body.empty()) json::ObjectReader(json::parse_object(req.body)).allow_only({});
      return http::Response::json(action == "publish" ? service.publish(*req.principal, id, req.request_id)
                                                      : service.withdraw(*req.principal, id, req.request_id));
    });
  }
  http::RouteSpec upload{"POST", base + "/{id}/cover", http::Access::staff};
  upload.upload_limit = media::kMaxAttachmentBytes;
  upload.idempotent = false;  // the body is a file, not part of a fingerprint
  upload.admit = [&covers](http::Request& req) { covers.admit(*req.principal, http::id_param(req)); };
  router.add(upload, [&covers](http::Request& req) {
    return http::Response::json(covers.add(*req.principal, http::id_param(req), req.body_file, req.request_id), 201);
  });
  router.add({"GET", base + "/{id}/cover", http::Access::staff}, [&covers](http::Request& req) {
    const auto f = covers.staff_file(*req.principal, http::id_param(req));
    return http::file_response(f.path, f.media_type, f.download_name);
  });
  router.add({"DELETE", base + "/{id}/cover", http::Access::staff}, [&covers](http::Request& req) {
    covers.remove(*req.principal, http::id_param(req), req.request_id);
    return no_content();
  });
  router.add({"GET", base + "/{id}/deliveries", http::Access::staff},
             [&service](http::Request& req) { return http::Response::json(service.deliveries(*req.principal, http::id_param(req))); });
}

}  // namespace antq::news
