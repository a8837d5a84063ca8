#include "modules/groups/team_rules.hpp"

#include <charconv>
#include <chrono>

#include "core/errors.hpp"
#include "core/time.hpp"

namespace antq::groups {

namespace bj = boost::json;

namespace {
int setting(db::Connection& c, const char* key, int fallback) {
  auto r = c.query("SELECT value FROM settings WHERE key = $1", std::string(key));
  if (r.rows.empty()) return fallback;
  int v = fallback;
  const std::string s = r.rows[0].text(0);
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Whole months from `from` to `to` (YYYY-MM-DD).
int months_between(const std::string& from, const std::string& to) {
  const auto a = *timeutil::parse_date(from), b = *timeutil::parse_date(to);
  int m = (int(b.year()) - int(a.year())) * 12 + (int(unsigned(b.month())) - int(unsigned(a.month())));
  if (unsigned(b.day()) < unsigned(a.day())) --m;
  return m;
}
}  // namespace

TeamRules TeamRules::load(db::Connection& c) {
  TeamRules r;
  r.security_min_age = setting(c, "groups.security_team.min_age", r.security_min_age);
  r.security_max_age = setting(c, "groups.security_team.max_age", r.security_max_age);
  r.rating_min_months = setting(c, "groups.security_team.rating_min_months", r.rating_min_months);
  r.excellent_percent_of_good = setting(c, "groups.security_team.excellent_percent_of_good", r.excellent_percent_of_good);
  r.mediation_min_mediators = setting(c, "groups.mediation_team.min_mediators", r.mediation_min_mediators);
  r.mediation_min_women = setting(c, "groups.mediation_team.min_women", r.mediation_min_women);
  return r;
}

void check_member(const TeamRules& r, const std::string& kind, const std::string& team_started_on, const Member& m) {
  if (m.joined_on < team_started_on) throw BadRequest("Ngày tham gia không thể trước ngày thành lập tổ.", "joined_on");
  if (m.left_on && *m.left_on < m.joined_on) throw BadRequest("Ngày rời tổ không thể trước ngày tham gia.", "left_on");
  if (kind == "security_team") {
    if (m.role != "leader" && m.role != "deputy" && m.role != "member") {
      throw BadRequest("Thành viên Tổ bảo vệ ANTT là tổ trưởng (leader), tổ phó (deputy) hoặc tổ viên (member).", "role");
    }
    if (!m.birth_year) throw BadRequest("Cần năm sinh để kiểm tra độ tuổi tham gia Tổ bảo vệ ANTT.", "birth_year");
    const int age = std::stoi(m.joined_on.substr(0, 4)) - static_cast<int>(*m.birth_year);
    if (age < r.security_min_age || age > r.security_max_age) {
      throw BadRequest("Thành viên Tổ bảo vệ ANTT phải từ " + std::to_string(r.security_min_age) + " đến " +
                           std::to_string(r.security_max_age) + " tuổi khi tham gia (Luật 30/2023, Điều 13).",
                       "birth_year");
    }
  } else if (kind == "mediation_team") {
    if (m.role != "leader" && m.role != "mediator") {
      throw BadRequest("Thành viên tổ hòa giải là tổ trưởng (leader) hoặc hòa giải viên (mediator).", "role");
    }
    if (m.gender.empty()) throw BadRequest("Cần giới tính để kiểm tra thành phần tổ hòa giải.", "gender");
  }
}

bj::array compliance(const TeamRules& r, const std::string& kind, const std::vector<Member>& active) {
  bj::array out;
  auto add = [&](const char* rule, bool ok, std::string message) {
    out.push_back(bj::object{{"rule", rule}, {"ok", ok}, {"message", std::move(message)}});
  };
  if (kind == "mediation_team") {
    int mediators = 0, women = 0;
    for (const auto& m : active) {
      ++mediators;  // the team leader is a mediator too
      women += m.gender == "female";
    }
    add("min_mediators", mediators >= r.mediation_min_mediators,
        "Ít nhất " + std::to_string(r.mediation_min_mediators) + " hòa giải viên (hiện có " + std::to_string(mediators) + ").");
    add("min_women", women >= r.mediation_min_women,
        "Có ít nhất " + std::to_string(r.mediation_min_women) + " hòa giải viên nữ (hiện có " + std::to_string(women) + ").");
  } else if (kind == "security_team") {
    int leaders = 0;
    for (const auto& m : active) leaders += m.role == "leader";
    add("one_leader", leaders == 1, "Một tổ trưởng (hiện có " + std::to_string(leaders) + ").");
  }
  return out;
}

void check_rating(const TeamRules& r, const std::string& team_started_on, const Member& m, int year) {
  const std::string window_end = std::to_string(year) + "-11-14";
  if (months_between(team_started_on, window_end) < r.rating_min_months) {
    throw RuleViolation("Tổ hoạt động chưa đủ " + std::to_string(r.rating_min_months) + " tháng trong năm đánh giá: chưa xếp loại.");
  }
  if (months_between(m.joined_on, window_end) < r.rating_min_months) {
    throw RuleViolation("Thành viên tham gia chưa đủ " + std::to_string(r.rating_min_months) + " tháng trong năm đánh giá: chưa xếp loại.");
  }
}

void check_group(db::Connection& c, const bj::object& values, const std::string& unit_kind, std::int64_t unit_id, std::int64_t id) {
  const std::string kind(values.at("kind").as_string());
  if ((kind == "security_team" || kind == "mediation_team") && unit_kind != "village") {
    throw BadRequest("Tổ bảo vệ ANTT và tổ hòa giải được lập ở thôn, tổ dân phố.", "unit");
  }
  if (kind == "security_team" && values.at("dissolved_on").is_null()) {
    auto other = c.query(
        "SELECT id FROM movement_groups WHERE unit_id = $1 AND kind = 'security_team' AND dissolved_on IS NULL AND id <> $2", unit_id, id);
    if (!other.rows.empty()) {
      throw Conflict("Thôn, tổ dân phố này đã có Tổ bảo vệ an ninh, trật tự (mỗi thôn một tổ, Luật 30/2023).", "kind");
    }
  }
}

}  // namespace antq::groups
