#pragma once
// The review queue of a reform, "Chờ phân về xã mới": a commune split across several new communes
// (and each of its villages and establishments) waits under the new province, its records counted
// there only, until an officer of the province assigns it to one of the candidates from the state's
// table. The assigned unit then hangs under that commune, and its records roll up there.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/units/unit.hpp"

namespace antq::units {

struct Candidate {
  std::string code, name, full_name;
  std::string relation, note;  // from the table; empty when the table does not name the commune
};

struct QueueItem {
  std::int64_t id = 0;
  std::string reform;
  Unit unit;      // the split commune, or one of its villages / establishments
  Unit from;      // the split commune
  Unit province;  // the new province it waits under
  std::vector<Candidate> candidates;
  std::int64_t records = 0;  // records attached to the unit and the units under it
  std::optional<std::string> assigned_to;
};

// Counts the records of every capability in a subtree. The reports module, which reads them all,
// offers it (reports_install.cpp); without it the counts are 0.
struct RecordCounter {
  std::function<std::int64_t(db::Connection&, const PathRange&)> count;
};

class LineageService {
 public:
  LineageService(db::Database& db, const audit::AuditLog& audit, const RecordCounter* counter)
      : db_(db), audit_(audit), counter_(counter) {}

  struct Page {
    std::vector<QueueItem> items;
    std::int64_t total = 0;
  };
  // The items still waiting in the caller's area (units.write).
  Page pending(const http::Principal& who, int page, int per_page);
  // Assigns one item to the new commune `successor_code` (one of its candidates): 404 outside the
  // area, 409 when already assigned, 422 for a commune that is not a candidate. Audited.
  QueueItem assign(const http::Principal& who, std::int64_t id, const std::string& successor_code, const std::string& request_id = {});

 private:
  QueueItem load(db::Connection& c, const db::Row& r);

  db::Database& db_;
  const audit::AuditLog& audit_;
  const RecordCounter* counter_;
};

// The units still waiting under `unit_id` (a new province): the reports list them apart, "chưa phân về xã".
std::vector<Unit> pending_under(db::Connection& c, std::int64_t unit_id);

}  // namespace antq::units
