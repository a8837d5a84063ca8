#include "modules/groups/members_routes.hpp"

#include <algorithm>
#include <map>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/groups/team_rules.hpp"
#include "modules/registers/register_routes.hpp"

namespace antq::groups {

namespace bj = boost::json;

namespace {

constexpr const char* kMembers =
    "SELECT id, name, role, gender, birth_year, joined_on, left_on FROM group_members WHERE group_id = $1 ORDER BY "
    "CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, joined_on, id";
constexpr const char* kRatings =
    "SELECT r.member_id, r.year, r.level FROM group_member_ratings r JOIN group_members m ON m.id = r.member_id "
    "WHERE m.group_id = $1 ORDER BY r.year";
constexpr const char* kInsert =
    "INSERT INTO group_members (group_id, name, role, gender, birth_year, joined_on, left_on, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kUpdate = "UPDATE group_members SET role = $2, left_on = $3 WHERE id = $1";
constexpr const char* kSyncCount =
    "UPDATE movement_groups SET members_count = (SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND left_on IS NULL) "
    "WHERE id = $1";
constexpr const char* kRate =
    "INSERT INTO group_member_ratings (member_id, year, level, rated_by, rated_at) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kRerate = "UPDATE group_member_ratings SET level = $3, rated_by = $4, rated_at = $5 WHERE member_id = $1 AND year = $2";

std::vector<Member> members(db::Connection& c, std::int64_t group_id) {
  std::vector<Member> out;
  for (const auto& r : c.query(kMembers, group_id).rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.is_null(3) ? "" : r.text(3), r.opt_integer(4), r.text(5), r.opt_text(6)});
  }
  return out;
}

bj::object members_json(db::Connection& c, const TeamRules& rules, const std::string& kind, std::int64_t group_id) {
  const auto all = members(c, group_id);
  std::map<std::int64_t, bj::object> ratings;
  for (const auto& r : c.query(kRatings, group_id).rows) ratings[r.integer(0)][std::to_string(r.integer(1))] = r.text(2);
  bj::array items;
  std::vector<Member> active;
  for (const auto& m : all) {
    if (!m.left_on) active.push_back(m);
    items.push_back(bj::object{{"id", std::to_string(m.id)},
                               {"name", m.name},
                               {"role", m.role},
                               {"gender", m.gender.empty() ? bj::value(nullptr) : bj::value(m.gender)},
                               {"birth_year", m.birth_year ? bj::value(*m.birth_year) : bj::value(nullptr)},
                               {"joined_on", m.joined_on},
                               {"left_on", m.left_on ? bj::value(*m.left_on) : bj::value(nullptr)},
                               {"ratings", ratings[m.id]}});
  }
  bj::array checks = compliance(rules, kind, active);
  if (kind == "security_team") {
    // HD 01/HD-BCA-V05: "excellent" at most 20% of those rated "good", year by year.
    std::map<std::string, std::pair<int, int>> per_year;  // year → (excellent, good)
    for (const auto& [member, years] : ratings) {
      for (const auto& [year, level] : years) {
        if (level == "excellent") ++per_year[std::string(year)].first;
        if (level == "good") ++per_year[std::string(year)].second;
      }
    }
    for (const auto& [year, counts] : per_year) {
      const bool ok = counts.first * 100 <= counts.second * rules.excellent_percent_of_good;
      checks.push_back(bj::object{{"rule", "excellent_share"},
                                  {"ok", ok},
                                  {"message", "Năm " + year + ": xuất sắc " + std::to_string(counts.first) + ", tốt " +
                                                  std::to_string(counts.second) + " (xuất sắc không quá " +
                                                  std::to_string(rules.excellent_percent_of_good) + "% số được xếp loại tốt)."}});
    }
  }
  return bj::object{{"items", std::move(items)}, {"checks", std::move(checks)}};
}

std::string date_of(const json::ObjectReader& in, const char* key, bool required) {
  auto s = required ? std::optional<std::string>(in.required_string(key, 10)) : in.optional_string(key, 10);
  if (!s) return {};
  if (!timeutil::parse_date(*s)) throw BadRequest(std::string("Trường '") + key + "' phải là ngày dạng YYYY-MM-DD.", key);
  if (*s > timeutil::today_vietnam()) throw BadRequest(std::string("Trường '") + key + "' không thể là ngày trong tương lai.", key);
  return *s;
}

}  // namespace

void register_member_routes(http::Router& router, registers::RegisterService& groups, db::Database& db,
                            const audit::AuditLog& audit) {
  router.add({"GET", "/api/v1/groups/{id}/members", http::Access::staff}, [&groups, &db](http::Request& req) {
    access::require(*req.principal, groups.spec().read_permission);
    const auto id = registers::id_param(req);
    return http::Response::json(db.read_value([&](db::Connection& c) {
      const auto g = groups.get_in(c, *req.principal, id);
      return members_json(c, TeamRules::load(c), std::string(g.values.at("kind").as_string()), id);
    }));
  });

  router.add({"POST", "/api/v1/groups/{id}/members", http::Access::staff}, [&groups, &db, &audit](http::Request& req) {
    access::require(*req.principal, groups.spec().write_permission);
    const auto id = registers::id_param(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"name", "role", "gender", "birth_year", "joined_on", "left_on"});
    Member m;
    m.name = in.required_string("name", 200);
    m.role = in.optional_string("role", 20).value_or("member");
    if (m.role != "leader" && m.role != "deputy" && m.role != "member" && m.role != "mediator") {
      throw BadRequest("Vai trò phải là leader, deputy, member hoặc mediator.", "role");
    }
    m.gender = in.optional_string("gender", 10).value_or("");
    if (!m.gender.empty() && m.gender != "female" && m.gender != "male") throw BadRequest("Giới tính là female hoặc male.", "gender");
    m.birth_year = in.optional_int("birth_year", 1900, 2100);
    m.joined_on = date_of(in, "joined_on", true);
    if (auto left = date_of(in, "left_on", false); !left.empty()) m.left_on = left;
    auto out = db.write_value([&](db::Connection& c) {
      const auto g = groups.get_in(c, *req.principal, id);
      const std::string kind(g.values.at("kind").as_string());
      const auto rules = TeamRules::load(c);
      check_member(rules, kind, std::string(g.values.at("started_on").as_string()), m);
      const auto mid = c.query(kInsert, id, m.name, m.role, m.gender.empty() ? db::Value(nullptr) : db::Value(m.gender),
                               m.birth_year ? db::Value(*m.birth_year) : db::Value(nullptr), m.joined_on,
                               m.left_on ? db::Value(*m.left_on) : db::Value(nullptr), req.principal->username, timeutil::now_utc())
                           .rows[0]
                           .integer(0);
      c.query(kSyncCount, id);
      audit.record(c, {req.principal->username, "group.member_add", "group", std::to_string(id), g.unit_path, g.unit_code, "",
                       req.request_id, "{\"member\":" + std::to_string(mid) + "}"});
      return members_json(c, rules, kind, id);
    });
    return http::Response::json(out, 201);
  });

  router.add({"PATCH", "/api/v1/groups/{id}/members/{mid}", http::Access::staff}, [&groups, &db, &audit](http::Request& req) {
    access::require(*req.principal, groups.spec().write_permission);
    const auto id = registers::id_param(req);
    const auto mid = registers::id_param(req, "mid");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"role", "left_on"});
    const auto role = in.optional_string("role", 20);
    if (role && *role != "leader" && *role != "deputy" && *role != "member" && *role != "mediator") {
      throw BadRequest("Vai trò phải là leader, deputy, member hoặc mediator.", "role");
    }
    const std::string left = date_of(in, "left_on", false);
    if (!role && left.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
    auto out = db.write_value([&](db::Connection& c) {
      const auto g = groups.get_in(c, *req.principal, id);
      const std::string kind(g.values.at("kind").as_string());
      const auto rules = TeamRules::load(c);
      auto all = members(c, id);
      auto it = std::find_if(all.begin(), all.end(), [&](const Member& x) { return x.id == mid; });
      if (it == all.end()) throw NotFound("Không tìm thấy thành viên.");
      if (role) it->role = *role;
      if (!left.empty()) it->left_on = left;
      check_member(rules, kind, std::string(g.values.at("started_on").as_string()), *it);
      c.query(kUpdate, mid, it->role, it->left_on ? db::Value(*it->left_on) : db::Value(nullptr));
      c.query(kSyncCount, id);
      audit.record(c, {req.principal->username, "group.member_update", "group", std::to_string(id), g.unit_path, g.unit_code, "",
                       req.request_id, "{\"member\":" + std::to_string(mid) + "}"});
      return members_json(c, rules, kind, id);
    });
    return http::Response::json(out);
  });

  router.add({"POST", "/api/v1/groups/{id}/members/{mid}/ratings", http::Access::staff}, [&groups, &db, &audit](http::Request& req) {
    access::require(*req.principal, groups.spec().write_permission);
    const auto id = registers::id_param(req);
    const auto mid = registers::id_param(req, "mid");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"year", "level"});
    const auto year = in.optional_int("year", 2024, 2100);
    if (!year) throw BadRequest("Thiếu trường bắt buộc 'year'.", "year");
    const std::string level = in.required_string("level", 20);
    if (level != "excellent" && level != "good" && level != "complete" && level != "incomplete") {
      throw BadRequest("Mức xếp loại là excellent, good, complete hoặc incomplete.", "level");
    }
    auto out = db.write_value([&](db::Connection& c) {
      const auto g = groups.get_in(c, *req.principal, id);
      const std::string kind(g.values.at("kind").as_string());
      if (kind != "security_team") throw RuleViolation("Chỉ thành viên Tổ bảo vệ ANTT được xếp loại hằng năm.");
      const auto rules = TeamRules::load(c);
      auto all = members(c, id);
      auto it = std::find_if(all.begin(), all.end(), [&](const Member& x) { return x.id == mid; });
      if (it == all.end()) throw NotFound("Không tìm thấy thành viên.");
      check_rating(rules, std::string(g.values.at("started_on").as_string()), *it, static_cast<int>(*year));
      const std::string now = timeutil::now_utc();
      if (c.query(kRerate, mid, *year, level, req.principal->username, now).affected == 0) {
        c.query(kRate, mid, *year, level, req.principal->username, now);
      }
      audit.record(c, {req.principal->username, "group.member_rate", "group", std::to_string(id), g.unit_path, g.unit_code, "",
                       req.request_id, "{\"member\":" + std::to_string(mid) + ",\"year\":" + std::to_string(*year) + "}"});
      return members_json(c, rules, kind, id);
    });
    return http::Response::json(out);
  });
}

}  // namespace antq::groups
