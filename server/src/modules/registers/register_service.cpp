#include "modules/registers/register_service.hpp"

#include <stdexcept>

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/registers/register_query.hpp"
#include "modules/registers/register_validation.hpp"
#include "modules/units/area.hpp"

namespace antq::registers {

namespace bj = boost::json;

RegisterService::RegisterService(Spec spec, db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit)
    : spec_(std::move(spec)), db_(db), keys_(keys), audit_(audit), repo_(spec_, keys_) {}

void RegisterService::run_check(db::Connection& c, const bj::object& values, std::int64_t unit_id, std::int64_t id) const {
  if (!spec_.check) return;
  spec_.check(c, values, unit_kind(c, unit_id), unit_id, id);
}

std::int64_t RegisterService::create_in(db::Connection& c, const http::Principal& who, const bj::object& body,
                                        const ChosenUnit& preset) const {
  ChosenUnit unit;
  const bj::object values = validate_record(c, spec_, who, body, nullptr, unit, preset.id != 0 ? &preset : nullptr);
  run_check(c, values, unit.id, 0);
  std::int64_t id = 0;
  try {
    id = repo_.insert(c, unit.id, values, who.username, timeutil::now_utc());
  } catch (const db::UniqueViolation&) {
    throw Conflict("Bản ghi trùng với một bản ghi đã có (" + spec_.title + ").");
  }
  repo_.store_codes(c, id, values, true);
  if (spec_.after_write) spec_.after_write(c, who, id, nullptr, values, body);
  return id;
}

std::vector<std::int64_t> RegisterService::create_many_in(db::Connection& c, const http::Principal& who,
                                                          const std::vector<Validated>& rows) const {
  if (!writes_in_bulk()) throw std::logic_error(spec_.name + ": records with rules or history are written one by one");
  try {
    return repo_.insert_many(c, rows, who.username, timeutil::now_utc());
  } catch (const db::UniqueViolation&) {
    throw Conflict("Bản ghi trùng với một bản ghi đã có (" + spec_.title + ").");
  }
}

Record RegisterService::create(const http::Principal& who, const bj::object& body, const std::string& request_id) {
  access::require(who, spec_.write_permission);
  return db_.write_value([&](db::Connection& c) {
    const std::int64_t id = create_in(c, who, body, ChosenUnit{});
    Record r = get_in(c, who, id);
    audit_.record(c,
                  {who.username, spec_.entity + ".create", spec_.entity, std::to_string(id), r.unit_path, r.unit_code, "", request_id, ""});
    return r;
  });
}

void RegisterService::update_in(db::Connection& c, const http::Principal& who, const Record& cur, const bj::object& body,
                                const ChosenUnit* preset) const {
  ChosenUnit unit;
  const bj::object values = validate_record(c, spec_, who, body, &cur, unit, preset);
  const std::int64_t unit_id = unit.id != 0 ? unit.id : repo_.unit_id_of(c, cur.id);
  run_check(c, values, unit_id, cur.id);
  try {
    repo_.update(c, cur.id, unit_id, values, timeutil::now_utc());
  } catch (const db::UniqueViolation&) {
    throw Conflict("Bản ghi trùng với một bản ghi đã có (" + spec_.title + ").");
  }
  repo_.store_codes(c, cur.id, values, false);
  if (spec_.after_write) spec_.after_write(c, who, cur.id, &cur.values, values, body);
}

Record RegisterService::update(const http::Principal& who, std::int64_t id, const bj::object& body, const std::string& request_id,
                               const std::optional<std::string>& version) {
  access::require(who, spec_.write_permission);
  if (body.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  return db_.write_value([&](db::Connection& c) {
    const Record cur = get_in(c, who, id);
    if (version && !repo_.claim_version(c, id, *version, timeutil::now_utc())) throw EditConflict();
    update_in(c, who, cur, body, nullptr);
    std::string changed;
    for (const auto& kv : body) changed += std::string(changed.empty() ? "\"" : ",\"") + std::string(kv.key()) + "\"";
    audit_.record(c, {who.username, spec_.entity + ".update", spec_.entity, std::to_string(id), cur.unit_path, cur.unit_code, "",
                      request_id, "{\"changed\":[" + changed + "]}"});
    return get_in(c, who, id);
  });
}

void RegisterService::remove_in(db::Connection& c, std::int64_t id) const {
  if (spec_.attachments && files_) files_->remove_all(c, id);
  try {
    repo_.remove(c, id);
  } catch (const db::DatabaseError&) {
    throw Conflict("Bản ghi đang được bản ghi khác tham chiếu, không xóa được.");
  }
}

void RegisterService::remove(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  access::require(who, spec_.write_permission);
  db_.write([&](db::Connection& c) {
    const Record cur = get_in(c, who, id);
    remove_in(c, id);
    audit_.record(
        c, {who.username, spec_.entity + ".delete", spec_.entity, std::to_string(id), cur.unit_path, cur.unit_code, "", request_id, ""});
  });
}

Record RegisterService::get_in(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  auto rows = repo_.load(c, "WHERE r.id = $1", {id}, "");
  if (rows.empty() || !access::in_scope(who, rows[0].unit_path)) throw NotFound("Không tìm thấy bản ghi.");
  return std::move(rows[0]);
}

Record RegisterService::get(const http::Principal& who, std::int64_t id) {
  access::require(who, spec_.read_permission);
  return db_.read_value([&](db::Connection& c) { return get_in(c, who, id); });
}

std::pair<std::vector<Record>, std::int64_t> RegisterService::list(const http::Principal& who, const ListQuery& q, bool all_rows) {
  access::require(who, spec_.read_permission);
  return db_.read_value([&](db::Connection& c) {
    const ListSql sql = list_sql(spec_, keys_, units::area_range(c, who, q.unit), q, all_rows);
    const auto total = repo_.count(c, sql.where, sql.where_params());
    return std::make_pair(repo_.load(c, sql.where, sql.params, sql.tail), total);
  });
}
void RegisterService::set_attachments_dir(std::string dir) {
  files_.emplace(db_, attachments::Owner{spec_.name, std::move(dir), "bản ghi"});
}

void RegisterService::admit_attachment(const http::Principal& who, std::int64_t id) {
  access::require(who, spec_.write_permission);
  if (!spec_.attachments || !files_) throw NotFound("Sổ này không nhận tệp đính kèm.");
  files_->admit([&](db::Connection& c) { return get_in(c, who, id).id; });
}

bj::object RegisterService::add_attachment(const http::Principal& who, std::int64_t id, const std::string& upload_path, bool keep_location,
                                           const std::string& request_id) {
  access::require(who, spec_.write_permission);
  if (!spec_.attachments || !files_) throw NotFound("Sổ này không nhận tệp đính kèm.");
  Record r;
  const auto a = files_->add(
      {upload_path, keep_location, who.username, "", ""},
      [&](db::Connection& c) {
        r = get_in(c, who, id);  // still there, still in scope
        return r.id;
      },
      [&](db::Connection& c, const attachments::Attachment& file) {
        audit_.record(c, {who.username, spec_.entity + ".attach", spec_.entity, std::to_string(id), r.unit_path, r.unit_code, "",
                          request_id, "{\"attachment\":" + std::to_string(file.id) + "}"});
      });
  return attachments::to_json(a);
}

bj::array RegisterService::attachments(const http::Principal& who, std::int64_t id) {
  access::require(who, spec_.read_permission);
  if (!files_) throw NotFound("Sổ này không nhận tệp đính kèm.");
  return db_.read_value([&](db::Connection& c) {
    get_in(c, who, id);
    bj::array out;
    for (const auto& a : files_->list(c, id)) out.push_back(attachments::to_json(a));
    return out;
  });
}

attachments::StoredFile RegisterService::attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id) {
  access::require(who, spec_.read_permission);
  if (!files_) throw NotFound("Không tìm thấy tệp đính kèm.");
  return db_.read_value([&](db::Connection& c) {
    get_in(c, who, id);
    return files_->file(c, id, attachment_id, spec_.name + "-" + std::to_string(id));
  });
}

bool RegisterService::sees_sealed(const http::Principal& who, const Record& r) const {
  if (!spec_.identity_visible) return access::can(who, spec_.write_permission);
  return db_.read_value([&](db::Connection& c) { return spec_.identity_visible(c, who, r.unit_path); });
}

bj::object RegisterService::to_json(const Record& r, bool detail) const {
  bj::object o{{"id", std::to_string(r.id)}, {"unit", bj::object{{"code", r.unit_code}, {"name", r.unit_name}}}};
  if (!spec_.ref_prefix.empty()) o["ref"] = spec_.reference(r.id);
  if (spec_.has_sealed()) o["identity_visible"] = detail;
  for (const auto& f : spec_.fields) {
    if (f.sealed) {
      if (detail) o[f.name] = r.values.at(f.name);
      continue;
    }
    if (f.type == FieldType::sealed_list) {
      o[f.name + "_count"] = r.values.at(f.name + "_count");
      if (detail) o[f.name] = r.values.at(f.name);
      continue;
    }
    const auto& v = r.values.at(f.name);
    o[f.name] = (f.type == FieldType::reference && v.is_int64()) ? bj::value(std::to_string(v.as_int64())) : v;
  }
  o["created_by"] = r.created_by;
  o["created_at"] = r.created_at;
  o["updated_at"] = r.updated_at;
  return o;
}

}  // namespace antq::registers
