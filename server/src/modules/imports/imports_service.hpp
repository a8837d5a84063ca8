#pragma once
// Spreadsheet import for every register (issue 14): the dry run, the queued run in the
// background, its progress, the failed rows, the undo within 7 days, the templates and the column
// mappings people confirmed. Who may import is who may write the register; rows for units outside
// their area are refused row by row; one audit entry per batch.
#include <boost/json/object.hpp>

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/background_worker.hpp"
#include "core/keyring.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/imports/import_targets.hpp"
#include "modules/imports/imports_repository.hpp"
#include "modules/imports/sheet.hpp"

namespace antq::imports {

namespace detail {
struct Prepared;  // imports_service.cpp: a sheet read and mapped
}

struct Upload {
  std::string register_name;
  std::string file_name;               // as the person's computer named it (shown in the list and the audit)
  std::optional<std::string> sheet;    // XLSX: a sheet by name; the first one otherwise
  std::optional<std::string> mapping;  // JSON {"header": "field" | null}: the person's corrections
};

struct DownloadFile {
  std::string body, content_type, file_name;
};

class ImportsService {
 public:
  ImportsService(db::Database& db, const Targets& targets, const crypto::Keyring& keys, const audit::AuditLog& audit, std::string files_dir,
                 SheetLimits limits = {});
  ~ImportsService();
  ImportsService(const ImportsService&) = delete;
  ImportsService& operator=(const ImportsService&) = delete;

  // {"rows", "create", "update", "unchanged", "refused", "errors", "mapping", …}: nothing is kept.
  boost::json::object dry_run(const http::Principal& who, const Upload& u, std::string_view bytes);
  // Checks the file as the dry run does, keeps it and queues the batch: its id.
  std::int64_t enqueue(const http::Principal& who, const Upload& u, std::string_view bytes);
  // The whole run in the caller's thread (the command line): the batch's final state.
  boost::json::object run_now(const http::Principal& who, const Upload& u, std::string_view bytes);
  boost::json::object status(const http::Principal& who, std::int64_t id);
  boost::json::object list(const http::Principal& who, const std::optional<std::string>& register_name);
  DownloadFile failed_rows(const http::Principal& who, std::int64_t id);
  boost::json::object undo(const http::Principal& who, std::int64_t id, const std::string& request_id);
  DownloadFile template_file(const http::Principal& who, const std::string& register_name, SheetFormat format);

  // The background run: start() also puts back in the queue what a stopped server left running.
  void start();
  void stop();
  // One queued batch, if any (the worker's round; tests call it to run the queue to its end).
  bool run_next();

 private:
  const Target& writable(const http::Principal& who, const std::string& register_name) const;
  void run_batch(const repo::Claimed& claim);

  db::Database& db_;
  const Targets& targets_;
  const crypto::Keyring& keys_;
  const audit::AuditLog& audit_;
  const std::string files_dir_;
  const SheetLimits limits_;
  // The sheet enqueue() read last, kept for its run: the worker (or run_now) takes it instead of
  // reading and parsing the stored file again (a tenth of a large import's time).
  std::mutex parsed_mutex_;
  std::int64_t parsed_id_ = 0;
  std::shared_ptr<const detail::Prepared> parsed_;
  // Two runs at a time, of different units (repo::claim_next): a commune's small file does not wait
  // for a province's ten-year one.
  std::array<std::unique_ptr<BackgroundWorker>, 2> workers_;
};

}  // namespace antq::imports
