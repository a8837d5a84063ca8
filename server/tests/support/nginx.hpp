#pragma once
// A real nginx (Debian's, installed by scripts/install-deps.sh) in front of a test server, with the
// shipped site configuration (deploy/nginx/antq-site.conf), on a free loopback port.
#include <cstdint>
#include <filesystem>
#include <string>

namespace antq::test {

class Nginx {
 public:
  // Throws std::runtime_error (with nginx's error log) when it cannot start.
  explicit Nginx(std::uint16_t upstream_port);
  ~Nginx();
  Nginx(const Nginx&) = delete;
  Nginx& operator=(const Nginx&) = delete;
  std::uint16_t port() const { return port_; }

 private:
  std::filesystem::path dir_;
  int pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace antq::test
