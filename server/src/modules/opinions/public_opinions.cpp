#include "modules/opinions/public_opinions.hpp"

#include <memory>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/rate_limiter.hpp"
#include "core/time.hpp"

namespace antq::opinions {

namespace bj = boost::json;

void register_public_route(http::Router& router, registers::RegisterService& opinions, int per_hour) {
  auto limiter = std::make_shared<RateLimiter>(per_hour, std::chrono::hours(1));
  router.add({"POST", "/api/v1/public/opinions"}, [&opinions, limiter](http::Request& req) {
    if (limiter->enabled()) {
      if (int wait = limiter->acquire(req.client_ip)) {
        throw ApiError(429, "rate_limited", "Bạn đã gửi quá nhiều ý kiến, vui lòng thử lại sau.").with_retry_after(wait);
      }
    }
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"unit", "topic", "content"});
    bj::object body{{"unit", in.required_string("unit", 40)},
                    {"topic", in.required_string("topic", 40)},
                    {"content", in.required_string("content", 2000)},
                    {"source", "online"},
                    {"received_on", timeutil::today_vietnam()}};
    // The public writes as a caller with only this permission and the whole country in scope.
    http::Principal citizen;
    citizen.username = "public";
    citizen.role = "public";
    citizen.permissions = {"opinions.write"};
    const auto r = opinions.create(citizen, body, req.request_id);
    return http::Response::json(bj::object{{"id", std::to_string(r.id)}, {"received_on", r.values.at("received_on")}}, 201);
  });
}

}  // namespace antq::opinions
