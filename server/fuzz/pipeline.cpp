// The whole server behind the socket: a real app::App (every module, every route) on a scratch
// SQLite database with the unit list and the demo data, driven through http::Pipeline exactly as
// the Beast server drives it (server/src/http/server/server.cpp): target parsed, upload routes
// admitted on their headers and given their body as a file, then handled.
//
// The rule checked: bad input of any shape gets a 4xx, never a 5xx. Any response >= 500 (or a
// JSON response that is not JSON) aborts with the request printed, and libFuzzer keeps the input.
// The database lives for the whole run, so records created by earlier inputs are there for later
// ones (an id in a seed finds something); a finding that needs such state shows the request that
// failed and the server's log line of the cause.
//
// Input (text, so seeds are plain HTTP requests):
//   METHOD TARGET
//   Name: value            (headers until an empty line)
//
//   body                   (the rest)
// TARGET "@N/a/b?q" is route N of the router (modulo the route count) with its {parameters}
// replaced by a, b, … in order; METHOD "@" is that route's own method. In header values,
// $ADMIN, $COMMUNE and $OFFICER are API tokens (a national administrator, an administrator and a
// police officer of Xã Sơn Tịnh), $SESSION a session cookie of the national administrator and
// $CSRF its token. Without an Authorization or Cookie header the request carries the national
// administrator's token; an empty "Authorization:" line makes it anonymous.
//
// Half of the mutations are libFuzzer's own (bytes, dictionary, crossover); the other half parse
// the body as JSON and change one value or key the way a careless or hostile client would (another
// type, an extreme number, an impossible date, a huge string, a key added or removed), so the
// registers' validation is exercised with well-formed bodies and not only with broken JSON.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "app/app.hpp"
#include "app/config.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "db/migrations.hpp"
#include "http/pipeline.hpp"
#include "http/request.hpp"
#include "modules/accounts/authentication.hpp"
#include "modules/accounts/user_admin.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"
#include "support.hpp"

using namespace antq;
namespace fs = std::filesystem;

namespace {

// Quảng Ngãi with Xã Sơn Tịnh and two more communes, Hà Nội with Phường Sơn Tây (as the
// integration fixture): the demo villages hang under 21220 and 09574.
constexpr const char* kUnits =
    "code,name,level,parent_code,full_name,unit_type\n"
    "51,Quảng Ngãi,province,,Tỉnh Quảng Ngãi,Tỉnh\n"
    "21220,Sơn Tịnh,commune,51,Xã Sơn Tịnh,Xã\n"
    "21211,Tịnh Khê,commune,51,Xã Tịnh Khê,Xã\n"
    "21172,Trương Quang Trọng,commune,51,Phường Trương Quang Trọng,Phường\n"
    "01,Hà Nội,province,,Thành phố Hà Nội,Thành phố trực thuộc trung ương\n"
    "09574,Sơn Tây,commune,01,Phường Sơn Tây,Phường\n";

// Not in any seed or dictionary, so mutations rarely disable, rename or re-password them; if they
// do, ensure_identities() makes new ones.
constexpr const char* kPassword = "Fz-mat-khau-rat-dai-2026";

struct World {
  app::Config config;
  std::unique_ptr<app::App> app;
  crypto::Keyring keys;
  std::unique_ptr<audit::AuditLog> audit;
  std::unique_ptr<db::Database> db;  // our own handle, for making accounts
  std::unique_ptr<accounts::Authentication> accounts;
  std::unique_ptr<accounts::UserAdmin> users;
  std::vector<std::pair<std::string, std::string>> routes;  // method, pattern
  int generation = 0;
  std::string admin, commune, officer, session, csrf;
  std::string admin_user, commune_user, officer_user;
};

World* world = nullptr;

void write_file(const fs::path& p, std::string_view content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

void make_identities(World& w) {
  const std::string g = std::to_string(++w.generation);
  w.admin_user = "fz.quantri" + g;
  w.commune_user = "fz.xa" + g;
  w.officer_user = "fz.congan" + g;
  w.users->add_user({w.admin_user, kPassword, "admin", std::nullopt, ""});
  w.users->add_user({w.commune_user, kPassword, "admin", std::string("21220"), ""});
  w.users->add_user({w.officer_user, kPassword, "police_officer", std::string("21220"), ""});
  w.admin = w.accounts->create_token(w.admin_user, std::nullopt).second;
  w.commune = w.accounts->create_token(w.commune_user, std::nullopt).second;
  w.officer = w.accounts->create_token(w.officer_user, std::nullopt).second;
  auto login = w.accounts->login(w.admin_user, kPassword, std::nullopt, {"127.0.0.1", "fuzz-login"});
  w.session = login.session_token;
  w.csrf = login.csrf_token;
}

// An input may log the session out, disable an account or revoke a token: later inputs would
// then only test the 401 path. Checked after inputs that reach the accounts routes.
void ensure_identities(World& w) {
  const bool ok = w.accounts->authenticate_token(w.admin) && w.accounts->authenticate_token(w.commune) &&
                  w.accounts->authenticate_token(w.officer) && w.accounts->authenticate_session(w.session);
  if (!ok) make_identities(w);
}

World& setup() {
  auto* w = new World;
  const fs::path dir = fuzz::scratch_dir();
  w->config.db = "sqlite:" + (dir / "antq.db").string();
  w->config.data_key = crypto::random_hex(32);
  w->config.log_level = "error";
  w->config.attachments_dir = (dir / "attachments").string();
  // The proof-of-work challenge would keep every public tip out of reach; rate limits would turn
  // most inputs into 429s. Both have their own tests; here the code behind them is the target.
  w->config.public_challenge = false;
  w->config.public_rate_limit = false;
  w->config.login_attempts_per_minute = 0;
  w->config.worker_threads = 1;
  w->config.io_threads = 1;
  w->config.db_readers = 2;
  w->config.web_root = (dir / "web").string();
  write_file(dir / "web" / "index.html", "<!doctype html><html lang=\"vi\"><title>ANTQ</title><div id=root></div></html>");
  write_file(dir / "web" / "assets" / "app-1a2b3c.js", std::string(200, 'x'));
  write_file(dir / "web" / "assets" / "app-1a2b3c.js.gz", "GZIP-BYTES");
  write_file(dir / "web" / "assets" / "app-1a2b3c.css.br", "BROTLI-BYTES");
  write_file(dir / "web" / "assets" / "app-1a2b3c.css", "body{}");

  w->db = db::open(w->config.db, app::database_options(w->config));
  db::migrate(*w->db);
  w->keys = app::load_keyring(w->config);
  w->audit = std::make_unique<audit::AuditLog>(w->keys);
  units::import_units(*w->db, kUnits, "vn-2tier");
  units::seed_demo(*w->db, *w->audit);
  w->accounts = std::make_unique<accounts::Authentication>(*w->db, w->keys, *w->audit, app::accounts_config(w->config));
  w->users = std::make_unique<accounts::UserAdmin>(*w->db, *w->audit);
  make_identities(*w);
  w->app = std::make_unique<app::App>(w->config);
  for (const auto& r : w->app->route_list()) {
    const auto sp = r.find(' ');
    w->routes.emplace_back(r.substr(0, sp), r.substr(sp + 1));
  }
  if (std::getenv("ANTQ_FUZZ_LIST_ROUTES")) {
    for (const auto& [m, p] : w->routes) std::printf("%s %s\n", m.c_str(), p.c_str());
    std::exit(0);
  }
  return *w;
}

bool is_token_char(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (!is_token_char(c)) return false;
  }
  return true;
}
// What Beast's parser lets through into a request target and a header value.
bool beast_target(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}
bool beast_value(std::string_view s) {
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  }
  return true;
}

std::string substitute(std::string v, const World& w) {
  const std::pair<const char*, const std::string*> vars[] = {
      {"$ADMIN", &w.admin}, {"$COMMUNE", &w.commune}, {"$OFFICER", &w.officer}, {"$SESSION", &w.session}, {"$CSRF", &w.csrf}};
  for (const auto& [name, value] : vars) {
    for (auto at = v.find(name); at != std::string::npos; at = v.find(name, at + value->size())) {
      v.replace(at, std::string_view(name).size(), *value);
    }
  }
  return v;
}

// "@N/a/b?q" → route N's pattern with its parameters filled in.
std::string route_target(std::string_view t, std::string& method, const World& w) {
  t.remove_prefix(1);
  std::size_t n = 0, i = 0;
  for (; i < t.size() && i < 6 && t[i] >= '0' && t[i] <= '9'; ++i) n = n * 10 + static_cast<std::size_t>(t[i] - '0');
  const auto& [route_method, pattern] = w.routes[n % w.routes.size()];
  if (method == "@") method = route_method;
  std::string_view rest = t.substr(i);
  std::string_view query;
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q);
    rest = rest.substr(0, q);
  }
  std::vector<std::string_view> values;
  while (!rest.empty()) {
    rest.remove_prefix(rest.front() == '/' ? 1 : 0);
    const auto slash = rest.find('/');
    values.push_back(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  }
  std::string out;
  std::size_t next = 0;
  for (std::size_t p = 0; p < pattern.size();) {
    if (pattern[p] == '{') {
      const auto close = pattern.find('}', p);
      out += next < values.size() && !values[next].empty() ? std::string(values[next]) : std::string("1");
      ++next;
      p = close + 1;
    } else {
      out.push_back(pattern[p++]);
    }
  }
  return out + std::string(query);
}

std::string describe(const http::Request& req, std::string_view target) {
  std::string s = req.method + " " + std::string(target) + "\n";
  for (const auto& [k, v] : req.headers) s += k + ": " + v + "\n";
  s += "\n" + req.body.substr(0, 2000);
  return s;
}

void check_response(const http::Request& req, std::string_view target, const http::Response& res, std::string_view input) {
  if (res.status >= 500 || res.status < 100) {
    fuzz::finding("HTTP " + std::to_string(res.status) + " for\n" + fuzz::escaped(describe(req, target)) +
                      "\nresponse: " + fuzz::escaped(res.body, 1000),
                  input);
  }
  if (res.content_type.starts_with("application/json") && !res.body.empty() && res.status != 304) {
    boost::system::error_code ec;
    const auto v = boost::json::parse(res.body, ec);
    if (ec) fuzz::finding("response is not JSON for\n" + fuzz::escaped(describe(req, target)), input);
    // Every refusal has the API's error shape: {"error": {"code", "message", "field"?}}.
    const auto* e = res.status >= 400 && v.is_object() ? v.as_object().if_contains("error") : nullptr;
    if (res.status >= 400 && !(e && e->is_object() && e->as_object().contains("code") && e->as_object().contains("message") &&
                               e->as_object().at("message").is_string() && !e->as_object().at("message").as_string().empty())) {
      fuzz::finding("HTTP " + std::to_string(res.status) + " without the error shape for\n" + fuzz::escaped(describe(req, target)) +
                        "\nresponse: " + fuzz::escaped(res.body, 1000),
                    input);
    }
  }
}

// ---- JSON-aware mutation of the body

std::vector<std::string> load_json_keys() {
  std::vector<std::string> keys;
  std::ifstream in(ANTQ_FUZZ_JSON_DICT);
  std::string line;
  // Lines like "\"unit\":" — the key between the escaped quotes.
  while (std::getline(in, line)) {
    const auto a = line.find("\\\"");
    const auto b = line.find("\\\":");
    if (a != std::string::npos && b != std::string::npos && b > a + 2) keys.push_back(line.substr(a + 2, b - a - 2));
  }
  if (keys.empty()) keys = {"unit", "date", "id", "status", "name", "title", "notes", "year"};
  return keys;
}

void collect(boost::json::value& v, std::vector<boost::json::value*>& out) {
  out.push_back(&v);
  if (v.is_object()) {
    for (auto& kv : v.as_object()) collect(kv.value(), out);
  } else if (v.is_array()) {
    for (auto& e : v.as_array()) collect(e, out);
  }
}

boost::json::value odd_value(std::mt19937& rng, const boost::json::value& was) {
  namespace bj = boost::json;
  switch (rng() % 24) {
    case 0: return nullptr;
    case 1: return true;
    case 2: return 0;
    case 3: return -1;
    case 4: return INT64_MAX;
    case 5: return INT64_MIN;
    case 6: return UINT64_MAX;
    case 7: return 1e308;
    case 8: return -0.0;
    case 9: return 0.5;
    case 10: return "";
    case 11: return bj::value(std::string(1 + rng() % 3000, 'a'));
    case 12: return "Sơn Tịnh\x01\t";
    case 13: return "2026-02-30";
    case 14: return "9999-12-31";
    case 15: return "1899-12-31";
    case 16: return "2026-11-01T25:61:00+07:00";
    case 17: return bj::array{};
    case 18: return bj::object{};
    case 19: return bj::array{was};
    case 20:
      return was.is_string() ? bj::value(std::string(was.as_string()) + std::string(was.as_string())) : bj::value(bj::serialize(was));
    case 21: return was.is_number() ? bj::value(bj::serialize(was)) : bj::value(static_cast<std::int64_t>(rng() % 100000));
    case 22: return "21220-001";
    default: return " \u00a0 ";
  }
}

// One structural change to the JSON body of `input`; false when there is no JSON body.
bool mutate_json_body(std::string& input, std::mt19937& rng) {
  static const std::vector<std::string> keys = load_json_keys();
  const auto split = input.find("\n\n");
  if (split == std::string::npos) return false;
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(std::string_view(input).substr(split + 2), ec);
  if (ec) return false;
  std::vector<boost::json::value*> values;
  collect(body, values);
  boost::json::value& v = *values[rng() % values.size()];
  if (v.is_object() && rng() % 3 == 0) {
    auto& o = v.as_object();
    if (!o.empty() && rng() % 2) {
      o.erase(std::next(o.begin(), static_cast<std::ptrdiff_t>(rng() % o.size())));
    } else {
      o[keys[rng() % keys.size()]] = odd_value(rng, nullptr);
    }
  } else if (v.is_array() && !v.as_array().empty() && rng() % 3 == 0) {
    auto& a = v.as_array();
    a.push_back(a[rng() % a.size()]);
  } else if (&v != &body) {
    v = odd_value(rng, v);
  } else {
    return false;
  }
  input = input.substr(0, split + 2) + boost::json::serialize(body);
  return true;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned int seed) {
  std::mt19937 rng(seed);
  if (rng() % 2) {
    std::string input(reinterpret_cast<const char*>(data), size);
    if (mutate_json_body(input, rng) && input.size() <= max_size) {
      std::memcpy(data, input.data(), input.size());
      return input.size();
    }
  }
  return LLVMFuzzerMutate(data, size, max_size);
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::quiet_logs();
  world = &setup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& w = *world;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // Request line.
  const auto eol = input.find('\n');
  std::string_view line = input.substr(0, eol);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto sp = line.find(' ');
  if (sp == std::string_view::npos) return 0;
  http::Request req;
  req.method = std::string(line.substr(0, sp));
  std::string target(line.substr(sp + 1));
  if (target.starts_with("@")) target = route_target(target, req.method, w);
  // Beast answers these itself (400) before the pipeline sees anything.
  if (!is_token(req.method) || !beast_target(target)) return 0;

  // Headers, as Beast hands them over: names are tokens (lower-cased here as the server does),
  // values trimmed of spaces and tabs, without control characters.
  std::string_view rest = eol == std::string_view::npos ? std::string_view{} : input.substr(eol + 1);
  bool has_auth = false, anonymous = false;
  while (!rest.empty()) {
    const auto e = rest.find('\n');
    std::string_view h = rest.substr(0, e);
    rest = e == std::string_view::npos ? std::string_view{} : rest.substr(e + 1);
    if (!h.empty() && h.back() == '\r') h.remove_suffix(1);
    if (h.empty()) break;
    const auto colon = h.find(':');
    if (colon == std::string_view::npos || !is_token(h.substr(0, colon))) return 0;
    std::string name(h.substr(0, colon));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = h.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (!beast_value(value)) return 0;
    if (name == "authorization" || name == "cookie") {
      has_auth = true;
      if (value.empty()) {
        anonymous = true;
        continue;
      }
    }
    req.headers.emplace_back(std::move(name), substitute(std::string(value), w));
  }
  if (!has_auth && !anonymous) req.headers.emplace_back("authorization", "Bearer " + w.admin);
  req.client_ip = "203.0.113.7";

  http::Pipeline& pipeline = w.app->pipeline();
  http::Response res;
  bool target_ok = true;
  try {
    http::parse_target(target, req);
  } catch (const ApiError& e) {
    target_ok = false;
    res = pipeline.reject(req, e);
  }
  if (target_ok) {
    if (pipeline.upload_limit(req) > 0) {
      // Upload routes: admitted on their headers first, then the body arrives as a file.
      res = pipeline.admit_upload(req);
      if (res.status == 0) {
        const fs::path part = fuzz::scratch_dir() / "attachments" / "incoming" / ("upload-" + crypto::random_hex(8) + ".part");
        write_file(part, rest);
        req.body_file = part.string();
        res = pipeline.handle(req);
        std::error_code ec;
        fs::remove(part, ec);
      }
    } else {
      req.body = std::string(rest);
      res = pipeline.handle(req);
    }
  }
  check_response(req, target, res, input);
  if (req.path.starts_with("/api/v1/auth") || req.path.starts_with("/api/v1/users")) ensure_identities(w);
  return 0;
}
