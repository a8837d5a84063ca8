#include "modules/audit/reveal.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "db/migrations.hpp"
#include "support/test_database.hpp"

using namespace antq;

class RevealTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<test::TestDatabase>(GetParam());
    db::migrate(t_->db());
  }
  http::Principal officer(std::string unit_path, std::vector<std::string> perms) {
    http::Principal p{"ca.a", "ca.a", "police_officer", "21220", std::move(unit_path)};
    p.permissions = std::move(perms);
    return p;
  }
  crypto::Keyring keys_ = crypto::Keyring::from_hex(crypto::random_hex(32));
  audit::AuditLog log_{keys_};
  std::unique_ptr<test::TestDatabase> t_;
};

TEST_P(RevealTest, NeedsPermissionScopeAndReasonAndIsAudited) {
  const std::string sealed = keys_.seal("Nguyễn Văn Báo Tin, 0912 345 678", "tip-identity");
  EXPECT_EQ(sealed.find("Nguyễn"), std::string::npos);
  audit::RevealRequest r{"tips.reveal", "tip", "T-1", "/1/2/", "21220", "Cần liên hệ xác minh tin báo", "req-9"};
  const auto ok_officer = officer("/1/2/", {"tips.reveal"});
  t_->db().write([&](db::Connection& c) {
    EXPECT_THROW(audit::reveal(c, log_, keys_, officer("/1/2/", {"tips.read"}), r, sealed, "tip-identity"), Forbidden);
    EXPECT_THROW(audit::reveal(c, log_, keys_, officer("/1/3/", {"tips.reveal"}), r, sealed, "tip-identity"), NotFound);
    auto short_reason = r;
    short_reason.reason = "  xem  ";
    EXPECT_THROW(audit::reveal(c, log_, keys_, ok_officer, short_reason, sealed, "tip-identity"), BadRequest);
    EXPECT_EQ(audit::reveal(c, log_, keys_, ok_officer, r, sealed, "tip-identity"), "Nguyễn Văn Báo Tin, 0912 345 678");
  });
  auto [entries, total] = log_.list(t_->db(), audit::Filter{});
  ASSERT_EQ(total, 1);  // refused attempts reveal nothing and record nothing
  EXPECT_EQ(entries[0].entry.action, "tip.reveal");
  EXPECT_EQ(entries[0].entry.reason, "Cần liên hệ xác minh tin báo");
  EXPECT_EQ(entries[0].entry.details.find("Nguyễn"), std::string::npos);
}

TEST_P(RevealTest, KeyedHashFindsExactValuesAndSealingDependsOnPurpose) {
  EXPECT_EQ(keys_.keyed_hash("079123456789", "id-number"), keys_.keyed_hash("079123456789", "id-number"));
  EXPECT_NE(keys_.keyed_hash("079123456789", "id-number"), keys_.keyed_hash("079123456788", "id-number"));
  EXPECT_NE(keys_.keyed_hash("079123456789", "id-number"), keys_.keyed_hash("079123456789", "name"));
  const auto sealed = keys_.seal("bí mật", "a");
  EXPECT_FALSE(keys_.open(sealed, "b").has_value());
  auto tampered = sealed;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(keys_.open(tampered, "a").has_value());
  const auto other = crypto::Keyring::from_hex(crypto::random_hex(32));
  EXPECT_FALSE(other.open(sealed, "a").has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, RevealTest, ::testing::ValuesIn(antq::test::engines()));
