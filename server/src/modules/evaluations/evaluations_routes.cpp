#include "modules/evaluations/evaluations_routes.hpp"

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"
#include "modules/evaluations/criteria_sets.hpp"
#include "modules/media/media.hpp"

namespace antq::evaluations {

namespace bj = boost::json;

namespace {

std::string comment_of(const http::Request& req) {
  if (req.body.empty()) return {};
  const auto obj = json::parse_object(req.body);
  const json::ObjectReader in(obj);
  in.allow_only({"comment"});
  return in.optional_string("comment", 2000).value_or("");
}

std::string criterion_param(const http::Request& req) {
  auto c = http::text_param(req, "criterion", 20);
  if (!c || c->empty()) throw BadRequest("Thiếu tham số 'criterion' (mã tiêu chí của tệp).", "criterion");
  return *c;
}

const char* const kStatuses[] = {"draft", "submitted", "returned", "approved"};

}  // namespace

void register_routes(http::Router& router, EvaluationsService& service, db::Database& db, const audit::AuditLog& audit) {
  criteria_sets::register_routes(router, db, audit);
  const std::string base = "/api/v1/evaluations";

  router.add({"GET", base, http::Access::staff}, [&service](http::Request& req) {
    ListFilter f;
    f.unit = http::text_param(req, "unit", 40);
    f.status = http::text_param(req, "status", 20);
    if (f.status && std::none_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* s) { return *f.status == s; })) {
      throw BadRequest("Tham số 'status' phải là một trong: draft, submitted, returned, approved.", "status");
    }
    f.target_kind = http::text_param(req, "target_kind", 30);
    if (req.query.count("year")) f.year = http::int_param(req, "year", 0, 2000, 2100);
    const auto paging = http::paging(req);
    f.page = paging.page;
    f.per_page = paging.per_page;
    auto [items, total] = service.list(*req.principal, f);
    return http::page_json(std::move(items), total, paging);
  });

  router.add({"GET", base + "/pending", http::Access::staff}, [&service](http::Request& req) {
    const int this_year = std::stoi(timeutil::today_vietnam().substr(0, 4));
    const int year = http::int_param(req, "year", this_year, 2000, 2100);
    return http::Response::json(
        bj::object{{"year", year}, {"items", service.pending(*req.principal, http::text_param(req, "unit", 40), year)}});
  });

  router.add({"GET", base + "/registrations", http::Access::staff}, [&service](http::Request& req) {
    std::optional<int> year;
    if (req.query.count("year")) year = http::int_param(req, "year", 0, 2000, 2100);
    return http::Response::json(bj::object{{"items", service.registrations(*req.principal, http::text_param(req, "unit", 40), year)}});
  });
  router.add({"POST", base + "/registrations", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(service.add_registration(*req.principal, json::parse_object(req.body), req.request_id), 201);
  });
  router.add({"PATCH", base + "/registrations/{id}", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(
        service.update_registration(*req.principal, http::id_param(req), json::parse_object(req.body), req.request_id));
  });

  router.add({"POST", base, http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(service.create(*req.principal, json::parse_object(req.body), req.request_id), 201);
  });
  router.add({"GET", base + "/{id}", http::Access::staff},
             [&service](http::Request& req) { return http::Response::json(service.get(*req.principal, http::id_param(req))); });
  router.add({"PATCH", base + "/{id}", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    return http::Response::json(service.update(*req.principal, id, json::parse_object(req.body), req.request_id));
  });
  router.add({"DELETE", base + "/{id}", http::Access::staff}, [&service](http::Request& req) {
    service.remove(*req.principal, http::id_param(req), req.request_id);
    http::Response r;
    r.status = 204;
    return r;
  });
  router.add({"POST", base + "/{id}/submit", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    if (!req.body.empty()) json::ObjectReader(json::parse_object(req.body)).allow_only({});
    return http::Response::json(service.submit(*req.principal, id, req.request_id));
  });
  router.add({"POST", base + "/{id}/return", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    return http::Response::json(service.send_back(*req.principal, id, comment_of(req), req.request_id));
  });
  router.add({"POST", base + "/{id}/approve", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    return http::Response::json(service.approve(*req.principal, id, comment_of(req), req.request_id));
  });

  http::RouteSpec upload{"POST", base + "/{id}/attachments", http::Access::staff};
  upload.upload_limit = media::kMaxAttachmentBytes;
  upload.idempotent = false;  // the body is a file, not part of a fingerprint
  upload.admit = [&service](http::Request& req) { service.admit_attachment(*req.principal, http::id_param(req), criterion_param(req)); };
  router.add(upload, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    return http::Response::json(service.add_attachment(*req.principal, id, criterion_param(req), req.body_file,
                                                       http::bool_param(req, "keep_location"), req.request_id),
                                201);
  });
  router.add({"GET", base + "/{id}/attachments/{attachment_id}", http::Access::staff}, [&service](http::Request& req) {
    const auto f = service.attachment_file(*req.principal, http::id_param(req), http::id_param(req, "attachment_id"));
    return http::file_response(f.path, f.media_type, f.download_name);
  });

  router.add({"GET", base + "/{id}/certificate", http::Access::staff}, [&service](http::Request& req) {
    http::Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = service.certificate(*req.principal, http::id_param(req));
    r.header("Cache-Control", "private, no-store");
    return r;
  });
}

}  // namespace antq::evaluations
