#pragma once
// A deliberately plain HTTP/1.1 client over a POSIX socket, so tests can send anything —
// including malformed requests a real client library would refuse to send.
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace antq::test {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value json() const;
  std::string header(const std::string& lower) const {
    auto it = headers.find(lower);
    return it == headers.end() ? "" : it->second;
  }
};

// Sends raw bytes and reads one response (the request should say Connection: close).
HttpReply send_raw(std::uint16_t port, const std::string& bytes);

HttpReply request(std::uint16_t port, const std::string& method, const std::string& target, const std::string& body = {},
                  const std::map<std::string, std::string>& headers = {});

inline HttpReply get(std::uint16_t port, const std::string& target) { return request(port, "GET", target); }

// Opens a connection and returns its file descriptor (for slow or partial sends).
int connect_to(std::uint16_t port);
// Whether the peer closed `fd` within `timeout` (reads and discards whatever arrives).
bool closed_within(int fd, std::chrono::milliseconds timeout);

}  // namespace antq::test
