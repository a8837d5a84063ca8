#include "modules/notifications/webhook_sender.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/crypto.hpp"

namespace antq::notifications {

namespace {
std::once_flag curl_once;
std::size_t discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

std::string hmac_hex(const std::string& key, const std::string& body) {
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  crypto_auth_hmacsha256_final(&st, out);
  return crypto::to_hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}
}  // namespace

WebhookSender::WebhookSender(std::string signing_secret, std::chrono::milliseconds timeout)
    : secret_(std::move(signing_secret)), timeout_(timeout) {
  std::call_once(curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void WebhookSender::send(const OutgoingMessage& m) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("libcurl: không khởi tạo được");
  struct curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
  headers = curl_slist_append(headers, ("X-Antq-Event: " + m.event).c_str());
  if (!secret_.empty()) headers = curl_slist_append(headers, ("X-Antq-Signature: sha256=" + hmac_hex(secret_, m.payload)).c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> guard(headers, curl_slist_free_all);
  char err[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl.get(), CURLOPT_URL, m.target.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, m.payload.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(m.payload.size()));
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, err);
  const CURLcode rc = curl_easy_perform(curl.get());
  if (rc != CURLE_OK) throw std::runtime_error(std::string("webhook ") + m.target + ": " + (err[0] ? err : curl_easy_strerror(rc)));
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) throw std::runtime_error("webhook " + m.target + ": HTTP " + std::to_string(status));
}

}  // namespace antq::notifications
