#pragma once
// What the files of EvaluationsService share (internal to the module): reading an evaluation for
// a caller, its computed outcome and JSON, and the checks of common input fields.
#include <boost/json.hpp>

#include <string>

#include "core/json_input.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/evaluations/evaluations_repository.hpp"
#include "modules/units/unit.hpp"

namespace antq::evaluations {

// Read access: the evaluated unit inside the caller's area (an approver above it sees it too).
repo::Evaluation load_in_scope(db::Connection& c, const http::Principal& who, std::int64_t id);
// Drafting: the right to write evaluations, the unit inside the caller's area, a draft or a
// returned evaluation (RuleViolation otherwise).
repo::Evaluation load_for_writer(db::Connection& c, const http::Principal& who, std::int64_t id);
Outcome outcome_of(db::Connection& c, const repo::Evaluation& e);
boost::json::object to_json(db::Connection& c, const repo::Evaluation& e);

// A YYYY-MM-DD date, not in the future (BadRequest naming `key`).
std::string checked_date(const json::ObjectReader& in, const char* key);
// A year from 2020 to next year.
int checked_year(const json::ObjectReader& in);
// An active unit inside the caller's area (BadRequest on "unit" otherwise).
units::Unit unit_in_scope(db::Connection& c, const http::Principal& who, const std::string& code);

}  // namespace antq::evaluations
