#pragma once
// The engine behind every register: permission and scope checks, create/update/delete in one
// transaction with the spec's own rules and audit, lists with filters and paging, CSV/XLSX export
// of exactly what the list shows, a record's photos and videos. Its parts, one job a file:
// register_validation (input against the spec and the catalogue), register_query (a list's
// filter as SQL), register_repository (the register's SQL), register_export (CSV/XLSX).
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/attachments/attachments.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registers/register_record.hpp"
#include "modules/registers/register_repository.hpp"
#include "modules/registers/register_spec.hpp"
#include "modules/registers/register_validation.hpp"

namespace antq::registers {

class RegisterService {
 public:
  RegisterService(Spec spec, db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit);
  const Spec& spec() const { return spec_; }

  Record create(const http::Principal& who, const boost::json::object& body, const std::string& request_id);
  // Inside the caller's transaction, without an audit entry of its own (the importer writes one
  // for its batch): a create at `unit` (resolved and scope-checked by the caller) or an update of a
  // record in scope. Same validation, rules and history as create() and update().
  std::int64_t create_in(db::Connection& c, const http::Principal& who, const boost::json::object& body, const ChosenUnit& unit) const;
  void update_in(db::Connection& c, const http::Principal& who, const Record& current, const boost::json::object& body,
                 const ChosenUnit* unit) const;
  // Many new records at once, inside the caller's transaction, each already validated by
  // validate_record at its unit (the importer's groups): the rows create_in() writes, in multi-row
  // statements. Only for a register without rules or history of its own (writes_in_bulk()), which
  // create_in() would run record by record. Conflict on a duplicate (then none is written).
  bool writes_in_bulk() const { return !spec_.check && !spec_.after_write; }
  using Validated = RegisterRepository::NewRecord;  // the values validate_record answered, and the unit
  std::vector<std::int64_t> create_many_in(db::Connection& c, const http::Principal& who, const std::vector<Validated>& rows) const;
  // Inside the caller's transaction: removes a record (its attachments too) without an audit
  // entry of its own. Conflict when another record refers to it.
  void remove_in(db::Connection& c, std::int64_t id) const;
  // `version`: the record's version the editor saw (If-Match); EditConflict when it has changed since.
  Record update(const http::Principal& who, std::int64_t id, const boost::json::object& body, const std::string& request_id,
                const std::optional<std::string>& version = std::nullopt);
  void remove(const http::Principal& who, std::int64_t id, const std::string& request_id);
  Record get(const http::Principal& who, std::int64_t id);
  std::pair<std::vector<Record>, std::int64_t> list(const http::Principal& who, const ListQuery& q, bool all_rows = false);

  // JSON of a record; `detail` adds sealed fields and lists in clear (lists show only their size).
  boost::json::object to_json(const Record& r, bool detail) const;
  // Whether `who` sees this record's sealed fields in its detail (Spec::identity_visible).
  bool sees_sealed(const http::Principal& who, const Record& r) const;
  std::string export_csv(const std::vector<Record>& rows) const;
  std::string export_xlsx(const std::vector<Record>& rows) const;
  // The unit an export covers, by its full name: the one filtered on, else the caller's own ("" for
  // the whole country). The filter was already checked against the caller's area by the list.
  std::string export_unit_name(const http::Principal& who, const std::optional<std::string>& filter) const;

  // Attachments (specs with `attachments`): where files live, and the records' photos and videos
  // (modules/attachments, owner = the register's name).
  void set_attachments_dir(std::string dir);
  // Before an upload's body is read: the caller may attach to this record, which takes more files.
  void admit_attachment(const http::Principal& who, std::int64_t id);
  boost::json::object add_attachment(const http::Principal& who, std::int64_t id, const std::string& upload_path, bool keep_location,
                                     const std::string& request_id);
  boost::json::array attachments(const http::Principal& who, std::int64_t id);
  // One attachment of a record in scope, as a download.
  attachments::StoredFile attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id);

  // Inside a caller's transaction: the record (scope-checked) or NotFound. For registers that
  // add their own sub-resources (replications, members).
  Record get_in(db::Connection& c, const http::Principal& who, std::int64_t id) const;

 private:
  void run_check(db::Connection& c, const boost::json::object& values, std::int64_t unit_id, std::int64_t id) const;

  Spec spec_;
  db::Database& db_;
  const crypto::Keyring& keys_;
  const audit::AuditLog& audit_;
  RegisterRepository repo_;                        // after spec_ and keys_, which it keeps references to
  std::optional<attachments::Attachments> files_;  // set by set_attachments_dir
};

}  // namespace antq::registers
