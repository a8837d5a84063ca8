// The directory FileStore (modules/attachments/file_store.hpp): a kept file gets a name the store
// makes, is the same bytes and is gone from where it came from, also when it came from another
// filesystem (a copy); removing is quiet; a root it cannot write to refuses and keeps the upload.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

#include "core/crypto.hpp"
#include "modules/attachments/file_store.hpp"

using namespace antq;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  explicit Scratch(const fs::path& base) : dir(base / ("antq-store-" + crypto::random_hex(8))) { fs::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path dir;
};

fs::path write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(DirectoryStore, KeepsAFileUnderANameOfItsOwnAndTakesItAway) {
  Scratch s(fs::temp_directory_path());
  auto store = attachments::directory_store((s.dir / "root").string());
  const std::string bytes(300000, 'x');
  std::set<std::string> names;
  for (int i = 0; i < 3; ++i) {
    // the upload's own name never reaches the store's
    const auto upload = write(s.dir / ("IMG_000" + std::to_string(i) + " (1).jpg"), bytes + std::to_string(i));
    const std::string name = store->keep(upload.string());
    EXPECT_TRUE(std::regex_match(name, std::regex(R"(\d{4}/\d{2}/[0-9a-f]{32}\.bin)"))) << name;
    EXPECT_FALSE(fs::exists(upload));
    EXPECT_EQ(read(store->path(name)), bytes + std::to_string(i));
    EXPECT_EQ(fs::path(store->path(name)), s.dir / "root" / name);
    names.insert(name);
  }
  EXPECT_EQ(names.size(), 3u);
  store->remove(*names.begin());
  EXPECT_FALSE(fs::exists(store->path(*names.begin())));
  store->remove(*names.begin());  // gone already: quiet
  store->remove("2026/01/never-kept.bin");
}

TEST(DirectoryStore, KeepsAnUploadFromAnotherFilesystemByCopying) {
  // /dev/shm is a tmpfs: a rename from it into the temporary directory's filesystem fails (EXDEV)
  // where the two differ, and the store copies.
  ASSERT_TRUE(fs::is_directory("/dev/shm"));
  Scratch from("/dev/shm");
  Scratch to(fs::temp_directory_path());
  struct stat a {
  }, b{};
  ASSERT_EQ(::stat(from.dir.c_str(), &a), 0);
  ASSERT_EQ(::stat(to.dir.c_str(), &b), 0);
  ASSERT_NE(a.st_dev, b.st_dev) << "/dev/shm and the temporary directory are one filesystem here";
  auto store = attachments::directory_store((to.dir / "root").string());
  const auto upload = write(from.dir / "upload.part", std::string(70000, 'y'));
  const std::string name = store->keep(upload.string());
  EXPECT_EQ(read(store->path(name)), std::string(70000, 'y'));
  EXPECT_FALSE(fs::exists(upload)) << "the upload is removed after the copy";
  struct stat kept {};
  ASSERT_EQ(::stat(store->path(name).c_str(), &kept), 0);
  EXPECT_EQ(kept.st_mode & 0777, 0600u) << "a copy is readable by the server only";
}

TEST(DirectoryStore, ARootItCannotUseRefusesAndLeavesTheUpload) {
  Scratch s(fs::temp_directory_path());
  write(s.dir / "root", "a file where the directory should be");
  auto store = attachments::directory_store((s.dir / "root").string());
  const auto upload = write(s.dir / "upload.part", "bytes");
  EXPECT_THROW(store->keep(upload.string()), fs::filesystem_error);
  EXPECT_EQ(read(upload), "bytes");
}
