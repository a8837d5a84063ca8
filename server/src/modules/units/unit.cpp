#include "modules/units/unit.hpp"

namespace antq::units {

namespace {
constexpr std::string_view kKinds[] = {"province", "district", "commune", "village", "establishment"};
constexpr std::string_view kEstablishmentTypes[] = {"agency", "enterprise", "school", "hospital", "industrial_park", "other"};
}  // namespace

bool is_kind(std::string_view kind) {
  for (auto k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

bool is_admin_kind(std::string_view kind) { return kind == "province" || kind == "district" || kind == "commune"; }

int kind_rank(std::string_view kind) {
  for (int i = 0; i < 5; ++i) {
    if (kKinds[i] == kind) return i;
  }
  return 5;
}

bool is_establishment_type(std::string_view subkind) {
  for (auto t : kEstablishmentTypes) {
    if (t == subkind) return true;
  }
  return false;
}

boost::json::object to_json(const Unit& u) {
  boost::json::object o;
  o["code"] = u.code;
  o["name"] = u.name;
  o["full_name"] = u.full_name;
  o["kind"] = u.kind;
  o["subkind"] = u.subkind;
  if (u.parent_code) o["parent_code"] = *u.parent_code;
  else o["parent_code"] = nullptr;
  o["active"] = u.active;
  o["dataset"] = u.dataset;
  o["has_children"] = u.has_children;
  return o;
}

}  // namespace antq::units
