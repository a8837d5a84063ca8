#include "modules/backup/sealed_columns.hpp"

#include "modules/accounts/totp.hpp"
#include "modules/imports/batch_json.hpp"
#include "modules/movement/movement.hpp"
#include "modules/news/subscriptions.hpp"
#include "modules/tips/tip_secrets.hpp"

namespace antq::backup {

namespace {

std::vector<SealedColumn> collect() {
  std::vector<SealedColumn> out = {
      {"tips", "reporter_sealed", std::string(tips::kReporterPurpose), false},
      // tip_notify.cpp's kEmailPurpose: the e-mail a citizen left to hear of their tip.
      {"tip_notify_subscriptions", "email_sealed", "tip-notify-email", false},
      // news/subscriptions.hpp's kEmailPurpose: a resident's address for news by e-mail.
      {"news_subscriptions", "email_sealed", std::string(news::subscriptions::kEmailPurpose), false},
      {"reintegration_sessions", "helpers", "reintegration_session.helpers", false},
      {"reintegration_sessions", "notes", "reintegration_session.notes", false},
      // A batch's refused rows as typed (they may hold people's names).
      {"import_batches", "failed_rows", std::string(imports::kFailedRowsPurpose), false},
      {"users", "totp_secret", std::string(accounts::totp::kSecretPurpose), true},
      {"users", "totp_pending", std::string(accounts::totp::kSecretPurpose), true},
      // idempotency_store.cpp's kPurpose: a POST's first answer, which for a public tip holds its secret.
      {"idempotency_keys", "body", "idempotency", true},
  };
  for (const auto& spec : movement::specs()) {
    for (const auto& f : spec.fields) {
      if (f.sealed || f.type == registers::FieldType::sealed_list) out.push_back({spec.table, f.name, spec.sealed_purpose(f), false});
    }
  }
  return out;
}

}  // namespace

const std::vector<SealedColumn>& sealed_columns() {
  static const std::vector<SealedColumn> all = collect();
  return all;
}

const SealedColumn* sealed_column(const std::string& table, const std::string& column) {
  for (const auto& s : sealed_columns()) {
    if (s.table == table && s.column == column) return &s;
  }
  return nullptr;
}

}  // namespace antq::backup
