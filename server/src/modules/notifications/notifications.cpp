#include "modules/notifications/notifications.hpp"

#include "core/time.hpp"
#include "modules/notifications/notifications.sql.hpp"

namespace antq::notifications {

namespace {
using namespace antq::sql::notifications::notifications;  // the statements: notifications.sql
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
