#include "modules/catalog/catalog.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.sql.hpp"

namespace antq::catalog {

namespace {
using namespace antq::sql::catalog::catalog;  // the statements: catalog.sql
}  // namespace

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> k{"forces",        "activity_types", "topics",     "model_fields",
                                          "dispute_types", "award_forms",    "group_kinds"};
  return k;
}

bool is_kind(const std::string& kind) { return std::find(kinds().begin(), kinds().end(), kind) != kinds().end(); }

namespace {
Item to_item(const db::Row& r) {
  return Item{r.text(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4)), r.integer(5) != 0, r.opt_text(6)};
}
}  // namespace

std::vector<Item> items(db::Connection& c, const std::string& kind, bool include_inactive) {
  std::vector<Item> out;
  for (const auto& r : c.query(kItems, kind).rows) {
    Item i = to_item(r);
    if (i.active || include_inactive) out.push_back(std::move(i));
  }
  return out;
}

std::optional<Item> find(db::Connection& c, const std::string& kind, const std::string& code) {
  const auto r = c.query(kFind, kind, code);
  if (r.rows.empty()) return std::nullopt;
  return to_item(r.rows[0]);
}

std::vector<Item> items_for(db::Connection& c, const std::string& kind, bool include_inactive,
                            const std::optional<std::string>& unit_path) {
  auto all = items(c, kind, include_inactive);
  std::erase_if(all, [&](const Item& i) { return i.owner_path && !(unit_path && access::list_entry_applies(i.owner_path, *unit_path)); });
  return all;
}

void require_code(db::Connection& c, const std::string& kind, const std::string& code, const std::string& field,
                  const std::string& unit_path) {
  if (!code.empty() && code.size() <= 40) {
    auto r = c.query(kActive, kind, code);
    if (!r.rows.empty() &&
        access::list_entry_applies(r.rows[0].is_null(0) ? std::nullopt : std::optional<std::string>(r.rows[0].text(0)), unit_path)) {
      return;
    }
  }
  throw BadRequest("Mã '" + code + "' của trường '" + field + "' không có trong danh mục.", field);
}

void CodeChecks::require(db::Connection& c, const std::string& kind, const std::string& code, const std::string& field,
                         const std::string& unit_path) {
  auto [it, fresh] = owners_.try_emplace({kind, code});
  if (fresh && !code.empty() && code.size() <= 40) {
    auto r = c.query(kActive, kind, code);
    if (!r.rows.empty()) it->second = r.rows[0].is_null(0) ? std::nullopt : std::optional<std::string>(r.rows[0].text(0));
  }
  if (it->second && access::list_entry_applies(*it->second, unit_path)) return;
  throw BadRequest("Mã '" + code + "' của trường '" + field + "' không có trong danh mục.", field);
}

void add(db::Connection& c, const Item& item) {
  try {
    c.query(kInsert, item.kind, item.code, item.label, item.label_en, item.owner_path ? db::Value(*item.owner_path) : db::Value(nullptr));
  } catch (const db::UniqueViolation&) {
    throw Conflict("Mã '" + item.code + "' đã có trong danh mục.", "code");
  }
}

bool update(db::Connection& c, const Item& item) {
  return c.query(kUpdate, item.kind, item.code, item.label, item.label_en, item.active ? 1 : 0).affected > 0;
}

}  // namespace antq::catalog
