#include "modules/notifications/inbox.hpp"

namespace antq::notifications {

InboxPage Inbox::list(const std::string& username, int limit) {
  return db_.read_value([&](db::Connection& c) { return InboxPage{list_for(c, username, limit), unread_count(c, username)}; });
}

void Inbox::mark_read(const std::string& username, const std::vector<std::int64_t>& ids) {
  db_.write([&](db::Connection& c) { notifications::mark_read(c, username, ids); });
}

}  // namespace antq::notifications
