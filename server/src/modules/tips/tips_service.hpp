#pragma once
// Citizen tips (C3): public intake and follow-up by code and secret, staff handling to an outcome
// within the legal deadlines, the audited reveal of a reporter's identity, attachments,
// notifications. Scope and permission checks go through http/access.hpp; every staff change is
// audited in its own transaction.
//
// One service, its members defined by job:
//   tip_admission.cpp   limits and proof of work before any work is done (public and staff intake)
//   tip_intake.cpp      a new tip, from the public form or an officer (challenge, submit, create)
//   tip_follow_up.cpp   the reporter's side: tracking, messages, e-mail updates
//   tip_handling.cpp    the staff side: inbox, detail, status and assignment, deadlines, outcome,
//                       messages, release, reveal (the status machine itself: tip_workflow.cpp)
//   tip_categories.cpp  the categories a tip is filed under (a list of the shared catalogue)
//   tips_service.cpp    construction, background work, attachments
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/attachments/attachments.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/tips/deadlines.hpp"
#include "modules/tips/proof_of_work.hpp"
#include "modules/tips/tip.hpp"
#include "modules/tips/tip_admission.hpp"
#include "modules/units/unit.hpp"

namespace antq::tips {

class DuplicateFinder;

// The admission settings (tip_admission.hpp: ANTQ_PUBLIC_CHALLENGE, ANTQ_PUBLIC_RATE_LIMIT and the
// hourly limits), then the rest.
struct TipsOptions : AdmissionOptions {
  std::string attachments_dir;  // outside the web root
  std::vector<std::string> webhook_urls;
  bool email_updates = false;  // an SMTP server is configured: reporters may ask for e-mails
};

struct Submitted {
  TipRecord tip;
  std::string secret;  // shown once, never stored
};

struct ReporterView {
  TipRecord tip;
  std::vector<TipEvent> timeline;
  std::vector<TipMessage> messages;
  std::vector<TipAttachment> attachments;
  bool notify = false;            // an address is told of updates
  bool notify_available = false;  // the server can send e-mail at all
};

// A colleague a tip may be given to.
struct Assignee {
  std::string username, display_name;
  std::optional<std::string> unit_code, unit_name, unit_full_name;  // nullopt: a nationwide account
};

struct StaffView {
  TipRecord tip;
  std::vector<TipEvent> timeline;
  std::vector<TipMessage> messages;
  std::vector<TipAttachment> attachments;
  std::vector<Suggestion> suggestions;
  std::optional<std::pair<std::int64_t, std::string>> duplicate_of;   // id, tracking code
  std::vector<std::pair<TipRecord, std::vector<TipMessage>>> merged;  // duplicates merged into this tip
  std::vector<TipEvent> extensions;
};

struct TipFilter {
  std::optional<std::string> unit;
  std::vector<std::string> statuses, categories;
  std::optional<std::string> from, to;  // Vietnam dates, inclusive
  bool overdue = false;
  std::optional<bool> held;
  std::optional<std::string> assignee, q;
  int page = 1, page_size = 20;
};

struct Outcome {
  bool valid = false;
  std::int64_t cases_solved = 0, suspects_arrested = 0, wanted_caught = 0;
  std::optional<std::string> transferred_to, decision, public_note;
};

struct TipPatch {
  std::optional<std::string> status, reason, assignee;
  std::optional<Outcome> outcome;
  std::optional<std::int64_t> duplicate_of;
  std::optional<bool> transfer_required;
  std::optional<std::string> passed_on_to;
  std::optional<std::string> extend_until, extend_reason;
  bool empty() const {
    return !status && !reason && !assignee && !outcome && !duplicate_of && !transfer_required && !passed_on_to && !extend_until;
  }
};

using StoredFile = attachments::StoredFile;

struct PastTip;  // tip_import.hpp

class TipsService {
 public:
  TipsService(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, TipsOptions options);
  ~TipsService();
  // Background work (duplicate suggestions; webhook delivery is the notifications dispatcher's).
  void start_background();
  void stop_background();
  // Called after each committed intake (wakes the webhook dispatcher).
  void on_intake(std::function<void()> f) { on_intake_ = std::move(f); }
  DuplicateFinder& duplicates() { return *duplicates_; }

  const TipsOptions& options() const { return options_; }

  // Public side.
  // `unit_code`: the unit the tip will be sent to. A unit receiving a flood of tips asks for
  // harder work (more bits), so a flood costs its sender more while a citizen still gets through.
  std::optional<Challenge> challenge(const std::optional<std::string>& unit_code = std::nullopt);
  // Throws TooManyRequests (429 with Retry-After) or BadRequest for the challenge: before any parsing work.
  // Before the body is parsed: the per-address limit and the proof of work. Returns the bits the
  // answer proved (a large number when the challenge is off), for submit_public.
  int admit_public_tip(const std::string& client_ip, std::string_view challenge_answer);
  void admit_follow_up(const std::string& client_ip);
  // The categories a citizen may choose for a tip in the unit `unit_code` (national ones and its
  // province's own); without a unit, the national ones. NotFound for an unknown unit.
  std::vector<Category> categories_for(const std::optional<std::string>& unit_code);
  // `proven_bits` from admit_public_tip: a flooded unit may need more than were proved (400
  // challenge_harder: fetch a challenge for the unit and send again).
  Submitted submit_public(const NewTip& in, int proven_bits);
  // Staff: a tip held for review (a flood) is screened and joins the ordinary inbox.
  void release(const http::Principal& who, std::int64_t id, const std::string& request_id);
  ReporterView track(const std::string& code, const std::string& secret);
  // E-mail when the tip changes: 503 without an SMTP server; the address is sealed, never echoed.
  void subscribe_updates(const std::string& code, const std::string& secret, const std::string& email);
  void unsubscribe_updates(const std::string& code, const std::string& secret);
  // The one-click link of an e-mail (404 for a token that ends nothing).
  void unsubscribe_by_token(const std::string& token);
  TipMessage reporter_message(const std::string& code, const std::string& secret, const std::string& body);
  // Before an upload's body is read: the code and secret are right and the tip takes more files.
  void admit_reporter_upload(const std::string& code, const std::string& secret);
  TipAttachment reporter_attachment(const std::string& code, const std::string& secret, const std::string& file, bool keep_location);

  // Staff side.
  Submitted create(const http::Principal& who, const NewTip& in, const std::string& request_id);
  std::pair<std::vector<TipRecord>, std::int64_t> list(const http::Principal& who, const TipFilter& f);
  StaffView detail(const http::Principal& who, std::int64_t id);
  // Active accounts that may handle the tip: permission tips.write, home unit the tip's unit or one
  // above it (a nationwide account too), inside the caller's area. Nearest unit first.
  std::vector<Assignee> assignees(const http::Principal& who, std::int64_t id);
  void update(const http::Principal& who, std::int64_t id, const TipPatch& p, const std::string& request_id);
  TipMessage officer_message(const http::Principal& who, std::int64_t id, const std::string& body, const std::string& request_id);
  Reporter reveal(const http::Principal& who, std::int64_t id, const std::string& reason, const std::string& request_id);
  StoredFile attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id);
  Category add_category(const http::Principal& who, const Category& c, const std::string& request_id);
  Category edit_category(const http::Principal& who, const std::string& code, const std::optional<std::string>& label,
                         const std::optional<std::string>& label_en, const std::optional<bool>& active, const std::string& request_id);

  // tip_import.cpp: a tip of a past year (PastTip) inside the importer's transaction, without an
  // audit entry of its own (the batch has one): its id. Its removal by the importer's undo: false
  // when gone or outside the caller's area, RuleViolation once someone worked on it since.
  std::int64_t import_in(db::Connection& c, const http::Principal& who, const PastTip& t) const;
  bool remove_imported_in(db::Connection& c, const http::Principal& who, std::int64_t id) const;
  bool exists_in(db::Connection& c, const http::Principal& who, std::int64_t id) const;

  // For tests and `antq seed demo`: when "now" is. Defaults to the system clock.
  void set_clock(std::function<std::chrono::system_clock::time_point()> clock) { clock_ = std::move(clock); }

 private:
  Submitted intake(const NewTip& in, const std::optional<std::string>& received_by, const http::Principal* who,
                   const std::string& request_id, bool held = false);
  struct Target {
    units::Unit unit;
    std::vector<std::string> handlers;  // who to notify of a new tip here
  };
  Target intake_target(const NewTip& in, const http::Principal* who);
  TipRecord reporter_tip(db::Connection& c, const std::string& code, const std::string& secret) const;
  TipRecord staff_tip(db::Connection& c, const http::Principal& who, std::int64_t id) const;
  std::string now() const;
  void wake_outbox() const;

  db::Database& db_;
  const crypto::Keyring& keys_;
  const audit::AuditLog& audit_;
  TipsOptions options_;
  attachments::Attachments files_;  // owner "tips", in options_.attachments_dir
  DeadlineRules rules_;
  Admission admission_;
  std::unique_ptr<DuplicateFinder> duplicates_;
  std::function<void()> on_intake_;
  std::function<std::chrono::system_clock::time_point()> clock_;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, std::pair<std::chrono::steady_clock::time_point, Target>> targets_;
  // Active category → the province that added it (nullopt: national).
  std::map<std::string, std::optional<std::string>> active_categories_;
  std::chrono::steady_clock::time_point categories_at_{};
  // The database's change stamp the cache was made under (PostgreSQL; tip_intake.cpp).
  std::optional<std::uint64_t> cache_stamp_;
};

}  // namespace antq::tips
