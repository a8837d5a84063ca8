#include "modules/units/units_service.hpp"

#include <algorithm>
#include <cstdio>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::units {

namespace {

NotFound unit_not_found() { return NotFound("Không tìm thấy đơn vị."); }

// A local unit strictly below the caller's home unit, for merging and retiring.
Unit local_unit_below(db::Connection& c, const http::Principal& who, const std::string& code) {
  auto u = repo::find_active(c, code);
  if (!u || !access::in_scope(who, u->path)) throw unit_not_found();
  if (u->path == who.unit_path) throw Forbidden("Chỉ quản lý được các đơn vị trực thuộc đơn vị của bạn, không phải chính đơn vị của bạn.");
  if (is_admin_kind(u->kind)) throw RuleViolation("Tỉnh, xã thay đổi theo danh mục hành chính: dùng 'antq import units'.", "code");
  return *u;
}

bool valid_code(const std::string& code) {
  if (code.empty() || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; });
}

}  // namespace

bool in_scope(const std::string& scope_path, const std::string& unit_path) { return path_within(scope_path, unit_path); }

namespace {

// The succession: `u` is retired into `s`; its children move to `s`, and its records roll up
// there (its path now lies under `s`). Shared by PATCH {successor} and the merge.
void retire_into(db::Connection& c, const Unit& u, const Unit& s, const char* field) {
  if (s.id == u.id || s.path.starts_with(u.path)) {
    throw RuleViolation("Đơn vị kế thừa không được là chính nó hoặc đơn vị trực thuộc nó.", field);
  }
  for (const auto& child : repo::children(c, u.id)) {
    repo::set_parent(c, child.id, s.id);
  }
  repo::retire(c, u.id, s.id, timeutil::today_vietnam());
  // Only the retired unit's old subtree moves.
  repo::rebuild_paths(c, subtree_range(u.path));
}

}  // namespace

std::vector<Unit> UnitsService::children(const std::optional<std::string>& parent_code) {
  return db_.read_value([&](db::Connection& c) {
    if (!parent_code) return repo::children(c, std::nullopt);
    auto parent = repo::find_active(c, *parent_code);
    if (!parent) throw unit_not_found();
    return repo::children(c, parent->id);
  });
}

UnitDetail UnitsService::get(const std::string& code, const std::optional<std::string>& dataset) {
  return db_.read_value([&](db::Connection& c) {
    UnitDetail d;
    auto chain = repo::find_with_ancestors(c, code, dataset);
    if (!chain.empty()) {
      d.unit = std::move(chain.back());
      chain.pop_back();
      d.ancestors = std::move(chain);
    } else {
      // Old records name units by their old code: fall back to the latest retired one.
      auto retired = dataset ? std::nullopt : repo::find_latest_retired(c, code);
      if (!retired) throw unit_not_found();
      d.unit = std::move(*retired);
      d.ancestors = repo::ancestors(c, d.unit);
    }
    if (d.unit.successor_id) d.successor = repo::find_by_id(c, *d.unit.successor_id);
    return d;
  });
}

std::vector<SearchHit> UnitsService::search(const std::string& query, bool include_retired, int limit) {
  const std::string q = text::fold(query);
  if (q.empty()) throw BadRequest("Hãy nhập từ khóa tìm kiếm.", "q");
  if (text::length(q) > 100) throw BadRequest("Từ khóa tìm kiếm dài quá 100 ký tự.", "q");
  return db_.read_value([&](db::Connection& c) {
    // Fetch more than asked, then rank: a name equal to the query first, then names starting
    // with it, then the rest; higher levels before lower ones; Vietnamese order within.
    auto found = repo::search(c, q, include_retired, std::max(limit * 4, 200));
    auto rank = [&](const Unit& u) {
      const std::string name = text::fold(u.name);
      const std::string full = text::fold(u.full_name);
      if (name == q || full == q) return 0;
      if (name.starts_with(q) || full.starts_with(q)) return 1;
      return 2;
    };
    std::stable_sort(found.begin(), found.end(), [&](const Unit& a, const Unit& b) {
      const int ra = rank(a), rb = rank(b);
      if (ra != rb) return ra < rb;
      if (a.active != b.active) return a.active;
      return kind_rank(a.kind) < kind_rank(b.kind);
    });
    if (static_cast<int>(found.size()) > limit) found.resize(static_cast<std::size_t>(limit));
    std::vector<SearchHit> hits;
    hits.reserve(found.size());
    for (auto& u : found) {
      std::optional<std::string> parent_name;
      if (u.parent_id) {
        if (auto p = repo::find_by_id(c, *u.parent_id)) parent_name = p->full_name;
      }
      hits.push_back({std::move(u), std::move(parent_name)});
    }
    return hits;
  });
}

std::optional<std::string> UnitsService::path_of(const std::string& code) {
  return db_.read_value([&](db::Connection& c) -> std::optional<std::string> {
    auto u = repo::find_active(c, code);
    if (!u) return std::nullopt;
    return u->path;
  });
}

Unit UnitsService::create(const http::Principal& who, const CreateUnit& in, const std::string& request_id) {
  access::require(who, "units.write");
  if (in.kind != "village" && in.kind != "establishment") {
    throw BadRequest(
        "Loại đơn vị phải là 'village' (thôn, tổ dân phố) hoặc 'establishment' (cơ quan, doanh nghiệp, "
        "trường học…). Tỉnh, xã được nạp từ danh mục hành chính.",
        "kind");
  }
  if (in.kind == "establishment" && in.subkind && !is_establishment_type(*in.subkind)) {
    throw BadRequest("Loại cơ sở phải là một trong: agency, enterprise, school, hospital, industrial_park, other.", "subkind");
  }
  if (in.code && !valid_code(*in.code)) {
    throw BadRequest("Mã đơn vị chỉ gồm chữ cái không dấu, chữ số, '-', '_', '.' và tối đa 32 ký tự.", "code");
  }
  // All-digit codes belong to the official lists (a later import would collide with them).
  if (in.code && in.code->find_first_not_of("0123456789") == std::string::npos) {
    throw BadRequest("Mã đơn vị tự đặt phải có ít nhất một ký tự không phải chữ số (mã số thuần là mã hành chính).", "code");
  }
  return db_.write_value([&](db::Connection& c) {
    repo::lock_tree(c);
    auto parent = repo::find_active(c, in.parent_code);
    if (!parent || !access::in_scope(who, parent->path)) throw NotFound("Không tìm thấy đơn vị cấp trên.");
    if (parent->kind == "establishment") throw RuleViolation("Không thể tạo đơn vị trực thuộc một cơ sở.", "parent");
    if (parent->kind == "province" && in.kind == "village") {
      throw RuleViolation("Thôn, tổ dân phố phải trực thuộc một xã, phường.", "parent");
    }
    std::string code;
    if (in.code) {
      if (repo::find_active(c, *in.code)) throw Conflict("Mã đơn vị '" + *in.code + "' đã được dùng.", "code");
      code = *in.code;
    } else {
      const std::string prefix = parent->code + "-";
      char suffix[24];
      std::snprintf(suffix, sizeof suffix, "%03lld", static_cast<long long>(repo::max_code_suffix(c, prefix)) + 1);
      code = prefix + suffix;
    }
    const std::string subkind = in.subkind.value_or(in.kind == "establishment" ? "other" : "");
    repo::NewUnit nu{code, std::string(kLocalDataset), in.name, in.name, in.kind, subkind, parent->id};
    const auto id = repo::insert(c, nu, parent->path, parent->depth);
    auto created = *repo::find_by_id(c, id);
    audit_.record(c, {who.username, "unit.create", "unit", created.code, created.path, created.code, "", request_id,
                      "{\"kind\":\"" + created.kind + "\"}"});
    return created;
  });
}

Unit UnitsService::update(const http::Principal& who, const std::string& code, const UpdateUnit& in, const std::string& request_id) {
  access::require(who, "units.write");
  return db_.write_value([&](db::Connection& c) {
    repo::lock_tree(c);
    auto u = repo::find_active(c, code);
    if (!u || !access::in_scope(who, u->path)) throw unit_not_found();
    if (is_admin_kind(u->kind) && (in.name || in.successor_code)) {
      throw RuleViolation("Tỉnh, xã thay đổi theo danh mục hành chính: dùng 'antq import units'.", "code");
    }
    if (in.subkind && u->kind == "establishment" && !is_establishment_type(*in.subkind)) {
      throw BadRequest("Loại cơ sở phải là một trong: agency, enterprise, school, hospital, industrial_park, other.", "subkind");
    }
    if (in.name || in.subkind) {
      const std::string name = in.name.value_or(u->name);
      repo::update_names(c, u->id, name, in.name ? name : u->full_name, in.subkind.value_or(u->subkind));
    }
    if (in.successor_code) {
      auto s = repo::find_active(c, *in.successor_code);
      if (!s || !access::in_scope(who, s->path)) throw NotFound("Không tìm thấy đơn vị kế thừa.");
      retire_into(c, *u, *s, "successor");
    }
    auto updated = *repo::find_by_id(c, u->id);
    std::string changed;
    for (auto [flag, name] : {std::pair{in.name.has_value(), "name"}, std::pair{in.subkind.has_value(), "subkind"},
                              std::pair{in.successor_code.has_value(), "successor"}}) {
      if (flag) changed += std::string(changed.empty() ? "" : ",") + "\"" + name + "\"";
    }
    audit_.record(c, {who.username, "unit.update", "unit", updated.code, updated.path, updated.code, "", request_id,
                      "{\"changed\":[" + changed + "]}"});
    return updated;
  });
}

Unit UnitsService::merge(const http::Principal& who, const std::string& code, const MergeUnit& in, const std::string& request_id) {
  access::require(who, "units.write");
  return db_.write_value([&](db::Connection& c) {
    repo::lock_tree(c);
    const Unit u = local_unit_below(c, who, code);
    auto into = repo::find_active(c, in.into_code);
    if (!into || !access::in_scope(who, into->path)) {
      throw BadRequest("Không tìm thấy đơn vị '" + in.into_code + "' để sáp nhập vào.", "into");
    }
    if (into->id == u.id) throw BadRequest("Hãy chọn một đơn vị khác để sáp nhập vào.", "into");
    if (into->parent_id != u.parent_id || into->kind != u.kind) {
      throw RuleViolation("Chỉ sáp nhập được vào một đơn vị cùng loại, cùng trực thuộc một đơn vị cấp trên.", "into");
    }
    retire_into(c, u, *into, "into");
    auto merged = *repo::find_by_id(c, u.id);
    audit_.record(c, {who.username, "unit.merge", "unit", merged.code, merged.path, merged.code, "", request_id,
                      "{\"into\":\"" + into->code + "\"}"});
    return merged;
  });
}

Unit UnitsService::retire(const http::Principal& who, const std::string& code, const std::string& request_id) {
  access::require(who, "units.write");
  return db_.write_value([&](db::Connection& c) {
    repo::lock_tree(c);
    const Unit u = local_unit_below(c, who, code);
    if (u.has_children) {
      throw RuleViolation("Đơn vị còn đơn vị trực thuộc: hãy sáp nhập hoặc cho thôi hoạt động các đơn vị đó trước.", "code");
    }
    repo::retire(c, u.id, std::nullopt, timeutil::today_vietnam());
    auto retired = *repo::find_by_id(c, u.id);
    audit_.record(c, {who.username, "unit.retire", "unit", retired.code, retired.path, retired.code, "", request_id, ""});
    return retired;
  });
}

}  // namespace antq::units
