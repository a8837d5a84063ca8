#pragma once
// SQL for posts, their targets, revisions and units' settings (news_repository.sql). Functions
// take an open connection: the service decides the transaction.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/news/post.hpp"

namespace antq::news::repo {

std::optional<Post> find(db::Connection& c, std::int64_t id);

struct ListFilter {
  PathRange area;
  std::optional<std::string> status, kind;
  int page = 1, per_page = 50;
};
std::pair<std::vector<Post>, std::int64_t> list(db::Connection& c, const ListFilter& f);

std::int64_t insert(db::Connection& c, std::int64_t unit_id, const std::string& author, const PostText& t, const std::string& html,
                    const std::string& topics_json, const std::string& now);
void update_text(db::Connection& c, std::int64_t id, const PostText& t, const std::string& html, const std::string& topics_json,
                 const std::string& now);
void set_status(db::Connection& c, std::int64_t id, const std::string& status, const std::optional<std::string>& published_at,
                const std::optional<std::string>& withdrawn_at, const std::string& now);
void remove(db::Connection& c, std::int64_t id);

std::vector<Target> targets(db::Connection& c, std::int64_t post_id);
void set_targets(db::Connection& c, std::int64_t post_id, const std::vector<std::int64_t>& unit_ids);

struct Revision {
  int version = 0;
  std::string at, by, title, summary, body;
};
void add_revision(db::Connection& c, std::int64_t post_id, const Revision& r);
std::vector<Revision> revisions(db::Connection& c, std::int64_t post_id);

bool requires_approval(db::Connection& c, std::int64_t unit_id);
void set_requires_approval(db::Connection& c, std::int64_t unit_id, bool on, const std::string& by, const std::string& now);

std::int64_t views(db::Connection& c, std::int64_t post_id);
// Deliveries by status: status → {rows, people reached}.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> delivery_figures(db::Connection& c, std::int64_t post_id);

}  // namespace antq::news::repo
