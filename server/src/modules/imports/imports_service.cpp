#include "modules/imports/imports_service.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "http/access.hpp"
#include "modules/imports/batch_json.hpp"
#include "modules/imports/columns.hpp"
#include "modules/imports/import_run.hpp"
#include "modules/imports/imports_repository.hpp"

namespace antq::imports {

namespace bj = boost::json;
namespace fs = std::filesystem;

// The sheet, its columns and how they map: what every way of importing starts from. A mapping the
// person sent wins; otherwise the one they confirmed last time for this register.
struct detail::Prepared {
  Sheet sheet;
  std::vector<Column> columns;
  Mapping mapping;
  std::string mapping_json;  // the overrides, as kept with the batch
};

namespace {

using detail::Prepared;

Prepared prepare(db::Database& db, const Target& target, const http::Principal& who, const Upload& u, std::string_view bytes,
                 const SheetLimits& limits) {
  Prepared p{read_sheet(bytes, u.sheet, limits), columns_of(target), {}, u.mapping.value_or("")};
  if (p.mapping_json.empty()) {
    p.mapping_json = db.read_value([&](db::Connection& c) { return repo::mapping(c, who.username, target.spec().name); }).value_or("{}");
  }
  bj::value parsed;
  try {
    parsed = bj::parse(p.mapping_json);
  } catch (const std::exception&) {
    throw BadRequest("Cách ghép cột không phải JSON hợp lệ.", "mapping");
  }
  p.mapping = map_headers(p.sheet.header, p.columns, overrides_from_json(parsed));
  return p;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("imports: cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

ImportsService::ImportsService(db::Database& db, const Targets& targets, const crypto::Keyring& keys, const audit::AuditLog& audit,
                               std::string files_dir, SheetLimits limits)
    : db_(db), targets_(targets), keys_(keys), audit_(audit), files_dir_(std::move(files_dir)), limits_(limits) {
  // Woken by each upload; the interval only catches a batch another server queued. An idle round
  // is one read, never a write transaction.
  for (auto& w : workers_) {
    w = std::make_unique<BackgroundWorker>(
        "imports",
        [this, &w] {
          while (!w->stopping() && run_next()) {
          }
        },
        BackgroundWorker::Options{std::chrono::seconds(30), true});
  }
}

ImportsService::~ImportsService() { stop(); }

const Target& ImportsService::writable(const http::Principal& who, const std::string& register_name) const {
  const auto* s = targets_.find(register_name);
  if (!s) throw NotFound("Không có sổ '" + register_name + "' để nhập dữ liệu.", "register");
  access::require(who, s->spec().write_permission);
  return *s;
}

bj::object ImportsService::dry_run(const http::Principal& who, const Upload& u, std::string_view bytes) {
  const auto& target = writable(who, u.register_name);
  const Prepared p = prepare(db_, target, who, u, bytes, limits_);
  RunResult r;
  if (p.mapping.missing.empty()) {
    r = run_rows(db_, {target, who, keys_, std::nullopt}, p.sheet, p.columns, p.mapping);
  } else {
    // Nothing can be read yet: the answer shows the mapping, so the person can point a column of
    // theirs at each missing one and check again.
    r.counts.rows = static_cast<std::int64_t>(p.sheet.rows.size());
    try {
      require_complete(p.columns, p.mapping);
    } catch (const BadRequest& e) {
      r.errors.push_back({1, "", e.what()});
    }
  }
  bj::object out{{"register", u.register_name},
                 {"format", format_name(p.sheet.format)},
                 {"rows", r.counts.rows},
                 {"create", r.counts.created},
                 {"update", r.counts.updated},
                 {"unchanged", r.counts.unchanged},
                 {"refused", r.counts.refused},
                 {"mapping", mapping_json(p.sheet.header, p.columns, p.mapping)},
                 {"missing_columns", missing_json(p.columns, p.mapping)},
                 {"columns", columns_json(p.columns)}};
  put_errors(out, r.errors);
  return out;
}

std::int64_t ImportsService::enqueue(const http::Principal& who, const Upload& u, std::string_view bytes) {
  auto p = std::make_shared<const Prepared>(prepare(db_, writable(who, u.register_name), who, u, bytes, limits_));
  require_complete(p->columns, p->mapping);
  fs::create_directories(files_dir_);
  const std::string stored = crypto::random_hex(16) + "." + std::string(format_name(p->sheet.format));
  {
    std::ofstream out(fs::path(files_dir_) / stored, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw InsufficientStorage("Không lưu được tệp nhập dữ liệu: ổ đĩa máy chủ đầy hoặc không ghi được.");
  }
  const std::int64_t id = db_.write_value([&](db::Connection& c) {
    if (u.mapping) repo::save_mapping(c, who.username, u.register_name, *u.mapping);
    return repo::insert_batch(
        c, {u.register_name, who.username, principal_json(who), who.unit_path, u.file_name, std::string(format_name(p->sheet.format)),
            stored, u.sheet, p->mapping_json, static_cast<std::int64_t>(p->sheet.rows.size())});
  });
  {
    std::lock_guard lock(parsed_mutex_);
    parsed_id_ = id;
    parsed_ = std::move(p);
  }
  for (auto& w : workers_) w->wake();
  return id;
}

bj::object ImportsService::run_now(const http::Principal& who, const Upload& u, std::string_view bytes) {
  const auto id = enqueue(who, u, bytes);
  // The command line has no worker running: it drains the queue, this batch included.
  while (run_next()) {
  }
  return status(who, id);
}

bool ImportsService::run_next() {
  if (!db_.read_value([](db::Connection& c) { return repo::any_queued(c); })) return false;
  const auto claim = db_.write_value([&](db::Connection& c) { return repo::claim_next(c); });
  if (!claim) return false;
  try {
    run_batch(*claim);
  } catch (const repo::ClaimLost& e) {
    // This instance was silent for minutes (paused, cut off) and another runs the batch now: what
    // this one wrote since its last progress was rolled back with it, and the file is the other's.
    log::warn("import_taken_over", {{"batch", claim->id}, {"error", e.what()}});
  }
  return true;
}

void ImportsService::run_batch(const repo::Claimed& claim) {
  const std::int64_t id = claim.id;
  const Batch b = *db_.read_value([&](db::Connection& c) { return repo::find(c, id); });
  const std::string path = (fs::path(files_dir_) / b.stored_name).string();
  const http::Principal who = principal_from_json(b.principal);
  RunResult r;
  std::string status = "done", message;
  std::vector<std::string> header;
  try {
    const auto* target = targets_.find(b.register_name);
    if (!target) throw NotFound("Sổ '" + b.register_name + "' không còn.");
    std::shared_ptr<const Prepared> kept;
    {
      std::lock_guard lock(parsed_mutex_);
      if (parsed_id_ == id) kept = std::exchange(parsed_, nullptr);
    }
    if (!kept)
      kept = std::make_shared<const Prepared>(
          prepare(db_, *target, who, {b.register_name, b.file_name, b.sheet, b.mapping}, read_file(path), limits_));
    const Prepared& p = *kept;
    header = p.sheet.header;
    require_complete(p.columns, p.mapping);
    r = run_rows(db_, {*target, who, keys_, id}, p.sheet, p.columns, p.mapping,
                 [&](db::Connection& c, const Counts& k) { repo::progress(c, claim, k); });
  } catch (const repo::ClaimLost&) {
    throw;
  } catch (const ApiError& e) {
    status = "failed";
    message = e.what();
  } catch (const std::exception& e) {
    // Not the file's fault (the database went away): the rows written so far stay, and their keys
    // make a new upload of the same file skip them.
    status = "failed";
    message = "Lỗi máy chủ khi nhập (đã ghi " + std::to_string(r.counts.processed) + " dòng): hãy tải tệp lên lại.";
    log::error("import_failed", {{"batch", id}, {"error", e.what()}});
  }
  db_.write([&](db::Connection& c) {
    const auto now = repo::find(c, id);
    Counts k = status == "done" ? r.counts : now->counts;
    repo::finish(c, claim, status, k, errors_json(r.errors),
                 r.failed.empty() ? std::nullopt : std::optional(keys_.seal(failed_rows_json(header, r.failed), kFailedRowsPurpose)),
                 message);
    audit_.record(c, {who.username, "import.run", "import", std::to_string(id), b.unit_path, who.unit_code, "", "",
                      bj::serialize(bj::object{{"register", b.register_name},
                                               {"file_name", b.file_name},
                                               {"status", status},
                                               {"rows", k.rows},
                                               {"created", k.created},
                                               {"updated", k.updated},
                                               {"unchanged", k.unchanged},
                                               {"refused", k.refused}})});
  });
  std::error_code ec;
  fs::remove(path, ec);
}

void ImportsService::start() {
  // SQLite has one process: what it left running it runs again now. On PostgreSQL another instance
  // may be running it; a batch whose runner went silent is taken over by the next poll.
  if (db_.engine() == db::Engine::sqlite) db_.write([](db::Connection& c) { repo::requeue_running(c); });
  for (auto& w : workers_) w->start();
}

void ImportsService::stop() {
  for (auto& w : workers_) w->stop();
}

}  // namespace antq::imports
