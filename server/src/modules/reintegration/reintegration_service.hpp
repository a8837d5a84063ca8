#pragma once
// What the reintegration register (C7) adds to the engine: exact search by name or ID number
// (keyed hashes; who searched is audited, not what for), the identity revealed with a reason,
// the history of a person's status, and the sessions with a person (a home visit, an education
// session or material support: one *lượt* each in reports). Who helped and what was said are
// sealed with the person's identity.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::reintegration {

struct NewSession {
  std::string date, kind;
  std::optional<std::string> helpers, notes;
};

class ReintegrationService {
 public:
  ReintegrationService(registers::RegisterService& people, db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit)
      : people_(people), db_(db), keys_(keys), audit_(audit) {}
  registers::RegisterService& people() { return people_; }
  const registers::RegisterService& people() const { return people_; }

  // reintegration_service.cpp
  std::pair<std::vector<registers::Record>, std::int64_t> search(const http::Principal& who, const registers::ListQuery& q,
                                                                 const std::string& request_id);
  // The sealed fields in clear and every session, audited with the reason.
  boost::json::object reveal(const http::Principal& who, std::int64_t id, const std::string& reason, const std::string& request_id);
  boost::json::array status_history(const http::Principal& who, std::int64_t id);

  // sessions.cpp. Newest first; `helpers` and `notes` in clear only to who sees the identity.
  boost::json::array sessions(const http::Principal& who, std::int64_t id);
  boost::json::array add_session(const http::Principal& who, std::int64_t id, const NewSession& s, const std::string& request_id);
  void delete_session(const http::Principal& who, std::int64_t id, std::int64_t session_id, const std::string& request_id);
  // Inside the caller's transaction, without an audit entry of their own (the importer audits its
  // batch): a session of a person in the caller's area (its id), and its removal (false when it
  // is gone or outside the caller's area).
  std::int64_t add_session_in(db::Connection& c, const http::Principal& who, std::int64_t id, const NewSession& s) const;
  bool remove_session_in(db::Connection& c, const http::Principal& who, std::int64_t session_id) const;
  bool has_session_in(db::Connection& c, const http::Principal& who, std::int64_t session_id) const;

 private:
  boost::json::array sessions_in(db::Connection& c, std::int64_t id, bool with_identity) const;

  registers::RegisterService& people_;
  db::Database& db_;
  const crypto::Keyring& keys_;
  const audit::AuditLog& audit_;
};

}  // namespace antq::reintegration
