#include "modules/news/news_repository.hpp"

#include "modules/news/news_repository.sql.hpp"

namespace antq::news::repo {

namespace {

using namespace antq::sql::news::news_repository;  // the statements: news_repository.sql

Post to_post(const db::Row& r) {
  Post p;
  p.id = r.integer(0);
  p.unit_id = r.integer(1);
  p.unit_code = r.text(2);
  p.unit_name = r.text(3);
  p.unit_path = r.text(4);
  p.author = r.text(5);
  p.kind = r.text(6);
  p.title = r.text(7);
  p.summary = r.text(8);
  p.body = r.text(9);
  p.body_html = r.text(10);
  p.topics = r.text(11);
  p.priority = static_cast<int>(r.integer(12));
  p.status = r.text(13);
  p.publish_at = r.opt_text(14);
  p.published_at = r.opt_text(15);
  p.expires_at = r.opt_text(16);
  p.withdrawn_at = r.opt_text(17);
  p.queued_at = r.opt_text(18);
  p.version = static_cast<int>(r.integer(19));
  p.created_at = r.text(20);
  p.updated_at = r.text(21);
  return p;
}

}  // namespace

std::optional<Post> find(db::Connection& c, std::int64_t id) {
  const auto r = c.query(kFind, id);
  if (r.empty()) return std::nullopt;
  return to_post(r.rows[0]);
}

std::pair<std::vector<Post>, std::int64_t> list(db::Connection& c, const ListFilter& f) {
  std::vector<Post> out;
  for (const auto& r : c.query(kList, f.area.lo, f.area.hi, f.status, f.kind, f.per_page, (f.page - 1) * f.per_page).rows) {
    out.push_back(to_post(r));
  }
  const auto total = c.query(kCount, f.area.lo, f.area.hi, f.status, f.kind).rows[0].integer(0);
  return {std::move(out), total};
}

std::int64_t insert(db::Connection& c, std::int64_t unit_id, const std::string& author, const PostText& t, const std::string& html,
                    const std::string& topics_json, const std::string& now) {
  return c
      .query(kInsert, unit_id, author, t.kind, t.title, t.summary, t.body, html, topics_json, t.priority, t.publish_at, t.expires_at, now)
      .rows[0]
      .integer(0);
}

void update_text(db::Connection& c, std::int64_t id, const PostText& t, const std::string& html, const std::string& topics_json,
                 const std::string& now) {
  c.query(kUpdateText, id, t.kind, t.title, t.summary, t.body, html, topics_json, t.priority, t.publish_at, t.expires_at, now);
}

void set_status(db::Connection& c, std::int64_t id, const std::string& status, const std::optional<std::string>& published_at,
                const std::optional<std::string>& withdrawn_at, const std::string& now) {
  c.query(kSetStatus, id, status, published_at, withdrawn_at, now);
}

void remove(db::Connection& c, std::int64_t id) {
  c.query(kDeleteTargets, id);
  c.query(kDeleteRevisions, id);
  c.query(kDelete, id);
}

std::vector<Target> targets(db::Connection& c, std::int64_t post_id) {
  std::vector<Target> out;
  for (const auto& r : c.query(kTargets, post_id).rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  return out;
}

void set_targets(db::Connection& c, std::int64_t post_id, const std::vector<std::int64_t>& unit_ids) {
  c.query(kDeleteTargets, post_id);
  for (const auto id : unit_ids) c.query(kInsertTarget, post_id, id);
}

void add_revision(db::Connection& c, std::int64_t post_id, const Revision& r) {
  c.query(kInsertRevision, post_id, r.version, r.at, r.by, r.title, r.summary, r.body);
}

std::vector<Revision> revisions(db::Connection& c, std::int64_t post_id) {
  std::vector<Revision> out;
  for (const auto& r : c.query(kRevisions, post_id).rows) {
    out.push_back({static_cast<int>(r.integer(0)), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
  }
  return out;
}

bool requires_approval(db::Connection& c, std::int64_t unit_id) {
  const auto r = c.query(kRequiresApproval, unit_id);
  return !r.empty() && r.rows[0].integer(0) != 0;
}

void set_requires_approval(db::Connection& c, std::int64_t unit_id, bool on, const std::string& by, const std::string& now) {
  c.query(kUpsertSetting, unit_id, on, now, by);
}

std::int64_t views(db::Connection& c, std::int64_t post_id) { return c.query(kViews, post_id).rows[0].integer(0); }

std::map<std::string, std::pair<std::int64_t, std::int64_t>> delivery_figures(db::Connection& c, std::int64_t post_id) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.query(kDeliveryFigures, post_id).rows) out[r.text(0)] = {r.integer(1), r.integer(2)};
  return out;
}

}  // namespace antq::news::repo
