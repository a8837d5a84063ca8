#pragma once
// Opinions sent online by citizens (/gop-y), without login. Refusals speak to a citizen (no API
// field names in the message) and still name the field in `field`.
#include <memory>
#include <string>

#include "core/rate_limiter.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::opinions {

struct CitizenOpinion {
  std::string unit, topic, content;  // checked for shape by the route
};

class PublicOpinions {
 public:
  PublicOpinions(registers::RegisterService& opinions, db::Database& db) : opinions_(opinions), db_(db) {}
  // For a commune or a village (a province or district is refused: the opinion must reach the
  // people who can act on it). Recorded as source "online", received today.
  registers::Record receive(const CitizenOpinion& in, const std::string& request_id);

 private:
  registers::RegisterService& opinions_;
  db::Database& db_;
};

// POST /api/v1/public/opinions {"unit","topic","content"}, rate-limited per client address
// (`per_hour` ≤ 0: no limit; setting public_opinions_per_hour).
void register_public_route(http::Router& router, PublicOpinions& opinions, int per_hour, std::shared_ptr<WindowCounts> windows);

}  // namespace antq::opinions
