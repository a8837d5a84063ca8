#include "support/smtp_sink.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/test_database.hpp"

extern char** environ;

namespace antq::test {

namespace {

std::uint16_t unused_port() {
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
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool listening(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return up;
}

}  // namespace

std::uint16_t free_loopback_port() { return unused_port(); }

SmtpSink::SmtpSink(std::uint16_t port) {
  // Debian's interpreter: the one with python3-aiosmtpd (a python3 earlier in PATH may lack it).
  const char* python = "/usr/bin/python3";
  const std::string script = source_dir() + "/server/tests/support/smtp_sink.py";
  dir_ = std::filesystem::temp_directory_path() / ("antq-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(unused_port()));
  std::filesystem::create_directories(dir_);
  port_ = port ? port : unused_port();
  std::vector<std::string> args{python, script, "--dir", (dir_ / "mail").string(), "--port", std::to_string(port_)};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string log = (dir_ / "sink.log").string();
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  const int rc = ::posix_spawn(&pid_, python, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start the SMTP sink (/usr/bin/python3)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the SMTP sink exited at start (is python3-aiosmtpd installed?):\n" + slurp(log));
    }
    if (listening(port_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the SMTP sink did not listen within 15 s:\n" + slurp(log));
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::vector<boost::json::object> SmtpSink::messages() const {
  std::vector<std::pair<int, boost::json::object>> found;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_ / "mail", ec)) {
    const auto name = e.path().filename().string();
    if (name.starts_with(".") || e.path().extension() != ".json") continue;
    found.emplace_back(std::stoi(e.path().stem().string()), boost::json::parse(slurp(e.path())).as_object());
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<boost::json::object> out;
  for (auto& [n, m] : found) out.push_back(std::move(m));
  return out;
}

std::string SmtpSink::raw(std::size_t n) const { return slurp(dir_ / "mail" / (std::to_string(n) + ".eml")); }

std::vector<boost::json::object> SmtpSink::wait_for(std::size_t n, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto m = messages();
    if (m.size() >= n || std::chrono::steady_clock::now() >= deadline) return m;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string mail_header(const boost::json::object& message, const std::string& name) {
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (const auto& h : message.at("headers").as_array()) {
    const auto& pair = h.as_array();
    if (lower(std::string(pair[0].as_string())) == lower(name)) return std::string(pair[1].as_string());
  }
  return "";
}

}  // namespace antq::test
