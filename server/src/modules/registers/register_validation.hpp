#pragma once
// A record's input checked against its register's spec and the catalogue, before anything is
// stored: only known keys; the unit (required on create, inside the caller's area, of a kind the
// register takes); each field by its type; then the rules across fields (minimum list sizes, dates
// in order). What comes out is the record's complete values, ready for the repository.
#include <boost/json.hpp>

#include <cstdint>
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/registers/register_record.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::registers {

// The unit the input names (id 0: the input names none, the record stays where it is).
struct ChosenUnit {
  std::int64_t id = 0;
  std::string path;
};

// `current` is null on create. `preset`: a unit the caller already resolved and checked (the
// importer, which also takes units retired by a reform) instead of the body's "unit" code.
// Throws BadRequest naming the field at fault.
// `codes`: catalogue answers remembered over many records of one run (the importer).
boost::json::object validate_record(db::Connection& c, const Spec& spec, const http::Principal& who, const boost::json::object& body,
                                    const Record* current, ChosenUnit& unit, const ChosenUnit* preset = nullptr,
                                    catalog::CodeChecks* codes = nullptr);

}  // namespace antq::registers
