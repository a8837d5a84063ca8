#pragma once
// The Zalo and Facebook groups of the groups register that a post can go to (issue 15).
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "http/request.hpp"

namespace antq::news::channels {

struct Group {
  std::int64_t id = 0;
  std::string name, platform;
  std::int64_t members = 0;
  std::string unit_code, unit_full_name;
  std::optional<std::string> channel_ref;
};
// "connected": a post to it is sent by the Zalo connector (configured, and the group has its id there).
boost::json::object to_json(const Group& g, bool zalo_connector);

// Active groups (Zalo, Facebook) in the areas, for the composer to offer.
std::vector<Group> groups_in(db::Connection& c, const std::vector<PathRange>& areas);
// The groups named by id, each active and in the caller's area (404 otherwise).
std::vector<std::int64_t> check_groups(db::Connection& c, const http::Principal& who, const std::vector<std::string>& ids);
void set_post_groups(db::Connection& c, std::int64_t post_id, const std::vector<std::int64_t>& ids);
std::vector<Group> post_groups(db::Connection& c, std::int64_t post_id);
// In the transaction that queues a post: its groups' rows (see channels.sql).
void queue(db::Connection& c, std::int64_t post_id, bool zalo_connector, const std::string& status, const std::string& next_attempt,
           const std::string& now);
std::optional<std::string> group_ref(db::Connection& c, std::int64_t group_id);

}  // namespace antq::news::channels
