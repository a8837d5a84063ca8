#pragma once
// What the law asks of the teams a group register holds (DOMAIN-LAW.md §3, §5), as data a province
// can adjust (settings "groups.*"):
// - security team (Tổ bảo vệ ANTT, Luật 30/2023): one per village; members 18–70 years old when
//   they join; a yearly four-level rating, not given to a member with under 9 months of service;
// - mediation team (Tổ hòa giải, Luật 35/2013 Art 12): at least 3 mediators, at least one woman.
// Member rules reject; the composition of a team, which grows member by member, is reported as
// checks that pass or warn.
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::groups {

struct TeamRules {
  int security_min_age = 18;
  int security_max_age = 70;
  int rating_min_months = 9;
  int excellent_percent_of_good = 20;
  int mediation_min_mediators = 3;
  int mediation_min_women = 1;
  static TeamRules load(db::Connection& c);
};

struct Member {
  std::int64_t id = 0;
  std::string name, role, gender;
  std::optional<std::int64_t> birth_year;
  std::string joined_on;
  std::optional<std::string> left_on;
};

// Throws BadRequest naming the field when a member cannot belong to a team of `kind`.
void check_member(const TeamRules& r, const std::string& kind, const std::string& team_started_on, const Member& m);
// The team's composition against the law: [{"rule","ok","message"}].
boost::json::array compliance(const TeamRules& r, const std::string& kind, const std::vector<Member>& active);
// A rating for `year` (window 15/11 of year-1 to 14/11 of year): throws RuleViolation when the
// member or the team served under the minimum months by the window's end.
void check_rating(const TeamRules& r, const std::string& team_started_on, const Member& m, int year);

// The group register's own rule: one security team per village (a team must sit in a village).
void check_group(db::Connection& c, const boost::json::object& values, const std::string& unit_kind, std::int64_t unit_id, std::int64_t id);

}  // namespace antq::groups
