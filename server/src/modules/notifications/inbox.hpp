#pragma once
// A staff member's own notifications (the bell in the header): nobody reads another's.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/notifications/notifications.hpp"

namespace antq::notifications {

struct InboxPage {
  std::vector<Notification> items;  // newest first
  std::int64_t unread = 0;
};

class Inbox {
 public:
  explicit Inbox(db::Database& db) : db_(db) {}
  InboxPage list(const std::string& username, int limit);
  // The given ids of the user's own, or all of them when `ids` is empty.
  void mark_read(const std::string& username, const std::vector<std::int64_t>& ids);

 private:
  db::Database& db_;
};

}  // namespace antq::notifications
