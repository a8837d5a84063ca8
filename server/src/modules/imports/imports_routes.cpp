// /api/v1/imports: templates, the upload (a dry run or a queued run), a batch's progress and
// result, its failed rows, the undo, and the list of past imports.
#include "modules/imports/imports_routes.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "core/download_name.hpp"
#include "core/errors.hpp"
#include "http/access.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"

namespace antq::imports {

namespace bj = boost::json;

namespace {

const char* kNotFound = "Không tìm thấy lần nhập dữ liệu này.";

Upload upload_of(const http::Request& req) {
  Upload u;
  u.register_name = http::text_param(req, "register", 40).value_or("");
  if (u.register_name.empty()) throw BadRequest("Thiếu tham số 'register' (sổ cần nhập, ví dụ activities).", "register");
  u.file_name = http::text_param(req, "file_name", 200).value_or("tep-nhap");
  u.sheet = http::text_param(req, "sheet", 100);
  u.mapping = http::text_param(req, "mapping", 20000);
  return u;
}

std::string read_body_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

http::Response download(const DownloadFile& f) {
  http::Response r;
  r.content_type = f.content_type;
  r.body = f.body;
  r.header("Content-Disposition", download::content_disposition(f.file_name));
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

void imports_routes(http::Router& router, ImportsService& service) {
  router.add({"GET", "/api/v1/imports/templates/{file}", http::Access::staff, http::Lane::heavy}, [&service](http::Request& req) {
    const std::string file = req.params.at("file");
    const auto dot = file.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
    if (ext != "xlsx" && ext != "csv") throw NotFound("Mẫu nhập có dạng <sổ>.xlsx hoặc <sổ>.csv.");
    return download(service.template_file(*req.principal, file.substr(0, dot), ext == "xlsx" ? SheetFormat::xlsx : SheetFormat::csv));
  });
  http::RouteSpec upload{"POST", "/api/v1/imports", http::Access::staff, http::Lane::heavy};
  upload.upload_limit = kMaxUploadBytes;
  upload.idempotent = false;  // the body is a file; the row keys make a repeated upload harmless
  upload.too_large_message = "Tệp lớn hơn 50 MiB: một lần nhập nhận tối đa 50 MiB và 200.000 dòng. Hãy chia thành nhiều tệp.";
  router.add(upload, [&service](http::Request& req) {
    const Upload u = upload_of(req);
    const std::string bytes = read_body_file(req.body_file);
    if (http::bool_param(req, "dry_run")) return http::Response::json(service.dry_run(*req.principal, u, bytes));
    return http::Response::json(bj::object{{"id", std::to_string(service.enqueue(*req.principal, u, bytes))}}, 202);
  });
  router.add({"GET", "/api/v1/imports", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(service.list(*req.principal, http::text_param(req, "register", 40)));
  });
  router.add({"GET", "/api/v1/imports/{id}", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(service.status(*req.principal, http::id_param(req, "id", kNotFound)));
  });
  router.add({"GET", "/api/v1/imports/{id}/failed-rows", http::Access::staff, http::Lane::heavy}, [&service](http::Request& req) {
    return download(service.failed_rows(*req.principal, http::id_param(req, "id", kNotFound)));
  });
  router.add({"DELETE", "/api/v1/imports/{id}", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(service.undo(*req.principal, http::id_param(req, "id", kNotFound), req.request_id));
  });
}

}  // namespace antq::imports
