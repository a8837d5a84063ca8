#pragma once
// Which table.column holds a value sealed with the data key, and under which purpose: what a full
// export keeps sealed, and what `antq export --decrypt` opens. The registers' sealed fields come
// from their specs (a new sealed field is listed without a change here); the few columns sealed
// outside the register engine are listed in sealed_columns.cpp. A test seeds every module's demo
// data and fails when a column holds sealed values and is not listed (sealed_columns_test.cpp).
#include <optional>
#include <string>
#include <vector>

namespace antq::backup {

struct SealedColumn {
  std::string table;
  std::string column;
  std::string purpose;  // the keyring purpose it was sealed under
  // Credentials (TOTP secrets, cached answers that may hold a tip's follow-up secret) stay sealed
  // even in a decrypted export: they are keys to accounts and tips, not personal data to review.
  bool credential = false;
};

const std::vector<SealedColumn>& sealed_columns();
const SealedColumn* sealed_column(const std::string& table, const std::string& column);

}  // namespace antq::backup
