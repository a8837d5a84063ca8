#include "integration/backup_support.hpp"

#include <fcntl.h>
#include <minizip/unzip.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "db/migrations.hpp"
#include "integration/server_fixture.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/backup/table_catalog.hpp"
#include "modules/demo/demo_seed.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"

namespace antq::test {

namespace bj = boost::json;

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CliRun run_antq(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& env) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string out_path = (dir / ("antq-cli-" + crypto::random_hex(6) + ".out")).string();
  const std::string err_path = out_path + ".err";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::unsetenv("ANTQ_DATA_KEY");
    ::unsetenv("ANTQ_DATA_KEY_FILE");
    ::setenv("LANG", "C.UTF-8", 1);
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    std::vector<std::string> all = {"antq"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(ANTQ_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CliRun r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_whole_file(out_path), read_whole_file(err_path)};
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return r;
}

void seed_everything(db::Database& db, const crypto::Keyring& keys) {
  db::migrate(db);
  units::import_units(db, kSmallList, "vn-2tier");
  audit::AuditLog log(keys);
  units::seed_demo(db, log);
  demo::seed_demo(db, keys, log);
}

std::map<std::string, std::multiset<std::string>> all_rows(db::Database& db) {
  std::map<std::string, std::multiset<std::string>> out;
  db.read([&](db::Connection& c) {
    for (const auto& t : backup::list_tables(c)) {
      auto& rows = out[t.name];
      backup::each_table_row(c, t, [&](const db::Row& r) {
        bj::array a;
        for (std::size_t i = 0; i < r.size(); ++i) {
          const auto& v = r.value(i);
          if (const auto* n = std::get_if<std::int64_t>(&v)) a.emplace_back(*n);
          else if (const auto* d = std::get_if<double>(&v)) a.emplace_back(*d);
          else if (const auto* s = std::get_if<std::string>(&v)) a.emplace_back(bj::string(*s));
          else a.emplace_back(nullptr);
        }
        rows.insert(bj::serialize(a));
      });
    }
  });
  return out;
}

std::map<std::string, std::string> read_zip(const std::string& path) {
  std::map<std::string, std::string> out;
  unzFile z = unzOpen64(path.c_str());
  if (!z) return out;
  for (int rc = unzGoToFirstFile(z); rc == UNZ_OK; rc = unzGoToNextFile(z)) {
    char name[512];
    unz_file_info64 info;
    unzGetCurrentFileInfo64(z, &info, name, sizeof name, nullptr, 0, nullptr, 0);
    unzOpenCurrentFile(z);
    std::string data;
    char buf[65536];
    for (int n; (n = unzReadCurrentFile(z, buf, sizeof buf)) > 0;) data.append(buf, static_cast<std::size_t>(n));
    unzCloseCurrentFile(z);
    out[name] = std::move(data);
  }
  unzClose(z);
  return out;
}

}  // namespace antq::test
