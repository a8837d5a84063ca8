#pragma once
// A post as the staff API shows it (docs/decisions/0015-news-and-channels.md).
#include <boost/json.hpp>

#include <string>

#include "db/database.hpp"
#include "modules/news/post.hpp"

namespace antq::news {

// With `history`: the earlier versions of a post edited after publishing. `zalo_connector`: a Zalo
// connector is configured (a group with its platform id is then sent to, not only recorded).
boost::json::object post_json(db::Connection& c, const Post& p, bool history, bool zalo_connector);
// Whether the post shows to residents at `now` (published, its time come, not expired).
bool is_live(const Post& p, const std::string& now);

}  // namespace antq::news
