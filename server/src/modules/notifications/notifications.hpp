#pragma once
// In-app notifications for staff (a bell in the header): written by modules in the transaction of
// the event they announce, so there is no notification for something that did not happen.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::notifications {

struct Notification {
  std::int64_t id = 0;
  std::string kind;
  std::string entity;
  std::string entity_id;
  std::string label;
  std::string created_at;
  bool read = false;
};

struct NewNotification {
  std::string kind;    // "tip.received"
  std::string entity;  // "tip"
  std::string entity_id;
  std::string label;  // shown to the user, e.g. a tracking code: never personal data
};

void notify(db::Connection& c, const std::vector<std::string>& usernames, const NewNotification& n);
std::vector<Notification> list_for(db::Connection& c, const std::string& username, int limit);
std::int64_t unread_count(db::Connection& c, const std::string& username);
// Marks the user's notifications read: the given ids, or all of them when `ids` is empty.
void mark_read(db::Connection& c, const std::string& username, const std::vector<std::int64_t>& ids);

}  // namespace antq::notifications
