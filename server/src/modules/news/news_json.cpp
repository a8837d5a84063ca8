#include "modules/news/news_json.hpp"

#include "core/time.hpp"
#include "modules/attachments/attachments.hpp"
#include "modules/news/channels.hpp"
#include "modules/news/news_repository.hpp"

namespace antq::news {

namespace bj = boost::json;

namespace {

bj::value opt(const std::optional<std::string>& s) { return s ? bj::value(*s) : bj::value(nullptr); }

bj::array groups_json(db::Connection& c, std::int64_t post_id, bool zalo_connector) {
  bj::array out;
  for (const auto& g : channels::post_groups(c, post_id)) out.push_back(channels::to_json(g, zalo_connector));
  return out;
}

bj::value cover_json(db::Connection& c, std::int64_t post_id) {
  const auto files = attachments::list(c, "news", post_id);
  if (files.empty()) return nullptr;
  bj::object o = attachments::to_json(files.front());
  o["url"] = "/api/v1/news/" + std::to_string(post_id) + "/cover";
  return o;
}

bj::object figures(db::Connection& c, const Post& p) {
  std::int64_t recipients = 0, sent = 0, failed = 0;
  for (const auto& [status, n] : repo::delivery_figures(c, p.id)) {
    if (status != "cancelled") recipients += n.second;
    if (status == "sent" || status == "recorded") sent += n.second;
    if (status == "failed" || status == "bounced") failed += n.second;
  }
  return bj::object{{"recipients", recipients}, {"sent", sent}, {"failed", failed}, {"views", repo::views(c, p.id)}};
}

}  // namespace

bool is_live(const Post& p, const std::string& now) {
  return p.status == "published" && p.published_at && *p.published_at <= now && (!p.expires_at || *p.expires_at > now);
}

bj::object post_json(db::Connection& c, const Post& p, bool history, bool zalo_connector) {
  bj::array targets;
  for (const auto& t : repo::targets(c, p.id))
    targets.push_back(bj::object{{"code", t.code}, {"name", t.name}, {"full_name", t.full_name}});
  const std::string now = timeutil::now_utc();
  bj::object o{{"id", std::to_string(p.id)},
               {"kind", p.kind},
               {"title", p.title},
               {"summary", p.summary},
               {"body", p.body},
               {"body_html", p.body_html},
               {"status", p.status},
               {"scheduled", p.status == "published" && p.published_at && *p.published_at > now},
               {"live", is_live(p, now)},
               {"priority", p.priority},
               {"topics", bj::parse(p.topics)},
               {"target_units", std::move(targets)},
               {"channels", groups_json(c, p.id, zalo_connector)},
               {"cover", cover_json(c, p.id)},
               {"unit", bj::object{{"code", p.unit_code}, {"name", p.unit_name}}},
               {"author", p.author},
               {"publish_at", opt(p.publish_at)},
               {"published_at", opt(p.published_at)},
               {"expires_at", opt(p.expires_at)},
               {"withdrawn_at", opt(p.withdrawn_at)},
               {"created_at", p.created_at},
               {"updated_at", p.updated_at},
               {"version", p.version},
               {"figures", figures(c, p)}};
  if (history) {
    bj::array h;
    for (const auto& r : repo::revisions(c, p.id)) {
      h.push_back(
          bj::object{{"version", r.version}, {"at", r.at}, {"by", r.by}, {"title", r.title}, {"summary", r.summary}, {"body", r.body}});
    }
    o["history"] = std::move(h);
  }
  return o;
}

}  // namespace antq::news
