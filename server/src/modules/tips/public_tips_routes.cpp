#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "http/params.hpp"
#include "modules/media/media.hpp"
#include "modules/tips/tip_input.hpp"
#include "modules/tips/tip_json.hpp"
#include "modules/tips/tips_routes.hpp"

namespace antq::tips {

namespace bj = boost::json;

namespace {

std::string secret_header(const http::Request& req) {
  const auto s = req.header("x-tip-secret");
  // Same answer as a wrong secret: a missing header reveals nothing either.
  if (s.empty() || s.size() > 64) throw NotFound("Không tìm thấy tin báo, hoặc mã bí mật không đúng.");
  return std::string(s);
}

http::Response no_content() {
  http::Response r;
  r.status = 204;
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace

// Every route here is public: citizens have no account (a tip's code and secret guard what is theirs).
void register_public_routes(http::Router& router, TipsService& service) {
  // The tip form's first read: cached while nothing is written (http/response_cache.hpp).
  router.add(http::cached_public_read("/api/v1/public/tip-categories", 300), [&service](http::Request& req) {
    bj::array items;
    for (const auto& c : service.categories_for(http::text_param(req, "unit", 40))) items.push_back(category_json(c));
    return http::Response::json(bj::object{{"items", std::move(items)}});
  });

  // On a worker: with several instances the flood count it reads is in the database.
  router.add({"GET", "/api/v1/public/challenge", http::Access::public_}, [&service](http::Request& req) {
    auto ch = service.challenge(http::text_param(req, "unit", 40));
    http::Response r =
        http::Response::json(ch ? bj::object{{"required", true}, {"token", ch->token}, {"bits", ch->bits}, {"expires_in", ch->expires_in}}
                                : bj::object{{"required", false}});
    r.header("Cache-Control", "no-store");
    return r;
  });

  router.add({"POST", "/api/v1/public/tips", http::Access::public_}, [&service](http::Request& req) {
    const int proven_bits = service.admit_public_tip(req.client_ip, req.header("x-challenge"));
    const NewTip tip = parse_new_tip(json::parse_object(req.body), true);
    http::Response r = http::Response::json(submitted_json(service.submit_public(tip, proven_bits)), 201);
    r.header("Cache-Control", "no-store");
    return r;
  });

  router.add({"GET", "/api/v1/public/tips/{code}", http::Access::public_}, [&service](http::Request& req) {
    service.admit_follow_up(req.client_ip);
    http::Response r = http::Response::json(reporter_view_json(service.track(req.param("code"), secret_header(req))));
    r.header("Cache-Control", "no-store");
    return r;
  });

  router.add({"POST", "/api/v1/public/tips/{code}/messages", http::Access::public_}, [&service](http::Request& req) {
    service.admit_follow_up(req.client_ip);
    const std::string secret = secret_header(req);
    const std::string body = parse_message(json::parse_object(req.body));
    return http::Response::json(public_message_json(service.reporter_message(req.param("code"), secret, body)), 201);
  });

  // E-mail when the tip changes. Not idempotent-stored: the body holds an address, the store
  // would keep a fingerprint of it (and asking twice changes nothing anyway).
  http::RouteSpec subscribe{"POST", "/api/v1/public/tips/{code}/notify", http::Access::public_};
  subscribe.idempotent = false;
  router.add(subscribe, [&service](http::Request& req) {
    service.admit_follow_up(req.client_ip);
    const std::string secret = secret_header(req);
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"email"});
    const auto it = obj.find("email");
    if (it == obj.end() || !it->value().is_string()) throw BadRequest("Hãy nhập địa chỉ email.", "email");
    // Checked here rather than by the generic reader, whose messages would quote the value.
    const std::string email = text::trim(std::string(it->value().as_string()));
    service.subscribe_updates(req.param("code"), secret, email);
    return no_content();
  });

  router.add({"DELETE", "/api/v1/public/tips/{code}/notify", http::Access::public_}, [&service](http::Request& req) {
    service.admit_follow_up(req.client_ip);
    service.unsubscribe_updates(req.param("code"), secret_header(req));
    return no_content();
  });

  // The e-mail's one-click link: `{"token"}` from the page /huy-nhan-tin, or `?token=` with the
  // form body "List-Unsubscribe=One-Click" that mail clients POST (RFC 8058).
  http::RouteSpec unsubscribe{"POST", "/api/v1/public/notifications/unsubscribe", http::Access::public_};
  unsubscribe.idempotent = false;  // the token is a credential: no stored copy or fingerprint
  router.add(unsubscribe, [&service](http::Request& req) {
    service.admit_follow_up(req.client_ip);
    auto token = http::text_param(req, "token", 200);
    if (!token) {
      const auto obj = json::parse_object(req.body);
      const json::ObjectReader in(obj);
      in.allow_only({"token"});
      token = in.required_string("token", 200);
    }
    service.unsubscribe_by_token(*token);
    return no_content();
  });

  http::RouteSpec upload{"POST", "/api/v1/public/tips/{code}/attachments", http::Access::public_};
  upload.upload_limit = media::kMaxAttachmentBytes;
  upload.idempotent = false;  // the body is a file, not part of a fingerprint
  upload.admit = [&service](http::Request& req) {
    service.admit_follow_up(req.client_ip);
    service.admit_reporter_upload(req.param("code"), secret_header(req));
  };
  router.add(upload, [&service](http::Request& req) {
    const std::string secret = secret_header(req);
    const bool keep = http::bool_param(req, "keep_location");
    return http::Response::json(public_attachment_json(service.reporter_attachment(req.param("code"), secret, req.body_file, keep)), 201);
  });
}

}  // namespace antq::tips
