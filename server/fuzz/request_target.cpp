// The first code every byte from a client goes through: the request target (path and query,
// http/request.cpp), the query-parameter helpers and cookies (http/params.cpp), header lookup,
// the same-origin check of cookie sessions, and routing of the decoded path.
//
// Input (text, so seeds are written by hand): the first line is the request target as the
// client sent it; each following line is a header "Name: value" (Beast has already rejected CR,
// LF and NUL in values, lower-cased names are what the pipeline sees).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/params.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "modules/accounts/session_authenticator.hpp"
#include "support.hpp"

using namespace antq;

namespace {

http::Router& router() {
  // A few real patterns of each shape: literal-only, parameters, literal vs parameter at the
  // same depth ("/units/search" before "/units/{code}"), and the same path with two methods.
  static http::Router r = [] {
    http::Router r;
    auto ok = [](http::Request&) { return http::Response{}; };
    for (const char* p :
         {"/api/v1/units/{code}", "/api/v1/units/search", "/api/v1/units/{code}/children", "/api/v1/tips/{id}/attachments/{attachment_id}",
          "/api/v1/public/tips/{code}", "/api/v1/activities", "/api/v1/activities/{id}", "/healthz"}) {
      r.add({"GET", p}, ok);
    }
    r.add({"POST", "/api/v1/activities"}, ok);
    r.add({"PATCH", "/api/v1/activities/{id}"}, ok);
    return r;
  }();
  return r;
}

void check_parsed(const http::Request& req, std::string_view input) {
  // What parse_target promises the rest of the server.
  if (req.path.empty() || req.path[0] != '/') fuzz::finding("path does not start with '/'", input);
  if (!text::valid_utf8(req.path)) fuzz::finding("path is not valid UTF-8", input);
  if (req.path.find('\0') != std::string::npos || req.path.find('\\') != std::string::npos) {
    fuzz::finding("path carries NUL or a backslash", input);
  }
  std::size_t start = 1;
  while (start <= req.path.size()) {
    const auto slash = req.path.find('/', start);
    const auto seg = std::string_view(req.path).substr(start, (slash == std::string::npos ? req.path.size() : slash) - start);
    if (seg == "." || seg == "..") fuzz::finding("dot segment survived parse_target", input);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (const auto& [k, v] : req.query) {
    if (!text::valid_utf8(k) || !text::valid_utf8(v)) fuzz::finding("query parameter is not valid UTF-8", input);
    for (unsigned char c : k + v) {
      if (c < 0x20 || c == 0x7f) fuzz::finding("control character in a query parameter", input);
    }
  }
}

void use_params(const http::Request& req, std::string_view input) {
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        const auto p = http::paging(req);
        if (p.page < 1 || p.page > 1000000 || p.per_page < 1 || p.per_page > 500) fuzz::finding("paging out of range", input);
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        const int n = http::int_param(req, "year", 2026, 1900, 2200);
        if (n < 1900 || n > 2200) fuzz::finding("int_param out of range", input);
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK((void)http::bool_param(req, "include_inactive"), input);
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        if (auto d = http::date_param(req, "from"); d && !timeutil::parse_date(*d))
          fuzz::finding("date_param let a bad date through", input);
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK((void)http::text_param(req, "q", 200), input);
  for (const auto& [k, v] : req.query) {
    ANTQ_FUZZ_CLIENT_ERROR_OK((void)http::text_param(req, k, 50), input);
    ANTQ_FUZZ_CLIENT_ERROR_OK((void)http::int_param(req, k, 0, -5, 5), input);
    ANTQ_FUZZ_CLIENT_ERROR_OK((void)http::date_param(req, k), input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::quiet_logs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string_view target = input.substr(0, nl);
  http::Request req;
  req.method = "POST";
  // Headers as Beast hands them over: names lower-cased, no CR/LF/NUL in values.
  std::string_view rest = nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);
  while (!rest.empty()) {
    const auto e = rest.find('\n');
    std::string_view line = rest.substr(0, e);
    rest = e == std::string_view::npos ? std::string_view{} : rest.substr(e + 1);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string name(line.substr(0, colon));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    if (value.find_first_of(std::string_view("\r\0", 2)) != std::string_view::npos) continue;
    if (name == ":method") {
      req.method = std::string(value);
      continue;
    }
    req.headers.emplace_back(std::move(name), std::string(value));
  }

  bool parsed = false;
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        http::parse_target(target, req);
        parsed = true;
      },
      input);
  if (req.raw_target.size() > 2048) fuzz::finding("raw_target not capped", input);
  // The query string alone, as a form body would be read.
  if (const auto q = target.find('?'); q != std::string_view::npos) (void)http::parse_query(target.substr(q + 1));
  (void)http::percent_decode(target, true);

  // Cookies: the session cookie, and a name taken from the input (prefixes, empty names).
  const std::string session = http::cookie(req, accounts::kSessionCookie);
  if (session.find(';') != std::string::npos) fuzz::finding("cookie value runs past ';'", input);
  (void)http::cookie(req, "");
  if (!req.headers.empty()) (void)http::cookie(req, req.headers.front().first);
  (void)req.header("x-request-id");
  ANTQ_FUZZ_CLIENT_ERROR_OK(accounts::check_same_origin(req), input);
  (void)accounts::is_unsafe_method(req.method);

  http::Response res;
  for (const auto& [k, v] : req.headers) res.header(k, v);
  (void)res.find_header("Content-Type");

  if (!parsed) return 0;
  check_parsed(req, input);
  use_params(req, input);
  const auto m = router().match(req.method, req.path);
  if (m.route) {
    for (const auto& seg : m.route->segments) {
      if (seg.size() > 2 && seg.front() == '{' && m.params.count(seg.substr(1, seg.size() - 2)) == 0) {
        fuzz::finding("route matched without its parameter", input);
      }
    }
    for (const auto& [k, v] : m.params) {
      if (v.empty()) fuzz::finding("empty route parameter", input);
    }
  }
  return 0;
}
