#include "modules/groups/members_service.hpp"

#include <algorithm>
#include <map>

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/groups/members_repository.hpp"

namespace antq::groups {

namespace bj = boost::json;

namespace {

// HD 01/HD-BCA-V05: "excellent" at most 20% of those rated "good", year by year.
void add_excellent_share(const TeamRules& rules, const std::map<std::int64_t, std::map<std::string, std::string>>& ratings,
                         bj::array& checks) {
  std::map<std::string, std::pair<int, int>> per_year;  // year → (excellent, good)
  for (const auto& [member, years] : ratings) {
    for (const auto& [year, level] : years) {
      if (level == "excellent") ++per_year[year].first;
      if (level == "good") ++per_year[year].second;
    }
  }
  for (const auto& [year, counts] : per_year) {
    const bool ok = counts.first * 100 <= counts.second * rules.excellent_percent_of_good;
    checks.push_back(bj::object{
        {"rule", "excellent_share"},
        {"ok", ok},
        {"message", "Năm " + year + ": xuất sắc " + std::to_string(counts.first) + ", tốt " + std::to_string(counts.second) +
                        " (xuất sắc không quá " + std::to_string(rules.excellent_percent_of_good) + "% số được xếp loại tốt)."}});
  }
}

bj::object members_json(db::Connection& c, const TeamRules& rules, const std::string& kind, std::int64_t group_id) {
  const auto all = members_repo::list(c, group_id);
  const auto ratings = members_repo::ratings(c, group_id);
  bj::array items;
  std::vector<Member> active;
  for (const auto& m : all) {
    if (!m.left_on) active.push_back(m);
    bj::object rated;
    if (const auto it = ratings.find(m.id); it != ratings.end()) {
      for (const auto& [year, level] : it->second) rated[year] = level;
    }
    items.push_back(bj::object{{"id", std::to_string(m.id)},
                               {"name", m.name},
                               {"role", m.role},
                               {"gender", m.gender.empty() ? bj::value(nullptr) : bj::value(m.gender)},
                               {"birth_year", m.birth_year ? bj::value(*m.birth_year) : bj::value(nullptr)},
                               {"joined_on", m.joined_on},
                               {"left_on", m.left_on ? bj::value(*m.left_on) : bj::value(nullptr)},
                               {"ratings", std::move(rated)}});
  }
  bj::array checks = compliance(rules, kind, active);
  if (kind == "security_team") add_excellent_share(rules, ratings, checks);
  return bj::object{{"items", std::move(items)}, {"checks", std::move(checks)}};
}

std::string kind_of(const registers::Record& g) { return std::string(g.values.at("kind").as_string()); }
std::string started_on(const registers::Record& g) { return std::string(g.values.at("started_on").as_string()); }

Member find_member(db::Connection& c, std::int64_t group_id, std::int64_t member_id) {
  auto all = members_repo::list(c, group_id);
  auto it = std::find_if(all.begin(), all.end(), [&](const Member& x) { return x.id == member_id; });
  if (it == all.end()) throw NotFound("Không tìm thấy thành viên.");
  return *it;
}

}  // namespace

bj::object MembersService::list(const http::Principal& who, std::int64_t group_id) {
  access::require(who, groups_.spec().read_permission);
  return db_.read_value([&](db::Connection& c) {
    const auto g = groups_.get_in(c, who, group_id);
    return members_json(c, TeamRules::load(c), kind_of(g), group_id);
  });
}

bj::object MembersService::add(const http::Principal& who, std::int64_t group_id, const Member& m, const std::string& request_id) {
  access::require(who, groups_.spec().write_permission);
  return db_.write_value([&](db::Connection& c) {
    const auto g = groups_.get_in(c, who, group_id);
    const auto rules = TeamRules::load(c);
    const auto mid = add_in(c, who, group_id, m);
    audit_.record(c, {who.username, "group.member_add", "group", std::to_string(group_id), g.unit_path, g.unit_code, "", request_id,
                      "{\"member\":" + std::to_string(mid) + "}"});
    return members_json(c, rules, kind_of(g), group_id);
  });
}

std::int64_t MembersService::add_in(db::Connection& c, const http::Principal& who, std::int64_t group_id, const Member& m) const {
  const auto g = groups_.get_in(c, who, group_id);
  const std::string today = timeutil::today_vietnam();
  if (m.joined_on > today) throw BadRequest("Ngày tham gia sau ngày hôm nay.", "joined_on");
  if (m.left_on && (*m.left_on > today || *m.left_on < m.joined_on))
    throw BadRequest("Ngày rời tổ phải từ ngày tham gia đến hôm nay.", "left_on");
  check_member(TeamRules::load(c), kind_of(g), started_on(g), m);
  const auto mid = members_repo::insert(c, group_id, m, who.username);
  members_repo::sync_count(c, group_id);
  return mid;
}

bool MembersService::has_in(db::Connection& c, const http::Principal& who, std::int64_t member_id) const {
  const auto m = members_repo::find_any(c, member_id);
  if (!m) return false;
  try {
    groups_.get_in(c, who, m->group_id);
    return true;
  } catch (const NotFound&) {
    return false;
  }
}

bool MembersService::remove_in(db::Connection& c, const http::Principal& who, std::int64_t member_id) const {
  if (!has_in(c, who, member_id)) return false;
  const auto m = members_repo::find_any(c, member_id);
  if (m->ratings > 0) throw RuleViolation("Thành viên đã được xếp loại sau khi nhập.");
  members_repo::remove(c, member_id);
  members_repo::sync_count(c, m->group_id);
  return true;
}

bj::object MembersService::change(const http::Principal& who, std::int64_t group_id, std::int64_t member_id, const MemberChange& ch,
                                  const std::string& request_id) {
  access::require(who, groups_.spec().write_permission);
  return db_.write_value([&](db::Connection& c) {
    const auto g = groups_.get_in(c, who, group_id);
    const auto rules = TeamRules::load(c);
    auto m = find_member(c, group_id, member_id);
    if (ch.role) m.role = *ch.role;
    if (ch.left_on) m.left_on = ch.left_on;
    check_member(rules, kind_of(g), started_on(g), m);
    members_repo::update(c, m);
    members_repo::sync_count(c, group_id);
    audit_.record(c, {who.username, "group.member_update", "group", std::to_string(group_id), g.unit_path, g.unit_code, "", request_id,
                      "{\"member\":" + std::to_string(member_id) + "}"});
    return members_json(c, rules, kind_of(g), group_id);
  });
}

bj::object MembersService::rate(const http::Principal& who, std::int64_t group_id, std::int64_t member_id, std::int64_t year,
                                const std::string& level, const std::string& request_id) {
  access::require(who, groups_.spec().write_permission);
  return db_.write_value([&](db::Connection& c) {
    const auto g = groups_.get_in(c, who, group_id);
    if (kind_of(g) != "security_team") throw RuleViolation("Chỉ thành viên Tổ bảo vệ ANTT được xếp loại hằng năm.");
    const auto rules = TeamRules::load(c);
    const auto m = find_member(c, group_id, member_id);
    check_rating(rules, started_on(g), m, static_cast<int>(year));
    members_repo::rate(c, member_id, year, level, who.username);
    audit_.record(c, {who.username, "group.member_rate", "group", std::to_string(group_id), g.unit_path, g.unit_code, "", request_id,
                      "{\"member\":" + std::to_string(member_id) + ",\"year\":" + std::to_string(year) + "}"});
    return members_json(c, rules, kind_of(g), group_id);
  });
}

}  // namespace antq::groups
