#pragma once
// The project's own HTTP types: modules see these, never Beast, so a handler can be tested
// without a socket and a module change does not recompile Asio.
#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace antq::http {

// Who is calling: the request context every module's rules and queries use. Filled by the
// authenticator for staff requests (accounts module); checks go through http/access.hpp.
struct Principal {
  std::string user_id;
  std::string username;
  std::string role;
  std::string unit_code;
  std::string unit_path;                 // materialised path of the home unit ("" = whole country)
  std::vector<std::string> permissions;  // sorted
  std::string session_csrf;              // cookie sessions only
  bool via_token = false;
};

struct Request {
  std::string method;
  std::string path;                                          // decoded path, without the query string
  std::string raw_target;                                    // as received (for logs and metrics of unmatched routes)
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::map<std::string, std::string> query;                  // decoded query parameters
  std::map<std::string, std::string> params;                 // path parameters from the route
  std::string body;
  std::string body_file;  // upload routes: the streamed body's temporary file (removed after the request)
  std::string client_ip;
  std::string request_id;
  std::optional<Principal> principal;
  // Set by the pipeline when it first routes the request (it is routed once, not per step).
  const struct Route* route = nullptr;
  bool routed = false;
  bool method_mismatch = false;  // the path exists with another method (405)
  // A cached public read found when the request was given its lane (answered on the I/O thread).
  std::shared_ptr<const struct Response> cached;

  std::string_view header(std::string_view lower_name) const;
  std::optional<std::string> query_param(const std::string& name) const;
  const std::string& param(const std::string& name) const { return params.at(name); }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(const boost::json::value& v, int status = 200);
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  std::string_view find_header(std::string_view name) const;
};

// Percent-decoding; nullopt for malformed escapes. `plus_is_space` for query strings.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);
// Fills req.path, req.raw_target and req.query from a request target ("/a/b?x=1"). Throws
// BadRequest for anything that could escape the web root or confuse routing: "." or ".."
// segments, encoded slashes or backslashes, NUL bytes, malformed escapes, invalid UTF-8.
void parse_target(std::string_view target, Request& req);
// Splits and decodes "a=1&b=x%20y"; nullopt when an escape is malformed.
std::optional<std::map<std::string, std::string>> parse_query(std::string_view qs);

}  // namespace antq::http
