#pragma once
// What residents read without an account (issue 15): a unit's live posts, one post (counting a
// view once per device per day), the unit's Atom feed, and e-mail subscriptions.
#include <boost/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/keyring.hpp"
#include "core/rate_limiter.hpp"
#include "db/database.hpp"
#include "modules/news/deliveries.hpp"

namespace antq::news {

class PublicNews {
 public:
  // `public_url`: the site's address for the feed's links ("" : links relative to the feed).
  PublicNews(db::Database& db, const crypto::Keyring& keys, Deliveries& deliveries, std::string public_url, bool rate_limit,
             std::shared_ptr<WindowCounts> windows = nullptr);

  boost::json::object list(const std::string& unit_code);
  // 404 for a post that is not live. `device`: what tells one reader's device from another's
  // (the client address and user agent), hashed with a key of the day and never stored itself.
  boost::json::object post(std::int64_t id, const std::string& device);
  std::string feed(const std::string& unit_code);
  // A live post's title, summary and cover address for a link preview (no view counted).
  struct Preview {
    std::string title, summary, cover_path;
  };
  std::optional<Preview> preview(std::int64_t id);

  void subscribe(const boost::json::object& body, const std::string& client_ip);
  boost::json::object confirm(const std::string& token);
  void unsubscribe(const std::string& token);
  // Counts one public write from `client_ip` (429 past the limit).
  void admit(const std::string& client_ip);

 private:
  db::Database& db_;
  const crypto::Keyring& keys_;
  Deliveries& deliveries_;
  std::string base_url_;
  std::unique_ptr<RateLimiter> writes_;  // subscribe, confirm, unsubscribe per address
};

}  // namespace antq::news
