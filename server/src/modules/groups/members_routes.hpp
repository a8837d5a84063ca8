#pragma once
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::groups {

// /api/v1/groups/{id}/members (GET, POST), /members/{mid} (PATCH), /members/{mid}/ratings (POST):
// member lists checked against the law (team_rules.hpp), scoped through the group, audited. A
// group with a member list keeps members_count equal to its active members.
void register_member_routes(http::Router& router, registers::RegisterService& groups, db::Database& db,
                            const audit::AuditLog& audit);

}  // namespace antq::groups
