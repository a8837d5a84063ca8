#include "core/keyring.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <vector>

#include "core/crypto.hpp"
#include "core/errors.hpp"

using namespace antq;

TEST(Keyring, FileIsPrivateAndRotationKeepsOldValuesReadable) {
  const auto dir = std::filesystem::temp_directory_path() / ("antq-keys-" + crypto::random_hex(4));
  const std::string path = (dir / "antq.key").string();
  auto first = crypto::Keyring::create_file(path);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_THROW(crypto::Keyring::create_file(path), OperatorError);
  const auto sealed = first.seal("bí mật cũ", "p");
  const auto mac = first.mac(first.current_id(), "entry");
  auto second = crypto::Keyring::rotate_file(path);
  EXPECT_NE(second.current_id(), first.current_id());
  EXPECT_EQ(second.open(sealed, "p").value(), "bí mật cũ");                   // old key still opens
  EXPECT_EQ(second.key_id_of(second.seal("mới", "p")), second.current_id());  // new seals use the new key
  EXPECT_EQ(second.mac(first.current_id(), "entry"), mac);                    // old audit entries still verify
  ::chmod(path.c_str(), 0644);
  EXPECT_THROW(crypto::Keyring::from_file(path), OperatorError);  // readable by others: refused
  std::filesystem::remove_all(dir);
  EXPECT_THROW(crypto::Keyring::from_file(path), OperatorError);
  EXPECT_THROW(crypto::Keyring::from_hex("not hex"), OperatorError);
}

TEST(Keyring, AHashMadeWithAnOlderKeyIsStillRecognisedAfterRotation) {
  const auto dir = std::filesystem::temp_directory_path() / ("antq-keys-" + crypto::random_hex(4));
  const std::string path = (dir / "antq.key").string();
  const auto first = crypto::Keyring::create_file(path);
  const auto stored = first.keyed_hash("ABCDE-FGHJK", "tip-secret");
  EXPECT_EQ(stored.substr(0, stored.find(':')), first.current_id());
  EXPECT_EQ(first.keyed_hashes("ABCDE-FGHJK", "tip-secret"), std::vector<std::string>{stored});

  const auto second = crypto::Keyring::rotate_file(path);
  EXPECT_NE(second.keyed_hash("ABCDE-FGHJK", "tip-secret"), stored);  // new hashes use the new key
  EXPECT_TRUE(second.matches_keyed_hash(stored, "ABCDE-FGHJK", "tip-secret"));
  EXPECT_FALSE(second.matches_keyed_hash(stored, "ABCDE-FGHJX", "tip-secret"));
  EXPECT_FALSE(second.matches_keyed_hash(stored, "ABCDE-FGHJK", "other-purpose"));
  EXPECT_FALSE(second.matches_keyed_hash("", "ABCDE-FGHJK", "tip-secret"));
  EXPECT_FALSE(second.matches_keyed_hash("unknown:" + stored.substr(stored.find(':') + 1), "ABCDE-FGHJK", "tip-secret"));
  // Every key's hash, the current one first: a lookup finds rows from before and after.
  const auto all = second.keyed_hashes("ABCDE-FGHJK", "tip-secret");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], second.keyed_hash("ABCDE-FGHJK", "tip-secret"));
  EXPECT_EQ(all[1], stored);
  EXPECT_EQ(second.keyed_hash_with("nope", "x", "p"), std::nullopt);
  // A hasher made once for a purpose gives the same hashes for value after value.
  const auto hasher = second.hasher("tip-secret");
  EXPECT_EQ(hasher.hashes("ABCDE-FGHJK"), all);
  EXPECT_EQ(hasher.hash("ABCDE-FGHJK"), all[0]);
  EXPECT_EQ(hasher.hash("other"), second.keyed_hash("other", "tip-secret"));
  EXPECT_NE(second.hasher("other-purpose").hash("ABCDE-FGHJK"), all[0]);
  std::filesystem::remove_all(dir);
}
