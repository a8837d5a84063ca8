#pragma once
#include "http/router.hpp"
#include "modules/groups/members_service.hpp"

namespace antq::groups {

// /api/v1/groups/{id}/members (GET, POST), /members/{mid} (PATCH), /members/{mid}/ratings (POST):
// the shape of what is sent is checked here, the rules in MembersService.
void register_member_routes(http::Router& router, MembersService& members);

}  // namespace antq::groups
