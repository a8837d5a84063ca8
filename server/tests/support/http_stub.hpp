#pragma once
// A tiny HTTP receiver on a free loopback port for tests of outgoing calls (webhooks, the news
// connectors): each request, read whole (headers and Content-Length body), goes to `answer`, which
// returns the status line's code and the JSON body to reply with. One request per connection.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <utility>

namespace antq::test {

class HttpStub {
 public:
  // (request as received: request line, headers, blank line, body) → (status, body)
  using Answer = std::function<std::pair<int, std::string>(const std::string& request)>;
  explicit HttpStub(Answer answer);
  ~HttpStub();
  HttpStub(const HttpStub&) = delete;
  HttpStub& operator=(const HttpStub&) = delete;
  std::uint16_t port() const { return port_; }

 private:
  void run();
  Answer answer_;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// A header's value in a raw request ("" when absent); `name` as sent (case-sensitive).
std::string request_header(const std::string& request, const std::string& name);
// The body of a raw request.
std::string request_body(const std::string& request);

}  // namespace antq::test
