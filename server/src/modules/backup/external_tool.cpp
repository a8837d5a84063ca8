#include "modules/backup/external_tool.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/errors.hpp"

extern char** environ;

namespace antq::backup {

namespace fs = std::filesystem;

namespace {

// A temporary file that is removed with its owner.
struct TempFile {
  std::string path;
  int fd = -1;
  TempFile() {
    std::string tmpl = (fs::temp_directory_path() / "antq-tool-XXXXXX").string();
    fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw OperatorError("Không tạo được tệp tạm trong " + fs::temp_directory_path().string() + ".");
    path = tmpl;
  }
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    ::unlink(path.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::string read() const {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
};

int major_of(const fs::path& dir) {
  try {
    return std::stoi(dir.filename().string());
  } catch (const std::exception&) {
    return -1;
  }
}

std::string quoted(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

}  // namespace

std::string pg_tool(const std::string& name) {
  if (const char* dir = std::getenv("ANTQ_PG_BINDIR"); dir && *dir) return (fs::path(dir) / name).string();
  int best = -1;
  std::string found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const fs::path bin = e.path() / "bin" / name;
    if (major_of(e.path()) > best && fs::exists(bin, ec)) {
      best = major_of(e.path());
      found = bin.string();
    }
  }
  return found.empty() ? name : found;
}

ToolResult run_tool(const std::string& program, const std::vector<std::string>& args, const std::string& password) {
  TempFile out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fd, STDERR_FILENO);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    if (!std::string_view(*e).starts_with("PGPASSWORD=")) env_strings.emplace_back(*e);
  }
  if (!password.empty()) env_strings.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp, argv;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> all = {program};
  all.insert(all.end(), args.begin(), args.end());
  for (auto& s : all) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    throw OperatorError("Không chạy được '" + program + "': cài gói postgresql-client (scripts/install-deps.sh) hoặc đặt ANTQ_PG_BINDIR.");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ToolResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.out = out.read();
  r.err = err.read();
  return r;
}

PgTarget pg_target(const std::string& url) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> opts(PQconninfoParse(url.c_str(), &error), &PQconninfoFree);
  if (!opts) {
    const std::string why = error ? error : "";
    PQfreemem(error);
    throw OperatorError("Địa chỉ PostgreSQL không hợp lệ: " + last_line(why));
  }
  PgTarget t;
  for (const PQconninfoOption* o = opts.get(); o->keyword; ++o) {
    if (!o->val) continue;
    if (std::string_view(o->keyword) == "password") t.password = o->val;
    else t.conninfo += (t.conninfo.empty() ? "" : " ") + std::string(o->keyword) + "=" + quoted(o->val);
  }
  return t;
}

std::string last_line(const std::string& text) {
  std::istringstream in(text);
  std::string line, last;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  }
  return last;
}

}  // namespace antq::backup
