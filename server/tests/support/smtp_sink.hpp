#pragma once
// A real SMTP server on a free loopback port (smtp_sink.py, Debian's python3-aiosmtpd, installed by
// scripts/install-deps.sh) that writes every message it receives to a temporary directory.
#include <boost/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace antq::test {

// A loopback port nothing listens on now (for a server that is down, or one started later).
std::uint16_t free_loopback_port();

class SmtpSink {
 public:
  // Throws std::runtime_error when it cannot start. `port` 0: a free one.
  explicit SmtpSink(std::uint16_t port = 0);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  std::uint16_t port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // The messages received so far, oldest first: {"mail_from","rcpt_tos","headers":[[name,value]…],
  // "subject","text"} with the subject and text decoded.
  std::vector<boost::json::object> messages() const;
  // The raw bytes of message `n` (1-based) as sent.
  std::string raw(std::size_t n) const;
  // Waits until at least `n` messages arrived (or the timeout passed); returns the messages.
  std::vector<boost::json::object> wait_for(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;

 private:
  std::filesystem::path dir_;
  int pid_ = -1;
  std::uint16_t port_ = 0;
};

// The value of header `name` (case-insensitive) of a message from SmtpSink::messages(), or "".
std::string mail_header(const boost::json::object& message, const std::string& name);

}  // namespace antq::test
