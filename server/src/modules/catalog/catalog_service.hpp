#pragma once
// The shared catalogue's lists for the forms, and an administrator's own entries: a province's
// administrator adds entries that apply to their province only; national ones are the national
// administrators'. Every change is audited in its transaction.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/catalog/catalog.hpp"

namespace antq::catalog {

struct ItemChange {
  std::optional<std::string> label, label_en;
  std::optional<bool> active;
};

class CatalogService {
 public:
  CatalogService(db::Database& db, const audit::AuditLog& audit) : db_(db), audit_(audit) {}

  // Every kind with its entries (kinds() order): those that apply to records of the unit with
  // `unit_code` (national ones and its province's), or the national lists without one.
  std::vector<std::pair<std::string, std::vector<Item>>> lists(const std::optional<std::string>& unit_code, bool include_inactive);
  // `item.owner_path` is the caller's list owner (access::list_owner_for).
  void add(const http::Principal& who, const Item& item, const std::string& request_id);
  Item update(const http::Principal& who, const std::string& kind, const std::string& code, const ItemChange& change,
              const std::string& request_id);

 private:
  db::Database& db_;
  const audit::AuditLog& audit_;
};

}  // namespace antq::catalog
