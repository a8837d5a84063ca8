#pragma once
// What an import writes into. Every register is one (register_target.hpp); so is what hangs off a
// register and has no list of its own to type into — a person's sessions, a model's replications,
// a group's members — and the tips staff enter from the paper books of past years (targets/).
// The importer reads the sheet the same way for all of them: the target's spec gives the columns
// (fields, labels, the permission to write, the unit kinds, the date that picks a pre-reform unit);
// the target writes one row inside the importer's transaction, without an audit entry of its own
// (the batch has one).
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/registers/register_spec.hpp"
#include "modules/units/unit.hpp"

namespace antq::imports {

// A row's record, as the sheet gave it: the API's body, its unit if it has a unit column, and the
// id of the record it updates if it names one.
struct RowInput {
  const boost::json::object& body;
  const units::Unit* unit = nullptr;
  std::optional<std::int64_t> id;
};

enum class Outcome { created, updated, unchanged };

// What undoing one created record did.
struct Undone {
  bool removed = false;      // deleted now
  std::string kept_because;  // not deleted: why (edited since, a rule); empty with `removed` or when it was gone already
};

class Target {
 public:
  virtual ~Target() = default;
  // name ("activities", "reintegration/sessions"), title, fields, write_permission, unit_kinds, date_field.
  virtual const registers::Spec& spec() const = 0;
  // A "Đơn vị" column every row must fill (a session takes its person's unit: none).
  virtual bool has_unit() const { return true; }
  // A "Mã bản ghi" column: a row naming an existing record updates it.
  virtual bool updates() const { return false; }
  // Writes the row (throws ApiError naming the field on a refusal): its record's id.
  virtual std::int64_t create(db::Connection& c, const http::Principal& who, const RowInput& row) const = 0;
  // A row naming a record (only when updates()): unchanged or updated.
  virtual Outcome update(db::Connection& c, const http::Principal& who, const RowInput& row) const;
  // The record a row created before is still there, in the caller's area.
  virtual bool exists(db::Connection& c, const http::Principal& who, std::int64_t id) const = 0;

  // Many rows at once (the speed of a ten-year file): a target that can checks each new row as
  // create() would, without writing (`checked`, throws ApiError naming the field), then writes the
  // checked rows of a group in a few statements (`create_all`: their ids, in order; on an ApiError
  // or a duplicate nothing is written and the importer writes them one by one instead).
  virtual bool bulk() const { return false; }
  struct Checked {
    boost::json::object values;
    std::int64_t unit_id = 0;
  };
  // `codes`: the run's remembered catalogue answers.
  virtual Checked check(db::Connection& c, const http::Principal& who, const RowInput& row, catalog::CodeChecks& codes) const;
  virtual std::vector<std::int64_t> create_all(db::Connection& c, const http::Principal& who, const std::vector<Checked>& rows) const;
  virtual Undone undo(db::Connection& c, const http::Principal& who, std::int64_t id) const = 0;
};

}  // namespace antq::imports
