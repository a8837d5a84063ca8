#pragma once
// Criteria sets (evaluation_criteria_sets): versioned per target kind. Publishing a change adds a
// version; evaluations keep the version they were started with, so a decision can always be read
// against the criteria it was made on.
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/evaluations/evaluation_rules.hpp"

namespace antq::evaluations {

struct CriteriaSet {
  std::int64_t id = 0;
  std::string code;
  int version = 1;
  std::string target_kind, title, basis;
  bool optional = false;
  std::vector<Criterion> criteria;
  std::string created_by, created_at;
  std::optional<std::string> owner_path;  // nullopt: official (national); otherwise the province's own set
};

namespace criteria_sets {

std::optional<CriteriaSet> find(db::Connection& c, std::int64_t id);
// The latest version of the official (national, not optional) set for a target kind. A
// province's own sets are never a default: they are chosen explicitly.
std::optional<CriteriaSet> default_for(db::Connection& c, const std::string& target_kind);
// Whether a set may be used for a unit at `unit_path` (national, or its province's own).
bool applies_to(const CriteriaSet& s, const std::string& unit_path);
boost::json::object to_json(const CriteriaSet& s);

// GET /api/v1/evaluation-criteria, GET …/{id}, POST (a new version).
void register_routes(http::Router& router, db::Database& db, const audit::AuditLog& audit);

}  // namespace criteria_sets
}  // namespace antq::evaluations
