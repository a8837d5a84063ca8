#pragma once
// The audit trail (C2): append-only (triggers refuse UPDATE and DELETE), one hash chain signed
// with a key kept outside the database. An entry is written inside the transaction of the act it
// records, so there is never an act without its entry.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"

namespace antq::audit {

struct Entry {
  std::string actor;   // username, "cli", or "anonymous"
  std::string action;  // e.g. "login", "login_failed", "unit.create", "tip.reveal"
  std::string entity;  // e.g. "unit", "user"
  std::string entity_id;
  std::string unit_path;  // the area the record belongs to (who may read the entry)
  std::string unit_code;
  std::string reason;  // mandatory for reveals
  std::string request_id;
  std::string details;  // a small JSON object, never personal data in clear
};

struct StoredEntry {
  std::int64_t id;
  std::string at;
  Entry entry;
};

struct VerifyResult {
  bool ok = true;
  std::int64_t checked = 0;
  std::int64_t head_id = 0;  // the newest entry verified, and its hash
  std::string head_hash;
  std::optional<std::int64_t> first_bad_id;
  std::string problem;  // Vietnamese, for the operator
};

struct Filter {
  std::optional<std::string> actor, action, entity, entity_id, from, to;  // from/to: YYYY-MM-DD (Vietnam)
  std::string scope_path;                                                 // "" = everything
  int page = 1, per_page = 50;
};

class AuditLog {
 public:
  explicit AuditLog(const crypto::Keyring& keys) : keys_(keys) {}
  void record(db::Connection& c, const Entry& e) const;
  VerifyResult verify(db::Database& db) const;
  std::pair<std::vector<StoredEntry>, std::int64_t> list(db::Database& db, const Filter& f) const;

 private:
  const crypto::Keyring& keys_;
};

}  // namespace antq::audit
