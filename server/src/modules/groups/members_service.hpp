#pragma once
// A group's member list (C6): members checked against the law (team_rules.hpp) when they join or
// change, yearly ratings of a security team, all scoped through the group (the register's own
// scope rules) and audited. A group with a member list keeps members_count equal to its active
// members.
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/groups/team_rules.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::groups {

struct MemberChange {
  std::optional<std::string> role;
  std::optional<std::string> left_on;
};

class MembersService {
 public:
  MembersService(registers::RegisterService& groups, db::Database& db, const audit::AuditLog& audit)
      : groups_(groups), db_(db), audit_(audit) {}
  const registers::Spec& spec() const { return groups_.spec(); }

  // Each answers the whole list afterwards: {"items": [...], "checks": [...]}.
  boost::json::object list(const http::Principal& who, std::int64_t group_id);
  boost::json::object add(const http::Principal& who, std::int64_t group_id, const Member& m, const std::string& request_id);
  // Inside the caller's transaction, without an audit entry of their own (the importer audits its
  // batch): a member of a group in the caller's area, checked against the law (its id); and its
  // removal, refused (RuleViolation) once the member was rated, false when gone or out of scope.
  std::int64_t add_in(db::Connection& c, const http::Principal& who, std::int64_t group_id, const Member& m) const;
  bool remove_in(db::Connection& c, const http::Principal& who, std::int64_t member_id) const;
  bool has_in(db::Connection& c, const http::Principal& who, std::int64_t member_id) const;
  boost::json::object change(const http::Principal& who, std::int64_t group_id, std::int64_t member_id, const MemberChange& ch,
                             const std::string& request_id);
  boost::json::object rate(const http::Principal& who, std::int64_t group_id, std::int64_t member_id, std::int64_t year,
                           const std::string& level, const std::string& request_id);

 private:
  registers::RegisterService& groups_;
  db::Database& db_;
  const audit::AuditLog& audit_;
};

}  // namespace antq::groups
