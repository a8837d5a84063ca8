#pragma once
// SQL for evaluations and registrations, as named statements in evaluations_repository.cpp.
// Functions take an open connection: the service decides the transaction. (Evidence files are
// stored with the attachments, not here.)
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/evaluations/criteria_sets.hpp"
#include "modules/evaluations/evaluation_rules.hpp"
#include "modules/units/unit.hpp"

namespace antq::evaluations::repo {

struct Evaluation {
  std::int64_t id = 0;
  units::Unit unit, approver;
  int year = 0;
  std::string target_kind;
  CriteriaSet set;
  std::string status;
  std::map<std::string, Answer> answers;
  std::optional<std::string> result, evaluated_on;
  std::string notes;
  std::optional<std::string> submitted_by, submitted_at, decided_by, decided_at, certificate_number, certificate_date;
  std::string created_by, created_at, updated_at;
};

std::optional<Evaluation> find(db::Connection& c, std::int64_t id);

struct NewEvaluation {
  std::int64_t unit_id = 0;
  int year = 0;
  std::string target_kind;
  std::int64_t set_id = 0;
  std::string set_code;
  std::optional<std::string> evaluated_on;
  std::string notes;
  std::int64_t approver_unit_id = 0;
  std::string created_by, now;
};
// Throws db::UniqueViolation when the unit already has one for the year and set.
std::int64_t insert(db::Connection& c, const NewEvaluation& e);
// The draft's answers, its computed result, meeting date and notes.
void save(db::Connection& c, const Evaluation& e, const std::optional<std::string>& result, const std::string& now);
void mark_submitted(db::Connection& c, std::int64_t id, const std::string& result, const std::string& by, const std::string& now);
void mark_returned(db::Connection& c, std::int64_t id, const std::string& now);
void mark_approved(db::Connection& c, std::int64_t id, const std::string& result, const std::string& by, const std::string& now,
                   const std::optional<std::string>& certificate_number, const std::optional<std::string>& certificate_date);
// Certificates the approving unit has issued for the year (the next number follows).
std::int64_t certificates_issued(db::Connection& c, std::int64_t approver_unit_id, int year);
// The evaluation and its history (its files are the attachments' to remove).
void remove(db::Connection& c, std::int64_t id);

struct Event {
  std::string at, by, action, comment;
};
void add_event(db::Connection& c, std::int64_t id, const Event& e);
std::vector<Event> events(db::Connection& c, std::int64_t id);

std::optional<Registration> registration_of(db::Connection& c, std::int64_t unit_id, int year);
// Residential areas, agencies, enterprises and schools under the commune at `commune_path`.
Subunits subunits_of(db::Connection& c, const std::string& commune_path, int year);

struct ListFilter {
  PathRange scope;
  std::optional<std::string> status, target_kind;
  std::optional<int> year;
  int page = 1, per_page = 50;
};
struct ListItem {
  std::int64_t id = 0;
  std::string unit_code, unit_name, unit_kind;
  int year = 0;
  std::string target_kind, set_code;
  int set_version = 1;
  std::string set_title;
  bool set_optional = false;
  std::string status;
  std::optional<std::string> result, evaluated_on;
  std::string updated_at;
  std::optional<std::string> certificate_number;
};
std::pair<std::vector<ListItem>, std::int64_t> list(db::Connection& c, const ListFilter& f);

// A unit of an evaluated kind without an approved official evaluation for the year.
struct Pending {
  std::string unit_code, unit_name, unit_kind, unit_subkind;
  bool registered = false;
  std::optional<std::int64_t> evaluation_id;
  std::string status;
  std::optional<std::string> result;
};
std::vector<Pending> pending(db::Connection& c, const PathRange& scope, int year);

struct RegistrationRow {
  std::int64_t id = 0;
  std::string unit_code, unit_name;
  int year = 0;
  std::string registered_on;
  std::optional<std::int64_t> households_total, households_registered;
  std::string unit_path;
};
std::vector<RegistrationRow> registrations(db::Connection& c, const PathRange& scope, std::optional<int> year);
std::optional<RegistrationRow> find_registration(db::Connection& c, std::int64_t id);
struct RegistrationValues {
  std::string registered_on;
  std::optional<std::int64_t> households_total, households_registered;
};
// Throws db::UniqueViolation when the unit registered for the year already.
std::int64_t insert_registration(db::Connection& c, std::int64_t unit_id, int year, const RegistrationValues& v, const std::string& by,
                                 const std::string& now);
void update_registration(db::Connection& c, std::int64_t id, const RegistrationValues& v, const std::string& now);

}  // namespace antq::evaluations::repo
