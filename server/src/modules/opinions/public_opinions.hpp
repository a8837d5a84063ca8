#pragma once
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::opinions {

// POST /api/v1/public/opinions {"unit","topic","content"}: a citizen's opinion sent online, without
// login, rate-limited per client address (`per_hour` ≤ 0: no limit). Recorded as source "online".
void register_public_route(http::Router& router, registers::RegisterService& opinions, int per_hour);

}  // namespace antq::opinions
