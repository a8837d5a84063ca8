#pragma once
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::opinions {

// POST /api/v1/public/opinions {"unit","topic","content"}: a citizen's opinion sent online, without
// login, for a commune or a village (a province or district is refused: the opinion must reach the
// people who can act on it), rate-limited per client address (`per_hour` ≤ 0: no limit; setting
// public_opinions_per_hour). Recorded as source "online". Refusals speak to a citizen (no API field
// names in the message) and still name the field in `field`.
void register_public_route(http::Router& router, registers::RegisterService& opinions, db::Database& db, int per_hour);

}  // namespace antq::opinions
