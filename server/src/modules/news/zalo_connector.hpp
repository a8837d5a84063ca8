#pragma once
// Posts a news message to a Zalo group through a Zalo-OA-style API (issue 15): a JSON POST in the
// shape of Zalo OA's group message call, {"recipient": {"group_id"}, "message": {"text"}}, with the
// OA's access token in the `access_token` header and an HMAC of the body in X-Antq-Signature, to a
// configured HTTPS endpoint (plain HTTP only on loopback, for a local gateway or a test stub). The
// answer is Zalo's: {"error": 0} when sent, another code with a message when not.
#include <chrono>
#include <string>

namespace antq::news {

struct ZaloOptions {
  std::string url;           // "" : no connector (group broadcasts are recorded, not sent)
  std::string access_token;  // the OA's token
  std::string secret;        // signs the body (X-Antq-Signature: sha256=<hex>)
  std::chrono::milliseconds timeout{std::chrono::seconds(15)};
};

// Throws OperatorError for a URL that is neither https:// nor http:// on loopback.
void check_zalo_options(const ZaloOptions& o);

class ZaloConnector {
 public:
  explicit ZaloConnector(ZaloOptions o) : o_(std::move(o)) {}
  bool configured() const { return !o_.url.empty(); }
  // Throws notifications::DeliveryFailed (permanent for a 4xx answer: retrying will not help).
  void send(const std::string& group_id, const std::string& text) const;

 private:
  ZaloOptions o_;
};

}  // namespace antq::news
