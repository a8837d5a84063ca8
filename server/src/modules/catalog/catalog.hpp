#pragma once
// The movement's shared vocabulary (catalog_items): what records store as codes and reports count
// by. Validation of a code goes through here, so every register names the offending field the
// same way.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::catalog {

struct Item {
  std::string kind, code, label, label_en;
  int sort_order = 0;
  bool active = true;
};

// The kinds GET /api/v1/catalog returns, in order.
const std::vector<std::string>& kinds();
bool is_kind(const std::string& kind);

std::vector<Item> items(db::Connection& c, const std::string& kind, bool include_inactive);
// Throws BadRequest naming `field` when `code` is not an active code of `kind`.
void require_code(db::Connection& c, const std::string& kind, const std::string& code, const std::string& field);
void add(db::Connection& c, const Item& item);
bool update(db::Connection& c, const Item& item);

}  // namespace antq::catalog
