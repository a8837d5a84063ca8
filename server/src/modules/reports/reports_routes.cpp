#include "modules/reports/reports_routes.hpp"

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"

namespace antq::reports {

namespace bj = boost::json;

namespace {

ReportQuery query_of(const http::Request& req) {
  ReportQuery q;
  q.unit = http::text_param(req, "unit", 40);
  q.dataset = http::text_param(req, "dataset", 40);
  const auto from = http::text_param(req, "from", 10);
  const auto to = http::text_param(req, "to", 10);
  if (!from) throw BadRequest("Thiếu tham số 'from' (YYYY-MM-DD).", "from");
  if (!to) throw BadRequest("Thiếu tham số 'to' (YYYY-MM-DD).", "to");
  q.from = *from;
  q.to = *to;
  if (auto c = http::text_param(req, "compare", 20)) {
    if (*c != "previous_year") throw BadRequest("Tham số 'compare' chỉ nhận 'previous_year'.", "compare");
    q.compare_previous_year = true;
  }
  return q;
}

std::string format_of(const http::Request& req) {
  std::string f = http::text_param(req, "format", 10).value_or("json");
  if (f != "json" && f != "html" && f != "docx" && f != "xlsx" && f != "csv") {
    throw BadRequest("Định dạng phải là json, html, docx, xlsx hoặc csv.", "format");
  }
  return f;
}

const char* content_type(const std::string& format) {
  if (format == "html") return "text/html; charset=utf-8";
  if (format == "csv") return "text/csv; charset=utf-8";
  if (format == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

http::Response document(ReportsService& service, const http::Request& req, const bj::object& figures, const std::string& format,
                        const std::string& name, const DocumentInfo* info) {
  http::Response r;
  r.body = service.render(*req.principal, figures, format, info);
  r.content_type = content_type(format);
  if (format != "html") r.header("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

void register_routes(http::Router& router, ReportsService& service) {
  router.add({"GET", "/api/v1/reports/summary", http::Access::staff}, [&service](http::Request& req) {
    const auto format = format_of(req);
    if (format == "json") return http::Response::json(service.summary(*req.principal, query_of(req)));
    return document(service, req, service.document_figures(*req.principal, query_of(req)), format, "bao-cao", nullptr);
  });

  router.add({"GET", "/api/v1/reports/timeseries", http::Access::staff}, [&service](http::Request& req) {
    const auto metric = http::text_param(req, "metric", 120);
    if (!metric) throw BadRequest("Thiếu tham số 'metric'.", "metric");
    return http::Response::json(
        service.timeseries(*req.principal, query_of(req), *metric, http::text_param(req, "interval", 10).value_or("month")));
  });

  router.add({"GET", "/api/v1/reports/breakdown", http::Access::staff}, [&service](http::Request& req) {
    const auto metric = http::text_param(req, "metric", 120);
    if (!metric) throw BadRequest("Thiếu tham số 'metric'.", "metric");
    return http::Response::json(
        service.breakdown(*req.principal, query_of(req), *metric, http::text_param(req, "by", 20).value_or("child")));
  });

  router.add({"POST", "/api/v1/reports", http::Access::staff}, [&service](http::Request& req) {
    // ?dry_run=1: the document this body would issue, stored nowhere (the issue dialog's preview).
    if (http::text_param(req, "dry_run", 5).value_or("") == "1") {
      const auto format = http::text_param(req, "format", 10).value_or("html");
      if (format != "html" && format != "docx") throw BadRequest("Bản xem trước chỉ có dạng html hoặc docx.", "format");
      http::Response r;
      r.body = service.preview(*req.principal, json::parse_object(req.body), format);
      r.content_type = content_type(format);
      if (format == "docx") r.header("Content-Disposition", "attachment; filename=\"bao-cao-du-thao.docx\"");
      r.header("Cache-Control", "private, no-store");
      return r;
    }
    return http::Response::json(service.issue(*req.principal, json::parse_object(req.body), req.request_id), 201);
  });

  router.add({"GET", "/api/v1/reports", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(bj::object{{"items", service.list_issued(*req.principal, http::text_param(req, "unit", 40))}});
  });

  router.add({"GET", "/api/v1/reports/{id}", http::Access::staff}, [&service](http::Request& req) {
    const auto format = format_of(req);
    const auto report = service.issued(*req.principal, http::id_param(req));
    if (format == "json") return http::Response::json(report);
    const DocumentInfo info = service.document_info(*req.principal, report);
    return document(service, req, report.at("figures").as_object(), format, "bao-cao-" + std::string(report.at("id").as_string()), &info);
  });
}

}  // namespace antq::reports
