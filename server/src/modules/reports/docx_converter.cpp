#include "modules/reports/docx_converter.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/log.hpp"

extern char** environ;

namespace antq::reports {

namespace fs = std::filesystem;

namespace {

long env_long(const char* name, long fallback, long lo, long hi) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  const long n = std::strtol(v, &end, 10);
  return end && *end == '\0' && n >= lo && n <= hi ? n : fallback;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw ConverterUnavailable("Máy chủ không ghi được tệp tạm để tạo tệp Word; hãy báo quản trị viên.");
}

// The last lines of what LibreOffice printed, for the operator's log.
std::string tail(const fs::path& log) {
  std::string s = read_file(log);
  return s.size() > 600 ? s.substr(s.size() - 600) : s;
}

}  // namespace

DocxConverter::Options DocxConverter::from_environment() {
  Options o;
  if (const char* s = std::getenv("ANTQ_SOFFICE"); s && *s) o.soffice = s;
  o.timeout = std::chrono::milliseconds(env_long("ANTQ_DOCX_TIMEOUT_MS", 60000, 1000, 600000));
  o.slots = static_cast<int>(env_long("ANTQ_DOCX_CONCURRENCY", 1, 1, 16));
  return o;
}

DocxConverter::~DocxConverter() {
  std::error_code ec;
  if (!base_.empty()) fs::remove_all(base_, ec);
}

const fs::path& DocxConverter::base() {
  // Called with m_ held.
  if (base_.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "antq-docx-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw ConverterUnavailable("Máy chủ không tạo được thư mục tạm để tạo tệp Word; hãy báo quản trị viên.");
    base_ = tmpl;  // mkdtemp makes it 0700: the profiles and the documents stay private
  }
  return base_;
}

std::size_t DocxConverter::acquire() {
  std::unique_lock lk(m_);
  base();
  auto free_slot = [&] {
    for (std::size_t i = 0; i < busy_.size(); ++i)
      if (!busy_[i]) return i;
    return busy_.size();
  };
  if (!freed_.wait_for(lk, o_.queue_wait, [&] { return free_slot() < busy_.size(); })) {
    throw ConverterUnavailable("Máy chủ đang bận tạo các tệp Word khác; vui lòng thử lại sau ít phút.", 30);
  }
  const auto slot = free_slot();
  busy_[slot] = true;
  return slot;
}

void DocxConverter::release(std::size_t slot) {
  {
    std::lock_guard lk(m_);
    busy_[slot] = false;
  }
  freed_.notify_one();
}

std::string DocxConverter::convert(const std::string& html) {
  const auto slot = acquire();
  try {
    std::string out = run(slot, html);
    release(slot);
    return out;
  } catch (...) {
    release(slot);
    throw;
  }
}

std::string DocxConverter::run(std::size_t slot, const std::string& html) {
  const fs::path dir = base_ / ("slot-" + std::to_string(slot));
  const fs::path profile = dir / "profile", job = dir / "job", out_dir = job / "out";
  std::error_code ec;
  fs::remove_all(job, ec);
  fs::create_directories(out_dir, ec);
  if (ec) throw ConverterUnavailable("Máy chủ không tạo được thư mục tạm để tạo tệp Word; hãy báo quản trị viên.");
  const fs::path in = job / "bao-cao.html", out = out_dir / "bao-cao.docx", log_file = job / "soffice.log";
  write_file(in, html);

  std::vector<std::string> args = {o_.soffice,
                                   "--headless",
                                   "--norestore",
                                   "--nolockcheck",
                                   "--nologo",
                                   "--nodefault",
                                   "-env:UserInstallation=file://" + profile.string(),
                                   "--infilter=HTML (StarWriter)",
                                   "--convert-to",
                                   "docx:MS Word 2007 XML",
                                   "--outdir",
                                   out_dir.string(),
                                   in.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The server's environment, with HOME in the slot (LibreOffice writes there) and no display.
  std::vector<std::string> env_store;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "HOME=", 5) != 0 && std::strncmp(*e, "DISPLAY=", 8) != 0) env_store.emplace_back(*e);
  }
  env_store.push_back("HOME=" + dir.string());
  env_store.push_back("SAL_USE_VCLPLUGIN=svp");
  std::vector<char*> envp;
  for (auto& e : env_store) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  // The server's sockets and files are not LibreOffice's business (and a listening socket held by
  // a child would outlive a restart).
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGINT);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);  // its own group: a timeout kills soffice.bin too
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const auto started = std::chrono::steady_clock::now();
  const int rc = posix_spawnp(&pid, o_.soffice.c_str(), &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    log::error("docx_converter_missing", {{"soffice", o_.soffice}, {"error", std::strerror(rc)}});
    throw ConverterUnavailable(
        "Máy chủ chưa cài LibreOffice (gói libreoffice-writer-nogui) nên chưa tạo được tệp Word; hãy báo quản trị viên. "
        "Bản in và tệp Excel vẫn dùng được.",
        3600);
  }

  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() - started > o_.timeout) {
      kill(-pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      fs::remove_all(profile, ec);  // a killed LibreOffice may leave its profile half written
      log::warn("docx_converter_timeout", {{"ms", static_cast<std::int64_t>(o_.timeout.count())}});
      throw ConverterUnavailable("Tạo tệp Word quá " + std::to_string(o_.timeout.count() / 1000) +
                                     " giây nên đã dừng; vui lòng thử lại sau ít phút hoặc dùng bản in.",
                                 60);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::string docx = fs::exists(out) ? read_file(out) : std::string();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || docx.size() < 4 || docx.compare(0, 2, "PK") != 0) {
    log::error("docx_converter_failed", {{"status", status}, {"ms", static_cast<std::int64_t>(ms)}, {"output", tail(log_file)}});
    fs::remove_all(profile, ec);
    throw ConverterUnavailable("LibreOffice không tạo được tệp Word lần này; vui lòng thử lại sau ít phút hoặc dùng bản in.", 60);
  }
  log::info("docx_converted", {{"ms", static_cast<std::int64_t>(ms)}, {"bytes", static_cast<std::int64_t>(docx.size())}});
  fs::remove_all(job, ec);
  return docx;
}

}  // namespace antq::reports
