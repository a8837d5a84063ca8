#pragma once
// Rows of a movement register written in bulk, exactly as RegisterService stores a validated
// record (the same columns, sealed fields sealed with the same purposes, catalogue lists in
// <table>_codes, the folded search text) but many rows a statement and without one audit entry
// per record: the demo's years of activities, patrols, mediations and opinions. The values are
// generated valid; the demo test reads them back through the registers' own API.
#include <boost/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/keyring.hpp"
#include "modules/demo/bulk_insert.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::demo {

class RegisterRows {
 public:
  RegisterRows(db::Connection& c, registers::Spec spec, const crypto::Keyring& keys, IdSource& ids);
  // `values`: field → value as the register's API takes it (codes as arrays of strings, dates as
  // YYYY-MM-DD, datetimes as RFC 3339 UTC); absent fields take the register's defaults. Returns
  // the new record's id.
  std::int64_t add(std::int64_t unit_id, const boost::json::object& values, const std::string& created_at);
  void flush();
  std::int64_t written() const { return rows_->written(); }

 private:
  db::Connection& c_;
  registers::Spec spec_;
  const crypto::Keyring& keys_;
  IdSource& ids_;
  std::vector<std::int64_t> free_ids_;
  std::unique_ptr<BulkInsert> rows_, codes_;
};

}  // namespace antq::demo
