#include "modules/groups/members_repository.hpp"

#include "core/time.hpp"
#include "modules/groups/members_repository.sql.hpp"

namespace antq::groups::members_repo {

namespace {

using namespace antq::sql::groups::members_repository;  // the statements: members_repository.sql

db::Value text_or_null(const std::string& s) { return s.empty() ? db::Value(nullptr) : db::Value(s); }

}  // namespace

std::vector<Member> list(db::Connection& c, std::int64_t group_id) {
  std::vector<Member> out;
  for (const auto& r : c.query(kMembers, group_id).rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.is_null(3) ? "" : r.text(3), r.opt_integer(4), r.text(5), r.opt_text(6)});
  }
  return out;
}

std::map<std::int64_t, std::map<std::string, std::string>> ratings(db::Connection& c, std::int64_t group_id) {
  std::map<std::int64_t, std::map<std::string, std::string>> out;
  for (const auto& r : c.query(kRatings, group_id).rows) out[r.integer(0)][std::to_string(r.integer(1))] = r.text(2);
  return out;
}

std::int64_t insert(db::Connection& c, std::int64_t group_id, const Member& m, const std::string& created_by) {
  return c
      .query(kInsert, group_id, m.name, m.role, text_or_null(m.gender), m.birth_year ? db::Value(*m.birth_year) : db::Value(nullptr),
             m.joined_on, m.left_on ? db::Value(*m.left_on) : db::Value(nullptr), created_by, timeutil::now_utc())
      .rows[0]
      .integer(0);
}

void update(db::Connection& c, const Member& m) { c.query(kUpdate, m.id, m.role, m.left_on ? db::Value(*m.left_on) : db::Value(nullptr)); }

void sync_count(db::Connection& c, std::int64_t group_id) { c.query(kSyncCount, group_id); }

void rate(db::Connection& c, std::int64_t member_id, std::int64_t year, const std::string& level, const std::string& rated_by) {
  const std::string now = timeutil::now_utc();
  if (c.query(kRerate, member_id, year, level, rated_by, now).affected == 0) c.query(kRate, member_id, year, level, rated_by, now);
}

std::optional<Owned> find_any(db::Connection& c, std::int64_t member_id) {
  auto r = c.query(kGroupOfMember, member_id);
  if (r.rows.empty()) return std::nullopt;
  return Owned{r.rows[0].integer(0), r.rows[0].integer(1)};
}

void remove(db::Connection& c, std::int64_t member_id) { c.query(kRemove, member_id); }

}  // namespace antq::groups::members_repo
