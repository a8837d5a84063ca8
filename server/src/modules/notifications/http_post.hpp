#pragma once
// One JSON POST over HTTP(S) with libcurl, for the senders that call an outside API (the signed
// webhook, the news connectors). Redirects are not followed: a receiver is configured, not found.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace antq::notifications {

struct HttpAnswer {
  long status = 0;
  std::string body;  // the first 64 KiB
};

// Throws std::runtime_error naming `what` when nothing came back (refused, timed out).
HttpAnswer post_json(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                     std::chrono::milliseconds timeout, const std::string& what);

// HMAC-SHA256 of `body` with `key`, hex: the X-Antq-Signature a receiver checks ("sha256=<hex>").
std::string hmac_sha256_hex(const std::string& key, const std::string& body);

}  // namespace antq::notifications
