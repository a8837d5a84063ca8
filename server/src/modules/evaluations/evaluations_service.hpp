#pragma once
// The yearly "An toàn về an ninh, trật tự" evaluation (TT 124/2021, C8): a unit's registration,
// the evaluation against a criteria set, and the workflow draft → submitted → returned | approved,
// decided by the body the circular names (the commune for its residential areas, agencies,
// enterprises and schools; the level above for a commune). A passed, approved evaluation gets a
// recognition certificate (Giấy công nhận).
//
// One service, its members defined by job: evaluation_workflow.cpp (draft, submit, return,
// approve), evaluation_registrations.cpp, evaluations_service.cpp (reading, evidence files);
// SQL in evaluations_repository.cpp, shared pieces in evaluation_parts.hpp.
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/attachments/attachments.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::evaluations {

struct ListFilter {
  std::optional<std::string> unit, status, target_kind;
  std::optional<int> year;
  int page = 1, per_page = 50;
};

class EvaluationsService {
 public:
  // An evaluation's evidence: up to 10 files per criterion, 50 in all.
  static constexpr std::int64_t kMaxFiles = 50;

  EvaluationsService(db::Database& db, const audit::AuditLog& audit, std::string attachments_dir)
      : db_(db), audit_(audit), files_(db, {"evaluations", std::move(attachments_dir), "bản đánh giá", kMaxFiles}) {}

  boost::json::object create(const http::Principal& who, const boost::json::object& body, const std::string& request_id);
  boost::json::object get(const http::Principal& who, std::int64_t id);
  boost::json::object update(const http::Principal& who, std::int64_t id, const boost::json::object& body, const std::string& request_id);
  boost::json::object submit(const http::Principal& who, std::int64_t id, const std::string& request_id);
  boost::json::object send_back(const http::Principal& who, std::int64_t id, const std::string& comment, const std::string& request_id);
  boost::json::object approve(const http::Principal& who, std::int64_t id, const std::string& comment, const std::string& request_id);
  void remove(const http::Principal& who, std::int64_t id, const std::string& request_id);
  std::pair<boost::json::array, std::int64_t> list(const http::Principal& who, const ListFilter& f);
  // Units in the area (evaluated kinds) without an approved evaluation against an official set.
  boost::json::array pending(const http::Principal& who, const std::optional<std::string>& unit, int year);

  boost::json::array registrations(const http::Principal& who, const std::optional<std::string>& unit, std::optional<int> year);
  boost::json::object add_registration(const http::Principal& who, const boost::json::object& body, const std::string& request_id);
  boost::json::object update_registration(const http::Principal& who, std::int64_t id, const boost::json::object& body,
                                          const std::string& request_id);

  // Evidence files of one criterion (photos, videos; checked like activity photos).
  void admit_attachment(const http::Principal& who, std::int64_t id, const std::string& criterion);
  boost::json::object add_attachment(const http::Principal& who, std::int64_t id, const std::string& criterion,
                                     const std::string& upload_path, bool keep_location, const std::string& request_id);
  attachments::StoredFile attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id);

  // The Giấy công nhận of an approved, passed evaluation (HTML, A4).
  std::string certificate(const http::Principal& who, std::int64_t id);

 private:
  db::Database& db_;
  const audit::AuditLog& audit_;
  attachments::Attachments files_;  // owner "evaluations", part = the criterion
};

}  // namespace antq::evaluations
