// Storage faults against the real server binary (a separate process, like durability_test.cpp):
// a disk that fills up under writes, a SQLite file locked by another process, a PostgreSQL server
// stopped and started under load. Whatever happens, a client gets 507 or 503 with Retry-After and
// a Vietnamese message, never a 500; reads keep working where the engine allows; the server
// recovers by itself; and no write that was acknowledged with 2xx is lost.
// The decision behind the codes: docs/decisions/0011-faults.md.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "app/config.hpp"
#include "core/crypto.hpp"
#include "core/keyring.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "integration/server_fixture.hpp"
#include "modules/accounts/authentication.hpp"
#include "modules/accounts/user_admin.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// ------------------------------------------------------------------ processes

struct Child {
  pid_t pid = -1;
  std::uint16_t port = 0;
};

// Runs argv with extra environment; stdout's first line is returned through `first_line` when
// asked (the server prints its address there), stderr goes to `log`.
pid_t start_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env, const fs::path& log,
                    std::string* first_line) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (err >= 0) ::dup2(err, STDERR_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  if (first_line) {
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') *first_line += c;
  }
  ::close(out[0]);
  return pid;
}

// Runs a command to completion; returns its exit status and fills `output` with its stdout.
int run_command(const std::vector<std::string>& argv, std::string& output, const std::map<std::string, std::string>& env = {}) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(out[1], STDERR_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  output.clear();
  char buf[4096];
  for (;;) {
    const auto n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    output.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void stop_process(pid_t pid) {
  if (pid <= 0) return;
  ::kill(pid, SIGTERM);
  for (int i = 0; i < 150; ++i) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(100ms);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
}

std::string script(const std::string& name) { return source_dir() + "/server/tests/faults/" + name; }

// The server as its own process, optionally behind a wrapper (unshare …); port 0, challenge and
// public rate limits off (each test exercises one thing).
Child spawn_server(std::vector<std::string> wrapper, const std::string& db_url, const std::string& key, const fs::path& attachments,
                   const fs::path& log) {
  std::vector<std::string> argv = std::move(wrapper);
  // ANTQ_TEST_SERVER_BIN runs these tests against another build of the server (an older one, to
  // see them fail without the fixes they check).
  const char* other = std::getenv("ANTQ_TEST_SERVER_BIN");
  argv.emplace_back(other && *other ? other : ANTQ_BINARY);
  for (const char* a : {"serve", "--db"}) argv.emplace_back(a);
  argv.push_back(db_url);
  argv.emplace_back("--listen");
  argv.emplace_back("127.0.0.1:0");
  std::string line;
  const pid_t pid = start_process(argv,
                                  {{"ANTQ_DATA_KEY", key},
                                   {"ANTQ_PUBLIC_CHALLENGE", "off"},
                                   {"ANTQ_PUBLIC_RATE_LIMIT", "off"},
                                   {"ANTQ_LOG_LEVEL", "warn"},
                                   {"ANTQ_ATTACHMENTS_DIR", attachments.string()}},
                                  log, &line);
  std::smatch m;
  if (!std::regex_search(line, m, std::regex(":(\\d+)$"))) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    std::ifstream in(log);
    std::stringstream ss;
    ss << in.rdbuf();
    throw std::runtime_error("server did not start: '" + line + "'\n" + ss.str());
  }
  return {pid, static_cast<std::uint16_t>(std::stoi(m[1]))};
}

// ------------------------------------------------------------------ HTTP with a long patience

// The shared test client waits 10 s for an answer; a write that waits out SQLite's busy timeout
// (10 s) needs longer. One request per connection, the answer read until the server closes.
HttpReply call(std::uint16_t port, const std::string& method, const std::string& target, const std::string& body = {},
               const std::map<std::string, std::string>& headers = {}, std::chrono::seconds patience = 40s) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (method == "POST" || !body.empty()) {
    if (!headers.contains("Content-Type")) req += "Content-Type: application/json\r\n";
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  const int fd = connect_to(port);
  for (std::size_t sent = 0; sent < req.size();) {
    const auto n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer before reading everything
    sent += static_cast<std::size_t>(n);
  }
  const auto deadline = std::chrono::steady_clock::now() + patience;
  std::string raw;
  char buf[65536];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (::poll(&p, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) break;
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  HttpReply r;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos || raw.size() < 12) return r;  // status 0: no answer
  r.status = std::stoi(raw.substr(9, 3));
  r.body = raw.substr(head_end + 4);
  std::istringstream lines(raw.substr(0, head_end));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
  }
  return r;
}

struct Tip {
  std::string code, secret;
};

std::string tip_body(const std::string& tag) {
  return boost::json::serialize(
      boost::json::object{{"unit", "21220-001"},
                          {"category", "drugs"},
                          {"description", "Tin báo kiểm tra sự cố lưu trữ số " + tag + ": nhóm người lạ tụ tập ở bãi đất trống cuối thôn."},
                          {"anonymous", true}});
}

// What every fault answer must look like: the status, a Retry-After, a Vietnamese message.
void expect_fault_answer(const HttpReply& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_FALSE(r.header("retry-after").empty()) << "no Retry-After on " << r.status;
  if (r.status == status) {
    const auto err = r.json().at("error").as_object();
    EXPECT_EQ(err.at("code").as_string(), code);
    EXPECT_NE(std::string(err.at("message").as_string()).find("lại sau"), std::string::npos) << r.body;
  }
}

// A database with the schema, the small unit list, the demo villages and a national admin;
// returns an API token for that admin.
std::string prepare_database(db::Database& db, const std::string& key_hex) {
  db::migrate(db);
  units::import_units(db, kSmallList, "vn-2tier");
  const auto keys = crypto::Keyring::from_hex(key_hex);
  audit::AuditLog log(keys);
  units::seed_demo(db, log);
  app::Config config;
  config.data_key = key_hex;
  accounts::UserAdmin(db, log).add_user({"quantri", ServerFixture::kPassword, "admin", std::nullopt, ""});
  accounts::Authentication svc(db, keys, log, app::accounts_config(config));
  return svc.create_token("quantri", std::nullopt).second;
}

fs::path fresh_dir(const std::string& what) {
  const fs::path d = fs::temp_directory_path() / ("antq-" + what + "-" + crypto::random_hex(6));
  fs::create_directories(d);
  return d;
}

bool has(const std::string& tool) {
  std::string out;
  return run_command({"sh", "-c", "command -v " + tool}, out) == 0;
}

}  // namespace

// ------------------------------------------------------------------ the disk fills up (SQLite)

// The database, its WAL and the attachments live on a 24 MiB tmpfs that only the server's mount
// namespace sees (root: `unshare --mount`; otherwise a user namespace maps us to root in it). The
// test reaches that file system through /proc/PID/root, fills it with a filler file, and enters
// the namespace with nsenter to check the database file itself.
class FaultDiskFull : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!has("unshare") || !has("nsenter") || !has("sqlite3")) {
      GTEST_SKIP() << "\n*** SKIPPED: the disk-full test needs unshare and nsenter (util-linux) and sqlite3 ***";
    }
    dir_ = fresh_dir("fault-disk");
    // Root mounts in a plain mount namespace; anyone else may map themselves to root in a user
    // namespace first, where the kernel allows it.
    const fs::path probe = dir_ / "probe";
    fs::create_directories(probe);
    std::string out;
    for (std::vector<std::string> flags :
         {std::vector<std::string>{"--mount"}, std::vector<std::string>{"--user", "--map-root-user", "--mount"}}) {
      std::vector<std::string> argv{"unshare"};
      argv.insert(argv.end(), flags.begin(), flags.end());
      for (const char* a : {
               "sh",
               "-c",
               "mount -t tmpfs -o size=1m tmpfs \"$0\"",
           })
        argv.emplace_back(a);
      argv.push_back(probe.string());
      if (run_command(argv, out) == 0) {
        unshare_ = flags;
        break;
      }
    }
    if (unshare_.empty()) {
      GTEST_SKIP() << "\n*** SKIPPED: cannot mount a small file system here: neither `unshare --mount` (root) nor "
                      "`unshare --user --map-root-user --mount` (user namespaces) is allowed: "
                   << out << " ***";
    }
  }
  void TearDown() override {
    stop_process(server_.pid);
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  // The database (schema, units, demo villages, an admin) and the attachments folder are made
  // outside, then copied onto a fresh 24 MiB tmpfs as the server starts on it.
  void start_on_small_disk() {
    key_ = crypto::random_hex(32);
    const fs::path seed = dir_ / "seed";
    disk_ = dir_ / "disk";
    fs::create_directories(disk_);
    {
      auto db = db::open("sqlite:" + (seed / "antq.db").string());
      token_ = prepare_database(*db, key_);
    }  // closed: one checkpointed file to copy
    fs::create_directories(seed / "attachments" / "incoming");
    std::vector<std::string> wrapper{"unshare"};
    wrapper.insert(wrapper.end(), unshare_.begin(), unshare_.end());
    for (const std::string& a : {std::string("sh"), script("small_disk.sh"), std::string("24m"), disk_.string(), seed.string()}) {
      wrapper.push_back(a);
    }
    db_path_ = (disk_ / "antq.db").string();
    server_ = spawn_server(wrapper, "sqlite:" + db_path_, key_, disk_ / "attachments", dir_ / "server.log");
  }
  // Large pieces, then ever smaller ones, until not one more byte fits.
  void fill_disk() {
    const int fd = ::open(on_disk("filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    ASSERT_GE(fd, 0) << on_disk("filler") << ": " << std::strerror(errno);
    const std::string block(1 << 20, 'x');
    for (std::size_t piece = block.size(); piece >= 1; piece /= 4) {
      for (;;) {
        const auto n = ::write(fd, block.data(), piece);
        if (n > 0) continue;  // whole or short: the next write tells whether anything is left
        ASSERT_EQ(n, -1);
        ASSERT_EQ(errno, ENOSPC) << std::strerror(errno);
        break;
      }
    }
    ::close(fd);
  }
  void free_disk() { fs::remove(on_disk("filler")); }

  // Runs a command inside the server's namespaces (where the small disk is mounted).
  int in_namespace(const std::vector<std::string>& cmd, std::string& out, const std::map<std::string, std::string>& env = {}) {
    std::vector<std::string> argv{"nsenter", "-t", std::to_string(server_.pid), "-m"};
    // In a user namespace made with --map-root-user, setgroups is denied: keep our credentials
    // (our uid is root in there anyway).
    if (unshare_.size() > 1) argv.insert(argv.begin() + 3, {"-U", "--preserve-credentials"});
    argv.insert(argv.end(), cmd.begin(), cmd.end());
    return run_command(argv, out, env);
  }
  // The small disk as the test process sees it.
  fs::path on_disk(const std::string& name) const {
    return fs::path("/proc") / std::to_string(server_.pid) / "root" / (disk_.relative_path() / name);
  }

  fs::path dir_, disk_;
  std::string key_, token_, db_path_;
  std::vector<std::string> unshare_;
  Child server_;
};

TEST_F(FaultDiskFull, WritesGet507ReadsWorkNothingAcknowledgedIsLostAndWritesResume) {
  start_on_small_disk();
  const std::string& token = token_;
  const std::string& key = key_;
  const std::string& db_path = db_path_;
  const auto staff = bearer(token);

  std::vector<Tip> acknowledged;
  auto post_tip = [&](const std::string& tag) {
    auto r = call(server_.port, "POST", "/api/v1/public/tips", tip_body(tag));
    if (r.status == 201) {
      acknowledged.push_back({std::string(r.json().at("tracking_code").as_string()), std::string(r.json().at("secret").as_string())});
    }
    return r;
  };
  for (int i = 0; i < 10; ++i) ASSERT_EQ(post_tip("truoc-" + std::to_string(i)).status, 201);
  // Staff at work before the disk fills. (Their token's "last used" is written at most once a
  // minute: that bookkeeping write is the accounts module's to make best-effort, see issue 12.)
  auto list = call(server_.port, "GET", "/api/v1/tips?per_page=1", "", staff);
  ASSERT_EQ(list.status, 200) << list.body;
  const std::string tip_id(list.json().at("items").as_array().at(0).at("id").as_string());

  ASSERT_NO_FATAL_FAILURE(fill_disk());

  // Writes: 507 with Retry-After and a Vietnamese message. A few may still fit in WAL pages that
  // SQLite already owns; those are acknowledged and must survive like any other.
  int full = 0;
  for (int i = 0; i < 200 && full < 5; ++i) {
    auto r = post_tip("day-" + std::to_string(i));
    ASSERT_TRUE(r.status == 201 || r.status == 507) << "write while the disk is full: " << r.status << " " << r.body;
    if (r.status == 507) {
      ++full;
      expect_fault_answer(r, 507, "storage_full");
    }
  }
  ASSERT_EQ(full, 5) << "the disk never looked full to the server";
  // A staff write too (a message on a tip): the same answer.
  {
    auto r =
        call(server_.port, "POST", "/api/v1/tips/" + tip_id + "/messages", R"({"body":"Đã tiếp nhận, đang xác minh."})", json_auth(token));
    expect_fault_answer(r, 507, "storage_full");
  }

  // Reads keep working while the disk is full: a reporter's view, a staff list, the health check.
  {
    auto r =
        call(server_.port, "GET", "/api/v1/public/tips/" + acknowledged.front().code, "", {{"X-Tip-Secret", acknowledged.front().secret}});
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(call(server_.port, "GET", "/api/v1/tips?per_page=50", "", staff).status, 200);
    EXPECT_EQ(call(server_.port, "GET", "/healthz").status, 200);
  }

  // Space returns: writes resume by themselves, no restart (the first one may still be racing
  // the removal on a loaded machine: a few tries, bounded).
  free_disk();
  int status = 0;
  for (int i = 0; i < 20 && status != 201; ++i) {
    status = post_tip("sau-" + std::to_string(i)).status;
    if (status != 201) std::this_thread::sleep_for(200ms);
  }
  ASSERT_EQ(status, 201) << "writes did not resume once space returned";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(post_tip("sau-them-" + std::to_string(i)).status, 201);

  // The file itself, checked where it lives, while the server still runs.
  std::string out;
  ASSERT_EQ(in_namespace({"sqlite3", db_path, "PRAGMA integrity_check;"}, out), 0) << out;
  EXPECT_EQ(out, "ok\n");
  EXPECT_EQ(in_namespace({ANTQ_BINARY, "audit", "verify", "--db", "sqlite:" + db_path}, out, {{"ANTQ_DATA_KEY", key}}), 0) << out;
  ASSERT_EQ(in_namespace({"sqlite3", db_path, "SELECT tracking_code FROM tips;"}, out), 0) << out;
  std::set<std::string> stored;
  std::istringstream rows(out);
  for (std::string code; std::getline(rows, code);) stored.insert(code);
  std::size_t missing = 0;
  for (const auto& t : acknowledged) missing += stored.count(t.code) == 0 ? 1 : 0;
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged tips";
}

// A photo sent while the disk is full: 507 with Retry-After, not a connection cut off without an
// answer; once space returns the same upload succeeds. DISABLED until the upload path maps ENOSPC:
// the streaming of the body to attachments/incoming (server/src/http/server/server.cpp) and the
// storing of the file (modules/media/media.cpp) are being changed by others (issue 12 report says
// what each needs). Enable it with that change: it fails today (status 0, no answer).
TEST_F(FaultDiskFull, UploadWhileFullGets507AndSucceedsOnceSpaceReturns) {
  start_on_small_disk();
  auto r = call(server_.port, "POST", "/api/v1/public/tips", tip_body("anh"));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string code(r.json().at("tracking_code").as_string()), secret(r.json().at("secret").as_string());
  const std::string photo = read_source_file("server/tests/data/photo.jpg");
  ASSERT_FALSE(photo.empty());
  // A phone photo's size: the test image followed by padding after its end marker.
  const std::string body = photo + std::string(2 << 20, '\0');
  const std::map<std::string, std::string> headers{{"X-Tip-Secret", secret}, {"Content-Type", "image/jpeg"}};
  ASSERT_NO_FATAL_FAILURE(fill_disk());
  auto full = call(server_.port, "POST", "/api/v1/public/tips/" + code + "/attachments", body, headers);
  expect_fault_answer(full, 507, "storage_full");
  free_disk();
  auto ok = call(server_.port, "POST", "/api/v1/public/tips/" + code + "/attachments", body, headers);
  EXPECT_EQ(ok.status, 201) << ok.body;
}

// ------------------------------------------------------------------ SQLite locked by another process

// The sqlite3 shell holds a write transaction (BEGIN IMMEDIATE) on the server's database file,
// as a careless operator's session or a backup tool might.
TEST(FaultSqliteLocked, WritesGet503WithRetryAfterReadsWorkAndWritesSucceedAfterRelease) {
  if (!has("sqlite3")) GTEST_SKIP() << "\n*** SKIPPED: sqlite3 (the shell) is needed to hold the lock ***";
  const fs::path dir = fresh_dir("fault-lock");
  struct Cleanup {
    fs::path d;
    Child* s;
    ~Cleanup() {
      stop_process(s->pid);
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  };
  Child server;
  Cleanup cleanup{dir, &server};
  const std::string key = crypto::random_hex(32);
  const std::string db_path = (dir / "antq.db").string();
  std::string token;
  {
    auto db = db::open("sqlite:" + db_path);
    token = prepare_database(*db, key);
  }
  server = spawn_server({}, "sqlite:" + db_path, key, dir / "attachments", dir / "server.log");
  std::vector<Tip> acknowledged;
  auto post_tip = [&](const std::string& tag) {
    auto r = call(server.port, "POST", "/api/v1/public/tips", tip_body(tag));
    if (r.status == 201) {
      acknowledged.push_back({std::string(r.json().at("tracking_code").as_string()), std::string(r.json().at("secret").as_string())});
    }
    return r;
  };
  for (int i = 0; i < 5; ++i) ASSERT_EQ(post_tip("truoc-" + std::to_string(i)).status, 201);
  // Staff at work before the lock. (Their token's "last used" is written at most once a minute:
  // that bookkeeping write is the accounts module's to make best-effort, see issue 12.)
  ASSERT_EQ(call(server.port, "GET", "/api/v1/tips?per_page=20", "", bearer(token)).status, 200);

  // The other process: takes the write lock, says so, and keeps it until told to commit.
  int to_shell[2], from_shell[2];
  ASSERT_EQ(::pipe(to_shell), 0);
  ASSERT_EQ(::pipe(from_shell), 0);
  const pid_t shell = ::fork();
  if (shell == 0) {
    ::dup2(to_shell[0], STDIN_FILENO);
    ::dup2(from_shell[1], STDOUT_FILENO);
    for (int fd : {to_shell[0], to_shell[1], from_shell[0], from_shell[1]}) ::close(fd);
    ::execlp("sqlite3", "sqlite3", db_path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(to_shell[0]);
  ::close(from_shell[1]);
  // The server writes in the background too (duplicate finder, token bookkeeping): the shell waits
  // its turn for the lock, and gives up loudly (.bail) rather than pretend to hold it.
  const std::string lock = ".timeout 20000\n.bail on\nBEGIN IMMEDIATE;\nSELECT 'held';\n";
  ASSERT_EQ(::write(to_shell[1], lock.data(), lock.size()), static_cast<ssize_t>(lock.size()));
  std::string said;
  char c;
  while (said.find("held") == std::string::npos && ::read(from_shell[0], &c, 1) == 1) said += c;
  ASSERT_NE(said.find("held"), std::string::npos) << "the sqlite3 shell did not take the lock: " << said;

  // Three writes at once (one group-commit batch and the ones queued behind it) and, meanwhile,
  // reads: the writes wait out the busy timeout (10 s) and get 503; the reads do not wait (WAL).
  std::vector<HttpReply> writes(3);
  std::vector<double> write_seconds(3);
  std::vector<std::thread> writers;
  for (int i = 0; i < 3; ++i) {
    writers.emplace_back([&, i] {
      const auto t0 = std::chrono::steady_clock::now();
      writes[i] = call(server.port, "POST", "/api/v1/public/tips", tip_body("khoa-" + std::to_string(i)), {}, 60s);
      write_seconds[i] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    });
  }
  std::this_thread::sleep_for(500ms);  // the writes are waiting for the lock now
  for (int i = 0; i < 3; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = call(server.port, "GET", "/api/v1/public/tips/" + acknowledged[i].code, "", {{"X-Tip-Secret", acknowledged[i].secret}});
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_LT(s, 5.0) << "a read waited for the writer's lock";
  }
  EXPECT_EQ(call(server.port, "GET", "/api/v1/tips?per_page=20", "", bearer(token)).status, 200);
  for (auto& t : writers) t.join();
  for (int i = 0; i < 3; ++i) {
    expect_fault_answer(writes[i], 503, "storage_unavailable");
    // Bounded: the busy timeout plus, for a write queued behind the first batch, one more.
    EXPECT_LT(write_seconds[i], 30.0);
  }

  // The other process commits and leaves: writes succeed again, at once.
  const std::string release = "COMMIT;\n.quit\n";
  ASSERT_EQ(::write(to_shell[1], release.data(), release.size()), static_cast<ssize_t>(release.size()));
  ::close(to_shell[1]);
  ::close(from_shell[0]);
  ::waitpid(shell, nullptr, 0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(post_tip("sau-" + std::to_string(i)).status, 201);

  stop_process(server.pid);
  server.pid = -1;
  auto db = db::open("sqlite:" + db_path);
  std::size_t missing = 0;
  db->read([&](db::Connection& conn) {
    for (const auto& t : acknowledged) missing += conn.query("SELECT 1 FROM tips WHERE tracking_code = $1", t.code).rows.empty();
  });
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged tips";
}

// ------------------------------------------------------------------ PostgreSQL restarted under load

// A private cluster (server/tests/faults/pg_cluster.sh), stopped with `pg_ctl stop -m fast` under
// load, left down for a moment so requests certainly meet the outage, then started again on the
// same port. The cluster of scripts/with-postgres.sh is left alone: other tests use it meanwhile.
// /readyz follows: 503 while the database is down, 200 when it is back.
TEST(FaultPostgresRestart, RequestsDuringTheOutageGet503AndTheServerReconnectsByItself) {
  const auto engines = antq::test::engines();
  if (std::find(engines.begin(), engines.end(), "postgresql") == engines.end()) {
    GTEST_SKIP() << "PostgreSQL not among ANTQ_TEST_ENGINES";
  }
  const fs::path dir = fs::temp_directory_path() / ("antq-fault-pg-" + crypto::random_hex(6));
  std::string url;
  ASSERT_EQ(run_command({"bash", script("pg_cluster.sh"), "init", dir.string()}, url), 0) << url;
  url = url.substr(url.rfind("postgresql://"));
  while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
  struct Cleanup {
    fs::path d;
    Child* s;
    ~Cleanup() {
      stop_process(s->pid);
      std::string out;
      run_command({"bash", script("pg_cluster.sh"), "destroy", d.string()}, out);
    }
  };
  Child server;
  Cleanup cleanup{dir, &server};
  const std::string key = crypto::random_hex(32);
  std::string token;
  {
    auto db = db::open(url);
    token = prepare_database(*db, key);
  }
  const fs::path work = fresh_dir("fault-pg-work");
  server = spawn_server({}, url, key, work / "attachments", work / "server.log");

  std::mutex m;
  std::vector<std::string> acknowledged;
  std::map<int, int> write_statuses, read_statuses;
  std::atomic<bool> stop{false}, restarted{false};
  std::atomic<int> unavailable_with_retry{0}, ok_after_restart{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 6; ++i) {
    clients.emplace_back([&, i] {
      for (int n = 0; !stop; ++n) {
        auto r = call(server.port, "POST", "/api/v1/public/tips", tip_body(std::to_string(i) + "-" + std::to_string(n)));
        std::lock_guard g(m);
        ++write_statuses[r.status];
        if (r.status == 201) {
          acknowledged.push_back(std::string(r.json().at("tracking_code").as_string()));
          if (restarted) ++ok_after_restart;
        } else if (r.status == 503 && !r.header("retry-after").empty()) {
          ++unavailable_with_retry;
        }
      }
    });
  }
  clients.emplace_back([&] {
    while (!stop) {
      auto r = call(server.port, "GET", "/api/v1/tips?per_page=20", "", bearer(token));
      std::lock_guard g(m);
      ++read_statuses[r.status];
    }
  });
  auto count_acks = [&] {
    std::lock_guard g(m);
    return acknowledged.size();
  };
  // Load first (every pooled connection in use), then the outage.
  for (int i = 0; i < 100 && count_acks() < 100; ++i) std::this_thread::sleep_for(100ms);
  std::string out;
  ASSERT_EQ(run_command({"bash", script("pg_cluster.sh"), "stop", dir.string()}, out), 0) << out;
  // The load balancer is told: not ready while the database is down…
  const auto down = call(server.port, "GET", "/readyz");
  EXPECT_EQ(down.status, 503) << down.body;
  if (down.status == 503) {
    EXPECT_EQ(down.json().at("status"), "not_ready");
    EXPECT_EQ(down.json().at("checks").at("database").at("ok"), false) << down.body;
    EXPECT_EQ(down.json().at("checks").at("storage").at("ok"), true) << down.body;
  }
  std::this_thread::sleep_for(1500ms);
  ASSERT_EQ(run_command({"bash", script("pg_cluster.sh"), "start", dir.string()}, out), 0) << out;
  restarted = true;
  for (int i = 0; i < 100 && ok_after_restart < 50; ++i) std::this_thread::sleep_for(100ms);
  // …and ready again once it is back, without a restart of the server.
  const auto up = call(server.port, "GET", "/readyz");
  EXPECT_EQ(up.status, 200) << up.body;
  stop = true;
  for (auto& t : clients) t.join();

  std::ostringstream seen;
  for (auto& [s, n] : write_statuses) seen << " write " << s << "×" << n;
  for (auto& [s, n] : read_statuses) seen << " read " << s << "×" << n;
  // Only success or "try again": no 500, no dropped connection.
  for (auto& [s, n] : write_statuses) EXPECT_TRUE(s == 201 || s == 503) << seen.str();
  for (auto& [s, n] : read_statuses) EXPECT_TRUE(s == 200 || s == 503) << seen.str();
  EXPECT_GT(unavailable_with_retry.load(), 0) << "no 503 with Retry-After during the outage:" << seen.str();
  EXPECT_GE(ok_after_restart.load(), 50) << "the server did not recover by itself:" << seen.str();

  auto db = db::open(url);
  std::size_t missing = 0;
  db->read([&](db::Connection& conn) {
    for (const auto& code : acknowledged) missing += conn.query("SELECT 1 FROM tips WHERE tracking_code = $1", code).rows.empty();
  });
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged tips";
  std::error_code ec;
  fs::remove_all(work, ec);
}
