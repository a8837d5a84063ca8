#include "http/pipeline.hpp"

#include <boost/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <iterator>
#include <optional>
#include <system_error>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/log.hpp"
#include "core/time.hpp"
#include "db/database.hpp"

namespace antq::http {

namespace {

bool is_api_path(std::string_view p) { return p.starts_with("/api/") || p == "/healthz" || p == "/readyz" || p == "/metrics"; }

bool sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

// Methods outside this set are counted as one, so a client cannot grow the metrics without bound.
std::string_view metric_method(std::string_view m) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (m == known) return known;
  }
  return "OTHER";
}

bool valid_idempotency_key(std::string_view key) {
  if (key.size() > 200) return false;
  for (unsigned char c : key) {
    if (c < 0x21 || c > 0x7e) return false;  // printable ASCII: it is stored and compared as text
  }
  return true;
}

void add_cache_header(Response& res, bool api) {
  if (api && res.find_header("Cache-Control").empty()) res.header("Cache-Control", "no-store");
}

// Ant Design injects its styles at run time, hence 'unsafe-inline' for styles only.
constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
     "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
     "frame-ancestors 'none'"},
    {"Permissions-Policy", "camera=(self), geolocation=(self), microphone=()"},
};

// A full disk or a database that is briefly unavailable is neither the client's mistake nor a bug:
// the answer says that nothing was stored and when to try again (docs/decisions/0011-faults.md).
// 507 for a full disk (it clears only when an operator frees space: retry in minutes, keep the
// data), 503 for a database that is restarting or locked (it clears by itself: retry in seconds).
// Returns nothing for any other exception.
std::optional<ApiError> storage_fault(const std::exception& e, const std::string& request_id, std::string_view route) {
  bool full = dynamic_cast<const StorageFull*>(&e) != nullptr;
  if (const auto* sys = dynamic_cast<const std::system_error*>(&e)) {
    // Files written outside the database (std::filesystem, streams): ENOSPC or a quota.
    full = sys->code() == std::errc::no_space_on_device || sys->code() == std::error_condition(EDQUOT, std::generic_category());
  }
  if (full) {
    log::error("storage_full", {{"request_id", request_id}, {"route", route}, {"error", e.what()}});
    return InsufficientStorage(
        "Máy chủ đã hết dung lượng lưu trữ nên dữ liệu của bạn chưa được lưu. Vui lòng giữ lại nội "
        "dung và gửi lại sau; nếu lỗi kéo dài, hãy báo quản trị viên.");
  }
  if (const auto* busy = dynamic_cast<const StorageUnavailable*>(&e)) {
    log::warn("storage_unavailable", {{"request_id", request_id}, {"route", route}, {"error", e.what()}});
    return ServiceUnavailable("storage_unavailable",
                              "Cơ sở dữ liệu đang tạm thời bận hoặc đang khởi động lại nên yêu cầu chưa được thực hiện. "
                              "Vui lòng thử lại sau ít giây.",
                              std::max(1, busy->retry_after()));
  }
  return std::nullopt;
}

}  // namespace

std::span<const std::pair<std::string_view, std::string_view>> security_headers() { return kSecurityHeaders; }

Response error_response(const ApiError& e, const std::string& request_id) {
  boost::json::object err;
  err["code"] = e.code();
  err["message"] = e.what();
  if (!e.field().empty()) err["field"] = e.field();
  if (!request_id.empty()) err["request_id"] = request_id;
  Response res = Response::json(boost::json::object{{"error", err}}, e.status());
  if (e.retry_after() > 0) res.header("Retry-After", std::to_string(e.retry_after()));
  return res;
}

Pipeline::Pipeline(Router& router, Authenticator& auth, IdempotencyStore* idempotency, StaticFiles* static_files, Metrics& metrics,
                   ResponseCache* cache)
    : router_(router), auth_(auth), idempotency_(idempotency), static_files_(static_files), metrics_(metrics), cache_(cache) {}

namespace {
bool cacheable(const Request& req, const Route& route, const ResponseCache* cache) {
  return cache != nullptr && route.spec.cache_seconds > 0 && route.spec.access == Access::public_ && req.method == "GET";
}
}  // namespace

void Pipeline::route(Request& req) const {
  if (req.routed) return;
  req.routed = true;
  if (!is_api_path(req.path)) return;
  Match m = router_.match(req.method, req.path);
  req.route = m.route;
  req.params = std::move(m.params);
  req.method_mismatch = m.path_exists;
}

Lane Pipeline::lane(Request& req) const {
  if (!is_api_path(req.path)) return Lane::worker;
  route(req);
  if (req.route == nullptr) return Lane::io;
  // A cached answer costs a lookup: no need to hand it to a worker.
  if (cacheable(req, *req.route, cache_)) {
    if (const auto stamp = cache_->stamp()) req.cached = cache_->find(req.raw_target, *stamp);
    if (req.cached) return Lane::io;
  }
  return req.route->spec.lane;
}

std::size_t Pipeline::upload_limit(Request& req) const {
  if (!is_api_path(req.path)) return 0;
  route(req);
  return req.route == nullptr ? 0 : req.route->spec.upload_limit;
}

Response Pipeline::admit_upload(Request& req) {
  const auto incoming = req.header("x-request-id");
  req.request_id = sane_request_id(incoming) ? std::string(incoming) : ids::next_request_id();
  route(req);
  try {
    if (!req.route) throw NotFound("Không tìm thấy đường dẫn API này.");
    if (req.route->spec.access == Access::staff) {
      req.principal = auth_.authenticate(req);
      if (!req.principal) throw Unauthorized();
    }
    if (req.route->spec.admit) req.route->spec.admit(req);
  } catch (const ApiError& e) {
    return reject(req, e);
  } catch (const std::exception& e) {
    if (auto fault = storage_fault(e, req.request_id, "upload_admission")) return reject(req, *fault);
    log::error("upload_admission_failed", {{"request_id", req.request_id}, {"error", e.what()}});
    return reject(req, ApiError(500, "internal_error",
                                "Lỗi hệ thống. Vui lòng thử lại sau hoặc báo quản trị viên mã yêu cầu " + req.request_id + "."));
  }
  Response ok;
  ok.status = 0;
  return ok;
}

Response Pipeline::handle(Request& req) {
  const auto start = std::chrono::steady_clock::now();
  const auto incoming = req.header("x-request-id");
  req.request_id = sane_request_id(incoming) ? std::string(incoming) : ids::next_request_id();
  std::string route_name;
  Response res;
  try {
    res = dispatch(req, route_name);
  } catch (const ApiError& e) {
    res = error_response(e, req.request_id);
  } catch (const db::UniqueViolation&) {
    res = error_response(Conflict("Dữ liệu bị trùng với bản ghi đã có."), req.request_id);
  } catch (const std::exception& e) {
    if (auto fault = storage_fault(e, req.request_id, route_name)) {
      res = error_response(*fault, req.request_id);
    } else {
      // Not the client's fault: log the cause for the operator, tell the client only the request id.
      log::error("unhandled_exception", {{"request_id", req.request_id}, {"route", route_name}, {"error", e.what()}});
      res = error_response(
          ApiError(500, "internal_error", "Lỗi hệ thống. Vui lòng thử lại sau hoặc báo quản trị viên mã yêu cầu " + req.request_id + "."),
          req.request_id);
    }
  }
  finish(req, res, route_name, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return res;
}

Response Pipeline::reject(const Request& req, const ApiError& error) {
  Response res = error_response(error, req.request_id);
  finish(req, res, "rejected", 0);
  return res;
}

Response Pipeline::dispatch(Request& req, std::string& route_name) {
  if (!is_api_path(req.path)) {
    // A page the server fills in before the app runs (a post's Open Graph tags, which link
    // previews read without running scripts) is a public route outside /api; the rest is files.
    Match page = router_.match(req.method, req.path);
    if (page.route != nullptr && page.route->spec.access == Access::public_) {
      route_name = page.route->spec.pattern;
      req.params = std::move(page.params);
      return page.route->handler(req);
    }
    route_name = "static";
    if (!static_files_) throw NotFound("Giao diện web không được cấu hình trên máy chủ này.");
    return static_files_->serve(req);
  }
  route(req);
  const Route* const matched = req.route;
  if (!matched) {
    route_name = "unmatched";
    if (req.method_mismatch) throw ApiError(405, "method_not_allowed", "Phương thức không được hỗ trợ cho đường dẫn này.");
    throw NotFound("Không tìm thấy đường dẫn API này.");
  }
  route_name = matched->spec.pattern;
  if (matched->spec.access == Access::staff) {
    req.principal = auth_.authenticate(req);
    if (!req.principal) throw Unauthorized();
  }
  if (req.cached) return conditional(req, *req.cached);
  if (cacheable(req, *matched, cache_)) return cached_read(req, *matched);
  // Every write honours the key: nginx retries a request that carries one on another instance
  // when the first gave no answer, be it a POST, an edit or a deletion.
  const auto key = req.header("idempotency-key");
  const bool write = req.method == "POST" || req.method == "PATCH" || req.method == "PUT" || req.method == "DELETE";
  if (write && !key.empty() && idempotency_ && matched->spec.idempotent) {
    return run_with_idempotency(req, *matched, key);
  }
  return matched->handler(req);
}

// The stamp is taken before the handler reads: a write committed while it reads changes the stamp,
// so what it read is never kept under the newer one.
Response Pipeline::cached_read(Request& req, const Route& route) {
  const auto stamp = cache_->stamp();
  if (stamp) {
    if (auto hit = cache_->find(req.raw_target, *stamp)) return conditional(req, *hit);
  }
  Response res = route.handler(req);
  if (res.status != 200) return res;
  // Browsers may keep it, and ask again with If-None-Match.
  if (res.find_header("Cache-Control").empty()) res.header("Cache-Control", "no-cache");
  if (!stamp) {  // the engine cannot tell what changed just now: answered, not kept
    res.header("ETag", body_etag(res.body));
    return conditional(req, res);
  }
  return conditional(req, *cache_->put(req.raw_target, *stamp, std::move(res), std::chrono::seconds(route.spec.cache_seconds)));
}

Response Pipeline::run_with_idempotency(Request& req, const Route& route, std::string_view key) {
  if (!valid_idempotency_key(key)) {
    throw BadRequest("Idempotency-Key phải gồm tối đa 200 ký tự ASCII in được.", "Idempotency-Key");
  }
  const std::string caller = req.principal ? "user:" + req.principal->user_id : "ip:" + req.client_ip;
  // An upload's body is a file on disk: its digest stands for it, so a photo sent again from an
  // offline outbox (the answer to the first send lost) is recognised as the same request.
  std::string body_material = req.body;
  if (!req.body_file.empty()) {
    const auto digest = crypto::blake2b_file_hex(req.body_file);
    if (!digest) throw std::runtime_error("idempotency: không đọc được tệp tạm của yêu cầu tải lên");
    body_material = "file:" + *digest;
  }
  const std::string material = req.method + ' ' + req.raw_target + '\n' + body_material;
  const std::string k(key);
  auto claimed = idempotency_->claim(caller, k, material);
  switch (claimed.claim) {
    case IdempotencyStore::Claim::replay: {
      Response res;
      res.status = claimed.stored->status;
      res.content_type = claimed.stored->content_type;
      res.body = claimed.stored->body;
      res.header("Idempotent-Replayed", "true");
      return res;
    }
    case IdempotencyStore::Claim::acted_unanswered:
      throw ApiError(409, "idempotency_unanswered",
                     "Yêu cầu với Idempotency-Key này đã được ghi nhận nhưng máy chủ dừng trước khi trả lời. Đừng gửi lại: hãy "
                     "tải lại danh sách để xem kết quả.");
    case IdempotencyStore::Claim::in_progress:
      throw Conflict("Yêu cầu với Idempotency-Key này đang được xử lý. Vui lòng thử lại sau giây lát.");
    case IdempotencyStore::Claim::mismatch:
      throw RuleViolation("Idempotency-Key này đã được dùng cho một yêu cầu khác.", "Idempotency-Key");
    case IdempotencyStore::Claim::claimed: break;
  }
  Response res;
  try {
    const auto acting = idempotency_->acting(caller, k, claimed.token);
    res = route.handler(req);
  } catch (const ApiError& e) {
    res = error_response(e, req.request_id);
  } catch (...) {
    idempotency_->release(caller, k, claimed.token);
    throw;
  }
  if (res.status >= 500) {
    idempotency_->release(caller, k, claimed.token);
  } else {
    idempotency_->complete(caller, k, claimed.token, StoredResponse{res.status, res.content_type, res.body});
  }
  return res;
}

void Pipeline::finish(const Request& req, Response& res, const std::string& route_name, double seconds) {
  const bool api = is_api_path(req.path);
  add_cache_header(res, api);
  res.header("X-Request-Id", req.request_id);
  const std::string metric_route = route_name.empty() ? "unmatched" : route_name;
  const std::string_view method = metric_method(req.method);
  metrics_.record(metric_route, std::string(method), res.status, seconds);
  if (log::enabled(log::Level::info)) {
    // Built with fmt rather than through a JSON DOM: this runs on every request.
    std::string route_json, user_json, ip_json;
    log::append_json_escaped(route_json, metric_route);
    fmt::memory_buffer buf;
    fmt::format_to(std::back_inserter(buf),
                   R"({{"ts":"{}","level":"info","msg":"request","request_id":"{}","method":"{}","route":"{}",)"
                   R"("status":{},"duration_ms":{:.3f},"bytes":{})",
                   timeutil::now_utc(), req.request_id, method, route_json, res.status, seconds * 1000.0, res.body.size());
    // Addresses of the public (tipsters, citizens) are personal data: logged for staff only.
    if (req.principal) {
      log::append_json_escaped(user_json, req.principal->username);
      log::append_json_escaped(ip_json, req.client_ip);
      fmt::format_to(std::back_inserter(buf), R"(,"user":"{}","ip":"{}")", user_json, ip_json);
    }
    buf.push_back('}');
    const std::string_view line(buf.data(), buf.size());
    log::write_line(log::Level::info, line);
  }
}

}  // namespace antq::http
