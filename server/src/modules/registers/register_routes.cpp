#include "modules/registers/register_routes.hpp"

#include <map>
#include <optional>
#include <string_view>

#include "core/download_name.hpp"
#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"
#include "http/pipeline.hpp"
#include "modules/media/media.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::registers {

namespace bj = boost::json;

namespace {

ListQuery list_query(const http::Request& req, const Spec& spec) {
  ListQuery q;
  q.unit = http::text_param(req, "unit", 40);
  q.from = http::date_param(req, "from");
  q.to = http::date_param(req, "to");
  q.q = http::text_param(req, "q", 200);
  for (const auto& f : spec.fields) {
    if (!f.filterable) continue;
    if (auto v = http::text_param(req, f.name, 40)) q.filters.emplace_back(f.name, *v);
  }
  const auto paging = http::paging(req);
  q.page = paging.page;
  q.per_page = paging.per_page;
  return q;
}

// Sealed fields (mediation parties, a person's identity) appear in clear only to those the spec
// names (by default who keeps the register); others get counts, like lists and exports.
bj::object detail_json(const http::Request& req, const RegisterService& service, const Record& r) {
  return service.to_json(r, service.sees_sealed(*req.principal, r));
}

// A record's version, as the ETag of its GET and the If-Match of an edit: when it was last written.
std::string etag_of(const bj::object& record) {
  const auto* at = record.if_contains("updated_at");
  return "\"" + (at && at->is_string() ? std::string(at->as_string()) : std::string()) + "\"";
}

// The version an If-Match names (its value without the quotes or a weak W/); none for "*" or none.
std::optional<std::string> version_of(std::string_view if_match) {
  if (if_match.starts_with("W/")) if_match.remove_prefix(2);
  if (if_match.empty() || if_match == "*") return std::nullopt;
  if (if_match.size() >= 2 && if_match.front() == '"' && if_match.back() == '"') if_match = if_match.substr(1, if_match.size() - 2);
  return std::string(if_match);
}

http::Response versioned(bj::object record, int status) {
  const std::string tag = etag_of(record);
  http::Response r = http::Response::json(std::move(record), status);
  r.header("ETag", tag);
  return r;
}

// The registers as the web's menu names them (web/src/registers/config.ts, `title`): an export is
// "Sổ <that name>", so the file the server names and the one the page saves are the same
// (`so-tuan-tra_xa-son-tinh_2026-12-04.xlsx`). A register the web does not know yet: its own title.
std::string download_title(const Spec& spec) {
  static const std::map<std::string, std::string> kMenuNames{{"activities", "Hoạt động"},
                                                             {"opinions", "Ý kiến nhân dân"},
                                                             {"models", "Mô hình, chuyên đề"},
                                                             {"groups", "Tổ, nhóm"},
                                                             {"patrols", "Tuần tra"},
                                                             {"mediations", "Hòa giải"},
                                                             {"programs", "Chương trình phối hợp"},
                                                             {"pledges", "Cam kết"},
                                                             {"awards", "Khen thưởng"},
                                                             {"reintegration/people", "Giúp đỡ, tái hòa nhập cộng đồng"},
                                                             {"hotspots", "Địa bàn trọng điểm"}};
  const auto it = kMenuNames.find(spec.name);
  return "Sổ " + (it != kMenuNames.end() ? it->second : spec.title);
}

}  // namespace

void register_routes(http::Router& router, RegisterService& service) {
  const std::string base = "/api/v1/" + service.spec().name;

  router.add({"GET", base, http::Access::staff}, [&service](http::Request& req) {
    const ListQuery q = list_query(req, service.spec());
    auto [rows, total] = service.list(*req.principal, q);
    bj::array items;
    for (const auto& r : rows) items.push_back(service.to_json(r, false));
    return http::page_json(std::move(items), total, {q.page, q.per_page});
  });

  router.add({"GET", base + "/export", http::Access::staff, http::Lane::heavy}, [&service](http::Request& req) {
    const std::string format = http::text_param(req, "format", 10).value_or("csv");
    if (format != "csv" && format != "xlsx") throw BadRequest("Định dạng xuất phải là csv hoặc xlsx.", "format");
    const ListQuery q = list_query(req, service.spec());
    auto [rows, total] = service.list(*req.principal, q, true);
    http::Response r;
    const std::string name = download::file_name(download_title(service.spec()), service.export_unit_name(*req.principal, q.unit),
                                                 timeutil::today_vietnam(), format);
    if (format == "csv") {
      r.content_type = "text/csv; charset=utf-8";
      r.body = service.export_csv(rows);
    } else {
      r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      r.body = service.export_xlsx(rows);
    }
    r.header("Content-Disposition", download::content_disposition(name));
    r.header("Cache-Control", "private, no-store");
    return r;
  });

  router.add({"POST", base, http::Access::staff}, [&service](http::Request& req) {
    const auto body = json::parse_object(req.body);
    return http::Response::json(detail_json(req, service, service.create(*req.principal, body, req.request_id)), 201);
  });

  router.add({"GET", base + "/{id}", http::Access::staff}, [&service](http::Request& req) {
    return versioned(detail_json(req, service, service.get(*req.principal, http::id_param(req))), 200);
  });

  // An edit may carry the version it was made on (If-Match, the ETag of the GET): when the record
  // has changed since, 409 `edit_conflict` with the record as it is now, for the editor to compare.
  router.add({"PATCH", base + "/{id}", http::Access::staff}, [&service](http::Request& req) {
    const auto id = http::id_param(req);
    const auto body = json::parse_object(req.body);
    const auto version = version_of(req.header("if-match"));
    try {
      return versioned(detail_json(req, service, service.update(*req.principal, id, body, req.request_id, version)), 200);
    } catch (const EditConflict& e) {
      bj::object current = detail_json(req, service, service.get(*req.principal, id));
      http::Response r = http::error_response(e, req.request_id);
      bj::value out = bj::parse(r.body);
      out.as_object()["current"] = current;
      r.body = bj::serialize(out);
      r.header("ETag", etag_of(current));
      return r;
    }
  });

  if (service.spec().attachments) {
    http::RouteSpec upload{"POST", base + "/{id}/attachments", http::Access::staff};
    upload.upload_limit = media::kMaxAttachmentBytes;
    // Idempotent like the record itself (the file's digest is in the fingerprint): the offline
    // outbox sends a photo again when the answer to the first send was lost, and it is stored once.
    upload.admit = [&service](http::Request& req) { service.admit_attachment(*req.principal, http::id_param(req)); };
    router.add(upload, [&service](http::Request& req) {
      const auto id = http::id_param(req);
      return http::Response::json(
          service.add_attachment(*req.principal, id, req.body_file, http::bool_param(req, "keep_location"), req.request_id), 201);
    });
    router.add({"GET", base + "/{id}/attachments", http::Access::staff}, [&service](http::Request& req) {
      return http::Response::json(bj::object{{"items", service.attachments(*req.principal, http::id_param(req))}});
    });
    router.add({"GET", base + "/{id}/attachments/{attachment_id}", http::Access::staff}, [&service](http::Request& req) {
      const auto f = service.attachment_file(*req.principal, http::id_param(req), http::id_param(req, "attachment_id"));
      return http::file_response(f.path, f.media_type, f.download_name);
    });
  }

  router.add({"DELETE", base + "/{id}", http::Access::staff}, [&service](http::Request& req) {
    service.remove(*req.principal, http::id_param(req), req.request_id);
    http::Response r;
    r.status = 204;
    return r;
  });
}

}  // namespace antq::registers
