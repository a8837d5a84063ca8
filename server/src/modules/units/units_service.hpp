#pragma once
// Rules of the territory: reading the tree (public), creating and editing local units (staff,
// within their own subtree), and the subtree every other module filters by.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/unit.hpp"

namespace antq::units {

struct UnitDetail {
  Unit unit;
  std::vector<Unit> ancestors;
  std::optional<Unit> successor;
};

struct SearchHit {
  Unit unit;
  std::optional<std::string> parent_full_name;
};

struct CreateUnit {
  std::string parent_code;
  std::string name;
  std::string kind;  // village | establishment
  std::optional<std::string> code;
  std::optional<std::string> subkind;
};

struct UpdateUnit {
  std::optional<std::string> name;
  std::optional<std::string> subkind;
  std::optional<std::string> successor_code;  // retire this unit into another
};

// A village or establishment joined to a sibling (the same parent, the same kind): it is retired
// with the sibling as its successor, its own units move there, and its records roll up there.
struct MergeUnit {
  std::string into_code;
};

class UnitsService {
 public:
  UnitsService(db::Database& db, const audit::AuditLog& audit) : db_(db), audit_(audit) {}

  std::vector<Unit> children(const std::optional<std::string>& parent_code);
  UnitDetail get(const std::string& code, const std::optional<std::string>& dataset);
  std::vector<SearchHit> search(const std::string& query, bool include_retired, int limit);

  Unit create(const http::Principal& who, const CreateUnit& input, const std::string& request_id = {});
  Unit update(const http::Principal& who, const std::string& code, const UpdateUnit& input, const std::string& request_id = {});
  // Villages and establishments below the caller's own unit only (403 for the caller's own unit,
  // 404 outside the area, 422 for provinces, districts and communes, which follow the lists).
  Unit merge(const http::Principal& who, const std::string& code, const MergeUnit& input, const std::string& request_id = {});
  // Retired without a successor (dissolved): its records stay where they were and still count for
  // the units above it; a unit that still has units of its own is refused (merge them first).
  Unit retire(const http::Principal& who, const std::string& code, const std::string& request_id = {});

  // The path of an active unit, for scope checks and subtree filters of other modules.
  std::optional<std::string> path_of(const std::string& code);

 private:
  db::Database& db_;
  const audit::AuditLog& audit_;
};

// Whether `unit_path` lies in the subtree rooted at `scope_path` ("" = the whole country).
bool in_scope(const std::string& scope_path, const std::string& unit_path);

}  // namespace antq::units
