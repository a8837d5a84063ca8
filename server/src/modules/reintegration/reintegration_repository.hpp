#pragma once
// SQL of the reintegration register's own tables beside the engine's: the history of a person's
// status and the sessions with them (helpers and notes stored sealed).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::reintegration::repo {

struct StatusChange {
  std::string status, changed_on, changed_by;
};
std::vector<StatusChange> status_history(db::Connection& c, std::int64_t person_id);

struct Session {
  std::int64_t id = 0;
  std::string date, kind;
  std::optional<std::string> helpers, notes;  // sealed
  std::string created_by;
};
// Newest first.
std::vector<Session> sessions(db::Connection& c, std::int64_t person_id);
std::int64_t insert_session(db::Connection& c, std::int64_t person_id, const Session& s);
// False when the person has no such session.
bool delete_session(db::Connection& c, std::int64_t person_id, std::int64_t session_id);
std::optional<std::int64_t> person_of_session(db::Connection& c, std::int64_t session_id);

}  // namespace antq::reintegration::repo
