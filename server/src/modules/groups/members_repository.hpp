#pragma once
// SQL of a group's member list: group_members, group_member_ratings, and the group's
// members_count kept equal to its active members.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/groups/team_rules.hpp"

namespace antq::groups::members_repo {

// Leaders first, then deputies, then the others, each by the day they joined.
std::vector<Member> list(db::Connection& c, std::int64_t group_id);
// member id → (year → level), years in order.
std::map<std::int64_t, std::map<std::string, std::string>> ratings(db::Connection& c, std::int64_t group_id);
std::int64_t insert(db::Connection& c, std::int64_t group_id, const Member& m, const std::string& created_by);
void update(db::Connection& c, const Member& m);  // its role and the day it left
void sync_count(db::Connection& c, std::int64_t group_id);
// A member by its id alone (the importer's undo): its group and how many ratings it has.
struct Owned {
  std::int64_t group_id = 0;
  std::int64_t ratings = 0;
};
std::optional<Owned> find_any(db::Connection& c, std::int64_t member_id);
void remove(db::Connection& c, std::int64_t member_id);
// One level per member and year: a second rating of the same year replaces the first.
void rate(db::Connection& c, std::int64_t member_id, std::int64_t year, const std::string& level, const std::string& rated_by);

}  // namespace antq::groups::members_repo
