// What happens to a batch after its upload: its progress and result, the list of past imports,
// the failed rows to fix, the undo; and the templates handed out before any upload.
#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "core/download_name.hpp"
#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/imports/batch_json.hpp"
#include "modules/imports/imports_repository.hpp"
#include "modules/imports/imports_service.hpp"
#include "modules/imports/sheet_files.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::imports {

namespace bj = boost::json;

namespace {

constexpr int kUndoDays = 7;

const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const char* kCsvType = "text/csv; charset=utf-8";

// A batch the caller may see: theirs, or one run by someone inside their area.
Batch visible(db::Connection& c, const http::Principal& who, std::int64_t id) {
  auto b = repo::find(c, id);
  if (!b || (b->username != who.username && !access::in_scope(who, b->unit_path))) throw NotFound("Không tìm thấy lần nhập dữ liệu này.");
  return *b;
}

}  // namespace

bj::object ImportsService::status(const http::Principal& who, std::int64_t id) {
  return db_.read_value([&](db::Connection& c) { return batch_json(visible(c, who, id), true); });
}

bj::object ImportsService::list(const http::Principal& who, const std::optional<std::string>& register_name) {
  return db_.read_value([&](db::Connection& c) {
    bj::array items;
    for (const auto& b : repo::list(c, access::scope_range(who), register_name, 100)) items.push_back(batch_json(b, false));
    return bj::object{{"items", std::move(items)}};
  });
}

DownloadFile ImportsService::failed_rows(const http::Principal& who, std::int64_t id) {
  return db_.read_value([&](db::Connection& c) {
    const Batch b = visible(c, who, id);
    const auto sealed = repo::failed_rows(c, id);
    if (!sealed) throw NotFound("Lần nhập này không có dòng lỗi.");
    const auto json = keys_.open(*sealed, kFailedRowsPurpose);
    if (!json) throw std::runtime_error("import " + std::to_string(id) + ": the failed rows do not open with the data key");
    const auto o = bj::parse(*json).as_object();
    FailedRows f;
    for (const auto& h : o.at("header").as_array()) f.header.emplace_back(h.as_string());
    for (const auto& r : o.at("rows").as_array()) {
      FailedRows::Row row{static_cast<std::size_t>(r.at("row").to_number<std::int64_t>()), {}, std::string(r.at("error").as_string())};
      for (const auto& cell : r.at("cells").as_array()) row.cells.emplace_back(cell.as_string());
      f.rows.push_back(std::move(row));
    }
    const auto format = b.format == "xlsx" ? SheetFormat::xlsx : SheetFormat::csv;
    const std::string stem = b.file_name.substr(0, b.file_name.rfind('.'));
    return DownloadFile{failed_rows_file(f, format), format == SheetFormat::xlsx ? kXlsxType : kCsvType,
                        download::slug(stem.empty() ? "nhap-du-lieu" : stem) + "_dong-loi." + b.format};
  });
}

bj::object ImportsService::undo(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  return db_.write_value([&](db::Connection& c) {
    const Batch b = visible(c, who, id);
    const auto& target = writable(who, b.register_name);
    if (b.status == "undone") throw Conflict("Lần nhập này đã được hoàn tác.");
    if (b.status != "done" && b.status != "failed") throw Conflict("Lần nhập đang chạy: hãy chờ xong rồi hoàn tác.");
    const std::string since = b.finished_at.value_or("").substr(0, 10);
    if (since.empty() || timeutil::add_days(since, kUndoDays) < timeutil::today_vietnam()) {
      throw RuleViolation("Chỉ hoàn tác được trong " + std::to_string(kUndoDays) + " ngày sau khi nhập.");
    }
    std::int64_t removed = 0;
    bj::array kept;
    for (const auto id_ : repo::created_records(c, id)) {
      c.execute_script("SAVEPOINT import_undo");
      try {
        const Undone u = target.undo(c, who, id_);
        c.execute_script("RELEASE SAVEPOINT import_undo");
        if (!u.kept_because.empty()) {
          kept.push_back(bj::object{{"id", std::to_string(id_)}, {"reason", u.kept_because}});
          continue;
        }
        repo::forget_row(c, id, id_);
        if (u.removed) ++removed;
      } catch (const ApiError& e) {
        c.execute_script("ROLLBACK TO SAVEPOINT import_undo");
        c.execute_script("RELEASE SAVEPOINT import_undo");
        kept.push_back(bj::object{{"id", std::to_string(id_)}, {"reason", e.what()}});
      }
    }
    repo::mark_undone(c, id, bj::serialize(kept));
    audit_.record(c, {who.username, "import.undo", "import", std::to_string(id), b.unit_path, who.unit_code, "", request_id,
                      bj::serialize(bj::object{{"register", b.register_name}, {"removed", removed}, {"kept", kept.size()}})});
    return bj::object{{"id", std::to_string(id)}, {"status", "undone"}, {"removed", removed}, {"kept", std::move(kept)}};
  });
}

DownloadFile ImportsService::template_file(const http::Principal& who, const std::string& file_stem, SheetFormat format) {
  // A register whose name has a slash ("reintegration/people") is named with a hyphen in a file name.
  std::string register_name = file_stem;
  if (!targets_.find(register_name)) std::replace(register_name.begin(), register_name.end(), '-', '/');
  const auto& target = writable(who, register_name);
  return db_.read_value([&](db::Connection& c) {
    TemplateContext ctx;
    auto home = who.unit_code.empty() ? std::nullopt : units::repo::find_active(c, who.unit_code);
    ctx.example_unit = home ? home->code : "";
    const std::string today = timeutil::today_vietnam();
    ctx.example_date = today.substr(8, 2) + "/" + today.substr(5, 2) + "/" + today.substr(0, 4);
    const bool xlsx = format == SheetFormat::xlsx;
    return DownloadFile{xlsx ? template_xlsx(c, target, ctx) : template_csv(c, target, ctx), xlsx ? kXlsxType : kCsvType,
                        "mau-nhap_" + download::slug(target.spec().title) + (xlsx ? ".xlsx" : ".csv")};
  });
}

}  // namespace antq::imports
