#pragma once
// The SQL of one register's tables, built once from its spec: the record's row in <table> (sealed
// fields sealed on the way in and opened on the way out, hashed ones also keyed-hashed, sealed
// lists with their size), its catalogue lists in <table>_codes, its folded search text.
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "modules/registers/register_record.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::registers {

class RegisterRepository {
 public:
  RegisterRepository(const Spec& spec, const crypto::Keyring& keys);

  // A new record's id; throws db::UniqueViolation on a duplicate.
  std::int64_t insert(db::Connection& c, std::int64_t unit_id, const boost::json::object& values, const std::string& created_by,
                      const std::string& now) const;
  // Many new records (the importer's groups): their ids, reserved from the engine first, then the
  // same rows and catalogue lists insert() and store_codes() write, in multi-row statements.
  // Throws db::UniqueViolation on a duplicate (then none of them is written).
  struct NewRecord {
    std::int64_t unit_id = 0;
    const boost::json::object* values = nullptr;
  };
  std::vector<std::int64_t> insert_many(db::Connection& c, const std::vector<NewRecord>& rows, const std::string& created_by,
                                        const std::string& now) const;
  // Throws db::UniqueViolation on a duplicate.
  void update(db::Connection& c, std::int64_t id, std::int64_t unit_id, const boost::json::object& values, const std::string& now) const;
  // Takes the record for an edit made on `version` (its updated_at as the editor saw it): false when
  // it has changed since. The row stays locked to this transaction (PostgreSQL), so two edits made on
  // one version cannot both pass.
  bool claim_version(db::Connection& c, std::int64_t id, const std::string& version, const std::string& now) const;
  // The row and its catalogue lists; throws db::DatabaseError while another record refers to it.
  void remove(db::Connection& c, std::int64_t id) const;
  // The record's catalogue lists: a new record's added, an updated record's replacing what it had.
  void store_codes(db::Connection& c, std::int64_t id, const boost::json::object& values, bool new_record) const;

  // Records with their unit, `where` and `tail` over `<table> r JOIN units un` (register_query.hpp).
  std::vector<Record> load(db::Connection& c, const std::string& where, const std::vector<db::Value>& params,
                           const std::string& tail) const;
  std::int64_t count(db::Connection& c, const std::string& where, const std::vector<db::Value>& params) const;
  std::int64_t unit_id_of(db::Connection& c, std::int64_t id) const;

 private:
  std::vector<db::Value> row_params(const boost::json::object& values) const;
  Record from_row(const db::Row& r) const;
  void add_codes(db::Connection& c, std::vector<Record>& records) const;

  const Spec& spec_;
  const crypto::Keyring& keys_;
  std::string columns_;  // ", a, b_hash, c_count": the row's columns after unit_id, in row_params' order
  std::string select_, insert_, update_, claim_version_, count_, unit_id_, delete_, delete_codes_, insert_code_, select_codes_;
};

// What the repository writes for one field of a record's row (sealed fields sealed), and the keyed
// hash stored next to a hashed sealed field (NULL when empty); a demo's bulk insert writes the same.
db::Value column_value(const Spec& spec, const Field& f, const boost::json::value* v, const crypto::Keyring& keys);
db::Value hash_value(const Spec& spec, const Field& f, const boost::json::value* v, const crypto::Keyring& keys);

// The kind of a unit ("village", "commune"…), for a spec's own check.
std::string unit_kind(db::Connection& c, std::int64_t unit_id);
// The unit path of record `id` in `table` (a reference field's target), nullopt when there is none.
std::optional<std::string> referenced_unit_path(db::Connection& c, const std::string& table, std::int64_t id);

}  // namespace antq::registers
