#include "modules/news/public_news.hpp"

#include <algorithm>
#include <map>

#include "core/client_address.hpp"
#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "modules/news/feed.hpp"
#include "modules/news/news_cover.hpp"
#include "modules/news/public_news.sql.hpp"
#include "modules/news/subscriptions.hpp"
#include "modules/notifications/smtp_sender.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::news {

namespace bj = boost::json;

namespace {

using namespace antq::sql::news::public_news;  // the statements: public_news.sql

constexpr int kListLimit = 50;
constexpr int kWritesPerHour = 20;

units::Unit active_unit(db::Connection& c, const std::string& code) {
  auto u = code.size() <= 40 ? units::repo::find_active(c, code) : std::nullopt;
  if (!u) throw NotFound("Không tìm thấy đơn vị '" + code.substr(0, 40) + "'.");
  return *u;
}

std::vector<std::string> names(db::Connection& c, std::int64_t post_id) {
  std::vector<std::string> out;
  for (const auto& r : c.query(kTargetNames, post_id).rows) out.push_back(r.text(0));
  return out;
}

bj::array names_json(const std::vector<std::string>& v) {
  bj::array a;
  for (const auto& s : v) a.push_back(bj::value(s));
  return a;
}

bj::value opt(const std::optional<std::string>& s) { return s ? bj::value(*s) : bj::value(nullptr); }

// The live posts of `u`: targeted at it or above it.
std::vector<FeedEntry> live_posts(db::Connection& c, const units::Unit& u, int limit) {
  std::vector<std::int64_t> ids{u.id};
  for (const auto& a : units::repo::ancestors(c, u)) ids.push_back(a.id);
  ids.resize(5, ids.back());  // the statement's five places (the tree is at most five deep)
  std::vector<FeedEntry> out;
  const std::string now = timeutil::now_utc();
  std::map<std::int64_t, std::vector<std::string>> targets;
  for (const auto& r : c.query(kLiveTargetNames, now, ids[0], ids[1], ids[2], ids[3], ids[4], limit).rows) {
    targets[r.integer(0)].push_back(r.text(1));
  }
  for (const auto& r : c.query(kLive, now, ids[0], ids[1], ids[2], ids[3], ids[4], limit).rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4)), r.text(5), r.opt_text(6), r.text(7),
                   r.text(8), std::move(targets[r.integer(0)])});
  }
  return out;
}

// Every subset of the three kinds, in one order: "warning", "news,notice,warning"…
std::string read_kinds(const bj::object& body) {
  const auto* v = body.if_contains("kinds");
  if (v == nullptr || v->is_null()) return subscriptions::kWarningsOnly;
  const char* error = "'kinds' là danh sách trong news, notice, warning (ví dụ [\"warning\"]).";
  if (!v->is_array() || v->as_array().empty()) throw BadRequest(error, "kinds");
  bool has[3] = {false, false, false};
  const char* all[3] = {"news", "notice", "warning"};
  for (const auto& k : v->as_array()) {
    const auto it =
        k.is_string() ? std::find_if(std::begin(all), std::end(all), [&](const char* a) { return k.as_string() == a; }) : std::end(all);
    if (it == std::end(all)) throw BadRequest(error, "kinds");
    has[it - std::begin(all)] = true;
  }
  std::string out;
  for (int i = 0; i < 3; ++i) {
    if (has[i]) out += (out.empty() ? "" : ",") + std::string(all[i]);
  }
  return out;
}

}  // namespace

PublicNews::PublicNews(db::Database& db, const crypto::Keyring& keys, Deliveries& deliveries, std::string public_url, bool rate_limit,
                       std::shared_ptr<WindowCounts> windows)
    : db_(db), keys_(keys), deliveries_(deliveries), base_url_(std::move(public_url)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  if (rate_limit) writes_ = std::make_unique<RateLimiter>(kWritesPerHour, std::chrono::hours(1), std::move(windows), "news-subscriptions");
}

void PublicNews::admit(const std::string& client_ip) {
  if (!writes_) return;
  if (const int wait = writes_->acquire(net::client_key(client_ip)))
    throw TooManyRequests("Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.", wait);
}

bj::object PublicNews::list(const std::string& unit_code) {
  return db_.read_value([&](db::Connection& c) {
    const auto u = active_unit(c, unit_code);
    bj::array items;
    for (const auto& e : live_posts(c, u, kListLimit)) {
      items.push_back(bj::object{{"id", std::to_string(e.id)},
                                 {"kind", e.kind},
                                 {"title", e.title},
                                 {"summary", e.summary},
                                 {"priority", e.priority},
                                 {"published_at", e.published_at},
                                 {"expires_at", opt(e.expires_at)},
                                 {"targets", names_json(e.targets)}});
    }
    return bj::object{{"unit", bj::object{{"code", u.code}, {"name", u.name}, {"full_name", u.full_name}}}, {"items", std::move(items)}};
  });
}

bj::object PublicNews::post(std::int64_t id, const std::string& device) {
  const std::string now = timeutil::now_utc();
  const std::string day = timeutil::today_vietnam();
  return db_.write_value([&](db::Connection& c) {
    const auto r = c.query(kPost, id);
    const char* gone = "Tin không còn hoặc đã được gỡ.";
    if (r.empty()) throw NotFound(gone);
    const auto& p = r.rows[0];
    const auto expires = p.opt_text(6);
    if (p.text(9) != "published" || p.text(5) > now || (expires && *expires <= now)) throw NotFound(gone);
    // A key of the day: the same device is one view today, and nobody can follow it to tomorrow.
    c.query(kCountView, id, day, keys_.keyed_hash(device + "|" + std::to_string(id), "news-view:" + day));
    return bj::object{{"id", std::to_string(id)},
                      {"kind", p.text(1)},
                      {"title", p.text(2)},
                      {"summary", p.text(3)},
                      {"priority", p.integer(4)},
                      {"published_at", p.text(5)},
                      {"expires_at", opt(expires)},
                      {"body_html", p.text(7)},
                      {"updated_at", p.text(8)},
                      {"targets", names_json(names(c, id))},
                      {"cover_url", NewsCovers::public_path(c, id)}};
  });
}

std::optional<PublicNews::Preview> PublicNews::preview(std::int64_t id) {
  const std::string now = timeutil::now_utc();
  return db_.read_value([&](db::Connection& c) -> std::optional<Preview> {
    const auto r = c.query(kPost, id);
    if (r.empty()) return std::nullopt;
    const auto& p = r.rows[0];
    const auto expires = p.opt_text(6);
    if (p.text(9) != "published" || p.text(5) > now || (expires && *expires <= now)) return std::nullopt;
    return Preview{p.text(2), p.text(3), NewsCovers::public_path(c, id)};
  });
}

std::string PublicNews::feed(const std::string& unit_code) {
  return db_.read_value([&](db::Connection& c) {
    const auto u = active_unit(c, unit_code);
    return atom_feed(u.code, u.full_name, live_posts(c, u, kListLimit), base_url_, timeutil::now_utc());
  });
}

void PublicNews::subscribe(const bj::object& body, const std::string& client_ip) {
  if (!deliveries_.can_mail()) {
    throw ServiceUnavailable("mail_unavailable", "Chưa nhận đăng ký qua thư điện tử: máy chủ chưa cấu hình gửi thư.");
  }
  admit(client_ip);
  const json::ObjectReader in(body);
  in.allow_only({"unit", "email", "kinds"});
  const std::string code = in.required_string("unit", 40);
  const std::string email = in.required_string("email", 254);
  if (!notifications::plausible_email(email)) throw BadRequest("Địa chỉ thư điện tử không hợp lệ.", "email");
  const std::string kinds = read_kinds(body);
  db_.write([&](db::Connection& c) { subscriptions::subscribe(c, keys_, active_unit(c, code).id, email, kinds, timeutil::now_utc()); });
  deliveries_.wake();
}

bj::object PublicNews::confirm(const std::string& token) {
  const auto s = db_.write_value([&](db::Connection& c) { return subscriptions::confirm(c, keys_, token, timeutil::now_utc()); });
  if (!s) throw NotFound("Liên kết xác nhận không đúng hoặc đã hết hạn (7 ngày). Hãy đăng ký lại.");
  bj::array kinds;
  for (const char* k : {"news", "notice", "warning"}) {
    if (("," + s->kinds + ",").find(std::string(",") + k + ",") != std::string::npos) kinds.push_back(bj::value(k));
  }
  return bj::object{{"unit", bj::object{{"code", s->unit_code}, {"name", s->unit_name}, {"full_name", s->unit_full_name}}},
                    {"kinds", std::move(kinds)}};
}

void PublicNews::unsubscribe(const std::string& token) {
  const bool ok = db_.write_value([&](db::Connection& c) { return subscriptions::unsubscribe(c, keys_, token, timeutil::now_utc()); });
  if (!ok) throw NotFound("Liên kết hủy đăng ký không đúng.");
}

}  // namespace antq::news
