#pragma once
// Where a model was replicated (C6). A model runs in its origin unit and in every unit it was
// replicated to, from the replication's start until its end; reports count distinct units.
// Scoped through the model; each unit must be in the caller's area too.
#include <boost/json/array.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registers/register_service.hpp"
#include "modules/units/unit.hpp"

namespace antq::models {

class ReplicationsService {
 public:
  ReplicationsService(registers::RegisterService& models, db::Database& db, const audit::AuditLog& audit)
      : models_(models), db_(db), audit_(audit) {}
  const registers::Spec& spec() const { return models_.spec(); }

  // Each answers the model's replications in the caller's area afterwards.
  boost::json::array list(const http::Principal& who, std::int64_t model_id);
  boost::json::array add(const http::Principal& who, std::int64_t model_id, const std::string& unit_code, const std::string& started_on,
                         const std::string& request_id);
  // Inside the caller's transaction, without an audit entry of their own (the importer audits its
  // batch): a replication to a unit in the caller's area (its id), and its removal (false when
  // gone or outside the caller's area).
  std::int64_t add_in(db::Connection& c, const http::Principal& who, std::int64_t model_id, const units::Unit& unit,
                      const std::string& started_on, const std::optional<std::string>& ended_on = std::nullopt) const;
  bool remove_in(db::Connection& c, const http::Principal& who, std::int64_t replication_id) const;
  bool has_in(db::Connection& c, const http::Principal& who, std::int64_t replication_id) const;
  boost::json::array end(const http::Principal& who, std::int64_t model_id, std::int64_t replication_id, const std::string& ended_on,
                         const std::string& request_id);

 private:
  registers::RegisterService& models_;
  db::Database& db_;
  const audit::AuditLog& audit_;
};

}  // namespace antq::models
