// The news module's public routes: residents read, follow a feed, subscribe and unsubscribe
// without an account. Every one is listed in server/tests/integration/public_routes_test.cpp.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json/serialize.hpp>

#include "core/errors.hpp"
#include "core/html.hpp"
#include "core/json_input.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"
#include "modules/news/news_routes.hpp"

namespace antq::news {

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The app's page with the post's title and summary as Open Graph tags, for the previews Zalo and
// Facebook show of a shared link (their crawlers read the HTML and run no script).
std::string page_with_preview(std::string page, const std::optional<PublicNews::Preview>& post, const std::string& public_url,
                              const std::string& url) {
  if (!post) return page;
  // After <head>, or before <title> in a page that leaves the optional <head> tag out.
  auto at = page.find("<head>");
  if (at != std::string::npos) at += 6;
  else at = page.find("<title");
  if (at == std::string::npos) return page;
  const auto& [title, summary, cover] = *post;
  std::string tags =
      "\n    <meta property=\"og:type\" content=\"article\" />\n    <meta property=\"og:site_name\" content=\"ANTQ\" />"
      "\n    <meta property=\"og:locale\" content=\"vi_VN\" />\n    <meta property=\"og:title\" content=\"" +
      html::escape(title) + "\" />";
  if (!summary.empty()) tags += "\n    <meta property=\"og:description\" content=\"" + html::escape(summary) + "\" />";
  if (!url.empty()) tags += "\n    <meta property=\"og:url\" content=\"" + html::escape(url) + "\" />";
  // Crawlers need an absolute address: only with the site's public address configured.
  if (!cover.empty() && !public_url.empty()) {
    tags += "\n    <meta property=\"og:image\" content=\"" + html::escape(public_url + cover) + "\" />";
  }
  page.insert(at, tags);
  return page;
}

// The prerendered frame of a news page (web/scripts/prerender.mjs, `pages/<name>`), else the app's
// shell.
std::string news_page(const std::string& web_root, const char* name) {
  const char* missing = "Giao diện web chưa được build. Chạy 'make build'.";
  if (web_root.empty()) throw NotFound(missing);
  auto page = std::filesystem::path(web_root) / "pages" / name;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(page, ec)) page = std::filesystem::path(web_root) / "index.html";
  if (!std::filesystem::is_regular_file(page, ec)) throw NotFound(missing);
  return read_file(page);
}

// A unit's code as the units have them ("21220", "21220-001"): only such a code is looked up.
bool looks_like_unit_code(const std::string& s) {
  return !s.empty() && s.size() <= 40 &&
         s.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.") == std::string::npos;
}

// The unit's list in the page, as the data the page's script reads instead of asking
// GET /api/v1/public/news: on a slow phone the posts show one round trip sooner (Lighthouse's LCP,
// issue 17). A JSON block is data, not a script (the Content-Security-Policy runs none inline).
// Every `<` is written as its JSON escape, so that no title can close the block.
std::string page_with_list(std::string page, const boost::json::object& list) {
  const std::string json = boost::json::serialize(list);
  std::string block = "<script type=\"application/json\" id=\"antq-news-list\">";
  block.reserve(block.size() + json.size() + 16);
  for (char c : json) {
    if (c == '<') block += "\\u003c";
    else block += c;
  }
  block += "</script>";
  const auto at = page.rfind("</body>");
  if (at == std::string::npos) page += block;
  else page.insert(at, block);
  return page;
}

std::string token_of(const http::Request& req) {
  if (auto t = http::text_param(req, "token", 200)) return *t;
  const auto obj = json::parse_object(req.body);
  const json::ObjectReader in(obj);
  in.allow_only({"token"});
  return in.required_string("token", 200);
}

}  // namespace

void register_public_routes(http::Router& router, PublicNews& news, const NewsCovers& covers, std::string web_root,
                            std::string public_url) {
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  // Cached while nothing is written, and for 10 s at most: a scheduled post appears, and an expired
  // one goes, by the clock alone (http/response_cache.hpp).
  router.add(http::cached_public_read("/api/v1/public/news", 10), [&news](http::Request& req) {
    const auto unit = http::text_param(req, "unit", 40);
    if (!unit || unit->empty()) throw BadRequest("Thiếu tham số 'unit' (mã xã, phường hoặc thôn).", "unit");
    auto r = http::Response::json(news.list(*unit));
    r.header("Cache-Control", "no-cache");
    return r;
  });
  router.add({"GET", "/api/v1/public/news/{id}", http::Access::public_}, [&news](http::Request& req) {
    const auto id = http::id_param(req, "id", "Tin không còn hoặc đã được gỡ.");
    auto r = http::Response::json(news.post(id, req.client_ip + "|" + std::string(req.header("user-agent"))));
    r.header("Cache-Control", "no-cache");
    return r;
  });
  router.add({"GET", "/api/v1/public/news/{id}/cover", http::Access::public_}, [&covers](http::Request& req) {
    const auto f = covers.public_file(http::id_param(req, "id", "Tin không có ảnh bìa."));
    return http::file_response(f.path, f.media_type, f.download_name);
  });
  router.add({"GET", "/api/v1/public/units/{code}/feed.xml", http::Access::public_}, [&news](http::Request& req) {
    http::Response r;
    r.content_type = "application/atom+xml; charset=utf-8";
    r.body = news.feed(req.param("code"));
    r.header("Cache-Control", "no-cache");
    return r;
  });

  http::RouteSpec subscribe{"POST", "/api/v1/public/subscriptions", http::Access::public_};
  subscribe.idempotent = false;  // the body holds an address: no stored copy of it
  router.add(subscribe, [&news](http::Request& req) {
    news.subscribe(json::parse_object(req.body), req.client_ip);
    return http::Response::json(boost::json::object{{"status", "pending"}}, 202);
  });
  http::RouteSpec confirm{"POST", "/api/v1/public/subscriptions/confirm", http::Access::public_};
  confirm.idempotent = false;  // the token is a credential
  router.add(confirm, [&news](http::Request& req) {
    news.admit(req.client_ip);
    return http::Response::json(news.confirm(token_of(req)));
  });
  // The one-click link of every message: `?token=` with the form body "List-Unsubscribe=One-Click"
  // that mail clients POST (RFC 8058), or `{"token"}` from the page /dang-ky-tin/huy.
  http::RouteSpec unsubscribe{"POST", "/api/v1/public/subscriptions/unsubscribe", http::Access::public_};
  unsubscribe.idempotent = false;
  router.add(unsubscribe, [&news](http::Request& req) {
    news.admit(req.client_ip);
    std::string token = http::text_param(req, "token", 200).value_or("");
    if (token.empty()) token = token_of(req);
    news.unsubscribe(token);
    return http::Response::json(boost::json::object{{"status", "ended"}});
  });

  // A unit's news (`?unit=CODE`, a commune's own link): the page with the unit's list in it. Without
  // a unit, or with one that does not exist, the page as built: its script asks, and says so.
  router.add({"GET", "/tin-tuc", http::Access::public_}, [&news, web_root](http::Request& req) {
    std::string page = news_page(web_root, "tin-tuc.html");
    if (const auto unit = req.query_param("unit"); unit && looks_like_unit_code(*unit)) {
      try {
        page = page_with_list(std::move(page), news.list(*unit));
      } catch (const NotFound&) {
        // no such unit: the page as built, whose own request gets the 404 and tells the resident
      }
    }
    http::Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(page);
    r.header("Cache-Control", "no-cache");
    return r;
  });

  router.add({"GET", "/tin-tuc/{id}", http::Access::public_}, [&news, web_root, public_url](http::Request& req) {
    const std::string index = news_page(web_root, "tin-tuc/_post.html");
    std::optional<PublicNews::Preview> post;
    std::int64_t id = 0;
    const std::string& raw = req.param("id");
    if (raw.size() <= 18 && !raw.empty() && raw.find_first_not_of("0123456789") == std::string::npos) id = std::stoll(raw);
    if (id > 0) post = news.preview(id);
    http::Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = page_with_preview(index, post, public_url, public_url.empty() ? "" : public_url + "/tin-tuc/" + raw);
    r.header("Cache-Control", "no-cache");
    return r;
  });
}

}  // namespace antq::news
