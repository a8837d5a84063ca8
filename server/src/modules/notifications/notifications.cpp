#include "modules/notifications/notifications.hpp"

#include "core/time.hpp"

namespace antq::notifications {

namespace {
constexpr const char* kInsert =
    "INSERT INTO notifications (username, kind, entity, entity_id, label, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kList =
    "SELECT id, kind, entity, entity_id, label, created_at, read_at FROM notifications WHERE username = $1 "
    "ORDER BY id DESC LIMIT $2";
constexpr const char* kUnread = "SELECT COUNT(*) FROM notifications WHERE username = $1 AND read_at IS NULL";
constexpr const char* kReadAll = "UPDATE notifications SET read_at = $2 WHERE username = $1 AND read_at IS NULL";
constexpr const char* kReadOne = "UPDATE notifications SET read_at = $3 WHERE username = $1 AND id = $2 AND read_at IS NULL";
}  // namespace

void notify(db::Connection& c, const std::vector<std::string>& usernames, const NewNotification& n) {
  const std::string now = timeutil::now_utc();
  for (const auto& u : usernames) c.query(kInsert, u, n.kind, n.entity, n.entity_id, n.label, now);
}

std::vector<Notification> list_for(db::Connection& c, const std::string& username, int limit) {
  std::vector<Notification> out;
  for (const auto& r : c.query(kList, username, limit).rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), !r.is_null(6)});
  }
  return out;
}

std::int64_t unread_count(db::Connection& c, const std::string& username) { return c.query(kUnread, username).rows[0].integer(0); }

void mark_read(db::Connection& c, const std::string& username, const std::vector<std::int64_t>& ids) {
  const std::string now = timeutil::now_utc();
  if (ids.empty()) {
    c.query(kReadAll, username, now);
    return;
  }
  for (auto id : ids) c.query(kReadOne, username, id, now);
}

}  // namespace antq::notifications
