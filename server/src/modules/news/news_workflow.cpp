// NewsService: publishing (or submitting for approval), withdrawing, a unit's approval setting,
// and the figures of who a post reaches.
#include <algorithm>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/news/channels.hpp"
#include "modules/news/deliveries.sql.hpp"
#include "modules/news/news_internal.hpp"
#include "modules/news/news_json.hpp"
#include "modules/news/news_repository.hpp"
#include "modules/news/news_service.hpp"

namespace antq::news {

namespace bj = boost::json;

bj::object NewsService::publish(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  access::require(who, "news.write");
  auto out = db_.write_value([&](db::Connection& c) {
    const Post p = load_in_scope(c, who, id);
    if (p.status == "published") throw Conflict("Tin đã đăng.");
    if (p.status == "withdrawn") throw Conflict("Tin đã gỡ không đăng lại được; hãy tạo tin mới.");
    const std::string now = timeutil::now_utc();
    if (p.expires_at && *p.expires_at <= std::max(now, p.publish_at.value_or(now))) {
      throw RuleViolation("Tin hết hạn trước khi được đăng: hãy sửa thời điểm hết hạn.");
    }
    // Where the unit asks for it, a writer's post waits for an officer who may approve.
    if (repo::requires_approval(c, p.unit_id) && !access::can(who, "news.approve")) {
      if (p.status == "pending") throw Conflict("Tin đang chờ duyệt.");
      repo::set_status(c, id, "pending", std::nullopt, std::nullopt, now);
      record(c, audit_, who, "submit", p, request_id, "");
    } else {
      const std::string at = std::max(now, p.publish_at.value_or(now));
      repo::set_status(c, id, "published", at, std::nullopt, now);
      record(c, audit_, who, "publish", p, request_id, bj::serialize(bj::object{{"published_at", at}}));
    }
    return post_json(c, *repo::find(c, id), true, deliveries_.zalo_configured());
  });
  deliveries_.wake();  // its deliveries are queued now, or when its time comes
  return out;
}

bj::object NewsService::withdraw(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  access::require(who, "news.write");
  return db_.write_value([&](db::Connection& c) {
    const Post p = load_in_scope(c, who, id);
    if (p.status == "withdrawn") throw Conflict("Tin đã gỡ.");
    if (p.status == "draft") throw Conflict("Tin nháp chưa đăng: xóa thay vì gỡ.");
    const std::string now = timeutil::now_utc();
    repo::set_status(c, id, "withdrawn", p.published_at, now, now);
    cancel_post(c, id, now);
    record(c, audit_, who, "withdraw", p, request_id, "");
    return post_json(c, *repo::find(c, id), true, deliveries_.zalo_configured());
  });
}

bj::object NewsService::recipients(const http::Principal& who, const std::vector<std::string>& codes, const std::string& kind) {
  access::require(who, "news.write");
  return db_.read_value([&](db::Connection& c) {
    std::vector<PathRange> areas;
    if (codes.empty()) areas.push_back(subtree_range(unit_in_scope(c, who, who.unit_code).path));
    for (const auto& code : codes) areas.push_back(subtree_range(unit_in_scope(c, who, code).path));
    const auto subscribers = count_subscribers(c, areas, kind);
    bj::array groups;
    for (const auto& g : channels::groups_in(c, areas)) groups.push_back(channels::to_json(g, deliveries_.zalo_configured()));
    return bj::object{{"subscribers", subscribers},
                      {"channels", std::move(groups)},
                      {"total", subscribers},
                      {"zalo_connector", deliveries_.zalo_configured()}};
  });
}

bj::object NewsService::deliveries(const http::Principal& who, std::int64_t id) {
  access::require(who, "news.write");
  return db_.read_value([&](db::Connection& c) {
    const Post p = load_in_scope(c, who, id);
    bj::object figures{{"queued", 0}, {"held", 0},    {"sent", 0},    {"recorded", 0},
                       {"failed", 0}, {"bounced", 0}, {"skipped", 0}, {"cancelled", 0}};
    for (const auto& [status, n] : repo::delivery_figures(c, id)) figures[status] = n.first;
    bj::array failed;
    // Never an address: the channel, when, how many tries and the server's reason.
    for (const auto& r : c.query(sql::news::deliveries::kFailedRows, id).rows) {
      failed.push_back(bj::object{{"channel", r.text(0)},
                                  {"at", r.opt_text(1) ? bj::value(r.text(1)) : bj::value(nullptr)},
                                  {"attempts", r.integer(2)},
                                  {"reason", r.text(3)},
                                  {"status", r.text(4)}});
    }
    return bj::object{{"figures", std::move(figures)}, {"failed", std::move(failed)}, {"views", repo::views(c, p.id)}};
  });
}

bj::object NewsService::unit_settings(const http::Principal& who, const std::string& code) {
  access::require(who, "news.write");
  return db_.read_value([&](db::Connection& c) {
    const auto u = unit_in_scope(c, who, code);
    return bj::object{{"unit", u.code}, {"requires_approval", repo::requires_approval(c, u.id)}};
  });
}

bj::object NewsService::set_unit_settings(const http::Principal& who, const std::string& code, const bj::object& body,
                                          const std::string& request_id) {
  access::require(who, "news.approve");
  const json::ObjectReader in(body);
  in.allow_only({"requires_approval"});
  const auto on = in.optional_bool("requires_approval");
  if (!on) throw BadRequest("Thiếu trường 'requires_approval' (true hoặc false).", "requires_approval");
  return db_.write_value([&](db::Connection& c) {
    const auto u = unit_in_scope(c, who, code);
    repo::set_requires_approval(c, u.id, *on, who.username, timeutil::now_utc());
    audit_.record(c, {who.username, "news.settings", "unit", u.code, u.path, u.code, "", request_id,
                      bj::serialize(bj::object{{"requires_approval", *on}})});
    return bj::object{{"unit", u.code}, {"requires_approval", *on}};
  });
}

}  // namespace antq::news
