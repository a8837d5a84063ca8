#include "modules/imports/batch_json.hpp"

#include <boost/json.hpp>

namespace antq::imports {

namespace bj = boost::json;

namespace {

constexpr std::size_t kMaxErrors = 1000;

bj::value opt(const std::optional<std::string>& s) { return s ? bj::value(*s) : bj::value(nullptr); }

}  // namespace

bj::object batch_json(const Batch& b, bool with_errors) {
  bj::object o{{"id", std::to_string(b.id)},
               {"register", b.register_name},
               {"file_name", b.file_name},
               {"format", b.format},
               {"username", b.username},
               {"status", b.status},
               {"rows", b.counts.rows},
               {"processed", b.counts.processed},
               {"created", b.counts.created},
               {"updated", b.counts.updated},
               {"unchanged", b.counts.unchanged},
               {"refused", b.counts.refused},
               {"message", b.message},
               {"created_at", opt(b.created_at)},
               {"started_at", opt(b.started_at)},
               {"finished_at", opt(b.finished_at)},
               {"undone_at", opt(b.undone_at)}};
  if (with_errors) {
    o["errors"] = bj::parse(b.errors);
    o["undo_kept"] = b.undo_kept ? bj::parse(*b.undo_kept) : bj::value(bj::array{});
  }
  return o;
}

void put_errors(bj::object& out, const std::vector<CellError>& errors) {
  bj::array a;
  for (std::size_t i = 0; i < errors.size() && i < kMaxErrors; ++i) {
    a.push_back(bj::object{{"row", errors[i].row}, {"column", errors[i].column}, {"message", errors[i].message}});
  }
  out["errors"] = std::move(a);
  out["errors_truncated"] = errors.size() > kMaxErrors;
}

std::string errors_json(const std::vector<CellError>& errors) {
  bj::object o;
  put_errors(o, errors);
  return bj::serialize(o["errors"]);
}

std::string failed_rows_json(const std::vector<std::string>& header, const std::vector<RunResult::Failed>& failed) {
  bj::array rows;
  for (const auto& f : failed) {
    bj::array cells;
    for (const auto& c : f.cells) cells.push_back(bj::value(c));
    rows.push_back(bj::object{{"row", f.row}, {"cells", std::move(cells)}, {"error", f.error}});
  }
  bj::array h;
  for (const auto& x : header) h.push_back(bj::value(x));
  return bj::serialize(bj::object{{"header", std::move(h)}, {"rows", std::move(rows)}});
}

std::string principal_json(const http::Principal& who) {
  bj::array perms;
  for (const auto& p : who.permissions) perms.push_back(bj::value(p));
  return bj::serialize(bj::object{{"user_id", who.user_id},
                                  {"username", who.username},
                                  {"role", who.role},
                                  {"unit_code", who.unit_code},
                                  {"unit_path", who.unit_path},
                                  {"permissions", std::move(perms)}});
}

http::Principal principal_from_json(const std::string& json) {
  const auto o = bj::parse(json).as_object();
  http::Principal p;
  p.user_id = std::string(o.at("user_id").as_string());
  p.username = std::string(o.at("username").as_string());
  p.role = std::string(o.at("role").as_string());
  p.unit_code = std::string(o.at("unit_code").as_string());
  p.unit_path = std::string(o.at("unit_path").as_string());
  for (const auto& x : o.at("permissions").as_array()) p.permissions.emplace_back(x.as_string());
  return p;
}

}  // namespace antq::imports
