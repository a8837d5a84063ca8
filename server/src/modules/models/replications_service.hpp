#pragma once
// Where a model was replicated (C6). A model runs in its origin unit and in every unit it was
// replicated to, from the replication's start until its end; reports count distinct units.
// Scoped through the model; each unit must be in the caller's area too.
#include <boost/json/array.hpp>

#include <cstdint>
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registers/register_service.hpp"

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
  boost::json::array end(const http::Principal& who, std::int64_t model_id, std::int64_t replication_id, const std::string& ended_on,
                         const std::string& request_id);

 private:
  registers::RegisterService& models_;
  db::Database& db_;
  const audit::AuditLog& audit_;
};

}  // namespace antq::models
