// NewsService: writing and reading posts. Publishing, withdrawing, settings and figures are in
// news_workflow.cpp; SQL in news_repository.cpp.
#include "modules/news/news_service.hpp"

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/news/channels.hpp"
#include "modules/news/markdown.hpp"
#include "modules/news/news_internal.hpp"
#include "modules/news/news_json.hpp"
#include "modules/news/news_repository.hpp"
#include "modules/news/post_input.hpp"
#include "modules/units/area.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::news {

namespace bj = boost::json;

Post load_in_scope(db::Connection& c, const http::Principal& who, std::int64_t id) {
  auto p = repo::find(c, id);
  if (!p) throw NotFound("Không tìm thấy tin.");
  access::require_in_scope(who, p->unit_path, "Không tìm thấy tin.");
  return *p;
}

units::Unit unit_in_scope(db::Connection& c, const http::Principal& who, const std::string& code) {
  auto u = units::repo::find_active(c, code);
  const std::string message = "Không tìm thấy đơn vị '" + code + "' trong địa bàn của bạn.";
  if (!u) throw NotFound(message);
  access::require_in_scope(who, u->path, message.c_str());
  return *u;
}

void record(db::Connection& c, const audit::AuditLog& audit, const http::Principal& who, const std::string& action, const Post& p,
            const std::string& request_id, const std::string& details) {
  audit.record(c, {who.username, "news." + action, "news_post", std::to_string(p.id), p.unit_path, p.unit_code, "", request_id, details});
}

namespace {

std::string topics_json(db::Connection& c, const PostText& t, const std::string& unit_path) {
  bj::array a;
  for (const auto& code : t.topics) {
    catalog::require_code(c, "topics", code, "topics", unit_path);
    a.push_back(bj::value(code));
  }
  return bj::serialize(a);
}

std::vector<std::int64_t> target_ids(db::Connection& c, const http::Principal& who, const std::vector<std::string>& codes) {
  std::vector<std::int64_t> ids;
  for (const auto& code : codes) ids.push_back(unit_in_scope(c, who, code).id);
  return ids;
}

PostText text_of(const Post& p) {
  PostText t{p.kind, p.title, p.summary, p.body, {}, p.priority, p.publish_at, p.expires_at};
  const bj::value topics = bj::parse(p.topics);  // kept alive: the loop runs over its array
  for (const auto& v : topics.as_array()) t.topics.emplace_back(v.as_string());
  return t;
}

}  // namespace

bj::object NewsService::create(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, "news.write");
  const PostInput in = read_post_input(body, std::nullopt);
  const std::string html = render_markdown(in.text.body);
  return db_.write_value([&](db::Connection& c) {
    // The post belongs to its author's unit; an account of the whole country has none, so its
    // post belongs to the first unit it targets.
    if (who.unit_code.empty() && !in.target_units) {
      throw BadRequest("Tài khoản không gắn với đơn vị nào: hãy chọn địa bàn nhận tin.", "target_units");
    }
    const auto home = unit_in_scope(c, who, who.unit_code.empty() ? in.target_units->front() : who.unit_code);
    const auto targets = in.target_units ? target_ids(c, who, *in.target_units) : std::vector<std::int64_t>{home.id};
    const auto id = repo::insert(c, home.id, who.username, in.text, html, topics_json(c, in.text, home.path), timeutil::now_utc());
    repo::set_targets(c, id, targets);
    if (in.channels) channels::set_post_groups(c, id, channels::check_groups(c, who, *in.channels));
    const auto p = *repo::find(c, id);
    record(c, audit_, who, "create", p, request_id, "");
    return post_json(c, p, true, deliveries_.zalo_configured());
  });
}

bj::object NewsService::update(const http::Principal& who, std::int64_t id, const bj::object& body, const std::string& request_id) {
  access::require(who, "news.write");
  return db_.write_value([&](db::Connection& c) {
    const Post p = load_in_scope(c, who, id);
    if (p.status == "withdrawn") throw Conflict("Tin đã gỡ không sửa được.");
    const PostInput in = read_post_input(body, text_of(p));
    if (in.target_units) {
      if (p.status == "published") {
        throw RuleViolation("Tin đã đăng không đổi được nơi nhận (đã gửi tới người đăng ký). Hãy gỡ tin và đăng tin mới.");
      }
      repo::set_targets(c, id, target_ids(c, who, *in.target_units));
    }
    if (in.channels) {
      if (p.status == "published") throw RuleViolation("Tin đã đăng không đổi được nhóm nhận. Hãy gỡ tin và đăng tin mới.");
      channels::set_post_groups(c, id, channels::check_groups(c, who, *in.channels));
    }
    const std::string now = timeutil::now_utc();
    // A published post keeps what residents may already have read.
    if (p.status == "published") repo::add_revision(c, id, {p.version, p.updated_at, p.author, p.title, p.summary, p.body});
    repo::update_text(c, id, in.text, render_markdown(in.text.body), topics_json(c, in.text, p.unit_path), now);
    const auto updated = *repo::find(c, id);
    record(c, audit_, who, "update", updated, request_id, "");
    return post_json(c, updated, true, deliveries_.zalo_configured());
  });
}

void NewsService::remove(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  access::require(who, "news.write");
  db_.write([&](db::Connection& c) {
    const Post p = load_in_scope(c, who, id);
    if (p.status != "draft" && p.status != "pending") throw Conflict("Chỉ xóa được tin nháp hoặc chờ duyệt; tin đã đăng thì gỡ.");
    repo::remove(c, id);
    record(c, audit_, who, "delete", p, request_id, "");
  });
}

bj::object NewsService::get(const http::Principal& who, std::int64_t id) {
  access::require(who, "news.write");
  return db_.read_value([&](db::Connection& c) { return post_json(c, load_in_scope(c, who, id), true, deliveries_.zalo_configured()); });
}

std::pair<bj::array, std::int64_t> NewsService::list(const http::Principal& who, const ListQuery& q) {
  access::require(who, "news.write");
  return db_.read_value([&](db::Connection& c) {
    repo::ListFilter f{units::area_range(c, who, q.unit), q.status, q.kind, q.page, q.per_page};
    auto [posts, total] = repo::list(c, f);
    bj::array items;
    for (const auto& p : posts) items.push_back(post_json(c, p, false, deliveries_.zalo_configured()));
    return std::make_pair(std::move(items), total);
  });
}

}  // namespace antq::news
