#pragma once
// Reports (C11): the summary of an area and a period, its time series and breakdowns, and issued
// reports (number, date and figures stored, reopened unchanged). Staff only, `reports.read`,
// inside the caller's area.
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/reports/docx_converter.hpp"
#include "modules/reports/figures.hpp"
#include "modules/reports/report_document.hpp"
#include "modules/reports/rollups.hpp"

namespace antq::reports {

struct ReportQuery {
  std::optional<std::string> unit, dataset;  // none: the caller's area
  std::string from, to;
  bool compare_previous_year = false;
};

// The parts of a report its issuer writes (POST /api/v1/reports and its preview).
struct ReportDraft {
  ReportQuery query;
  std::optional<std::string> title, number;
  std::string signer, assessment, direction;
};

class ReportsService {
 public:
  // `report_db`: where the dashboard's figures (summary, time series, breakdown) are read; it may
  // be a replica a little behind (modules::Host::report_db). Documents, issued or drafted, are
  // official: their figures are read from `db`, the primary, as of the request.
  ReportsService(db::Database& db, db::Database& report_db, Rollups& rollups, const audit::AuditLog& audit)
      : db_(db), report_db_(report_db), rollups_(rollups), audit_(audit), converter_(DocxConverter::from_environment()) {}

  boost::json::object summary(const http::Principal& who, const ReportQuery& q);
  // The summary with what only documents show (the table of child units).
  boost::json::object document_figures(const http::Principal& who, const ReportQuery& q);
  // The figures as a document: "html" | "docx" | "xlsx" | "csv". `issued`: the stored heading,
  // number, texts of an issued report (none: a draft of the caller's area).
  std::string render(const http::Principal& who, const boost::json::object& figures, const std::string& format,
                     const DocumentInfo* issued = nullptr);
  boost::json::object timeseries(const http::Principal& who, const ReportQuery& q, const std::string& metric, const std::string& interval);
  boost::json::object breakdown(const http::Principal& who, const ReportQuery& q, const std::string& metric, const std::string& by);

  boost::json::object issue(const http::Principal& who, const boost::json::object& body, const std::string& request_id);
  // The document the same body would issue, not stored (POST /api/v1/reports?dry_run=1: the issue
  // dialog's preview).
  std::string preview(const http::Principal& who, const boost::json::object& body, const std::string& format);
  boost::json::object issued(const http::Principal& who, std::int64_t id);
  boost::json::array list_issued(const http::Principal& who, const std::optional<std::string>& unit);
  DocumentInfo document_info(const http::Principal& who, const boost::json::object& report);

 private:
  boost::json::object summary_in(db::Database& db, const http::Principal& who, const ReportQuery& q);
  Area area(db::Connection& c, const http::Principal& who, const ReportQuery& q);
  Labels labels(db::Connection& c);
  boost::json::object children_table(db::Connection& c, const Area& a, const Period& p);
  Heading heading_of(db::Connection& c, const boost::json::object& figures);

  db::Database& db_;
  db::Database& report_db_;
  Rollups& rollups_;
  const audit::AuditLog& audit_;
  DocxConverter converter_;
};

}  // namespace antq::reports
