#include "support/nginx.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/http_client.hpp"
#include "support/test_database.hpp"

extern char** environ;

namespace antq::test {

namespace {

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Nginx::Nginx(std::uint16_t upstream_port) {
  const char* binary = "/usr/sbin/nginx";
  if (::access(binary, X_OK) != 0) throw std::runtime_error("nginx not found at /usr/sbin/nginx: run scripts/install-deps.sh");
  dir_ = std::filesystem::temp_directory_path() / ("antq-nginx-" + std::to_string(::getpid()) + "-" + std::to_string(upstream_port));
  std::filesystem::create_directories(dir_ / "tmp");
  port_ = free_port();
  const std::string d = dir_.string();
  std::ofstream(dir_ / "nginx.conf") << "daemon off;\nmaster_process off;\nworker_processes 1;\npid " << d << "/nginx.pid;\n"
                                     << "error_log " << d << "/error.log warn;\nevents { worker_connections 64; }\nhttp {\n"
                                     << "  access_log off;\n  client_body_temp_path " << d << "/tmp/body;\n  proxy_temp_path " << d
                                     << "/tmp/proxy;\n  fastcgi_temp_path " << d << "/tmp/fcgi;\n  uwsgi_temp_path " << d
                                     << "/tmp/uwsgi;\n  scgi_temp_path " << d << "/tmp/scgi;\n"
                                     << "  upstream antq { server 127.0.0.1:" << upstream_port << "; keepalive 8; }\n"
                                     << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    include " << source_dir()
                                     << "/deploy/nginx/antq-site.conf;\n  }\n}\n";
  const std::string conf = (dir_ / "nginx.conf").string();
  const std::string err = (dir_ / "error.log").string();
  std::vector<std::string> args{binary, "-p", d, "-c", conf, "-e", err};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (::posix_spawn(&pid_, binary, nullptr, nullptr, argv.data(), environ) != 0) throw std::runtime_error("cannot start nginx");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("nginx exited at start:\n" + slurp(dir_ / "error.log"));
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port_);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    if (up) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("nginx did not listen within 10 s:\n" + slurp(dir_ / "error.log"));
}

Nginx::~Nginx() {
  if (pid_ > 0) {
    ::kill(pid_, SIGQUIT);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace antq::test
