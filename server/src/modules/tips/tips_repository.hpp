#pragma once
// SQL for tips, kept next to its named statements in tips_repository.cpp. Functions take an open
// connection: the service decides the transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/tree_path.hpp"
#include "db/database.hpp"
#include "modules/tips/tip.hpp"

namespace antq::tips::repo {

struct InsertTip {
  std::string tracking_code, secret_hash;
  std::int64_t unit_id = 0;
  std::string category, channel, description, search_text, place;
  std::optional<double> lat, lng;
  std::optional<std::string> occurred_at;
  bool anonymous = true;
  std::optional<std::string> reporter_sealed;
  std::string received_at;
  std::optional<std::string> received_by;
  std::string settle_due_at;
  bool held_for_review = false;
};
std::int64_t insert_tip(db::Connection& c, const InsertTip& t);
// Screened: the tip joins the ordinary inbox.
void release_hold(db::Connection& c, std::int64_t id, const std::string& now);

std::optional<TipRecord> find(db::Connection& c, std::int64_t id);
// Imported tips (tip_import.cpp): kept out of the duplicate finder; whether anyone worked on one
// since (a message, a duplicate pointing at it, any event the import does not write, a change);
// and its removal with its events and suggestions. Its files are the attachments module's.
void mark_imported(db::Connection& c, std::int64_t id);
bool touched_since_import(db::Connection& c, std::int64_t id);
void remove_imported(db::Connection& c, std::int64_t id);
std::optional<TipRecord> find_by_code(db::Connection& c, const std::string& tracking_code);
std::optional<std::string> secret_hash(db::Connection& c, std::int64_t id);
std::optional<std::string> reporter_sealed(db::Connection& c, std::int64_t id);

struct ListFilter {
  PathRange scope;         // the rows: the caller's area, or a unit inside it
  PathRange caller_scope;  // what the caller may see (counts of related tips)
  std::vector<std::string> statuses, categories;
  std::optional<std::string> received_from, received_to;  // RFC 3339 bounds, inclusive/exclusive
  bool overdue_only = false;
  std::optional<std::string> assignee;
  std::optional<bool> held;           // only tips held for review (true) or only the others (false)
  std::optional<std::string> q_like;  // an escaped LIKE pattern on the folded text
  std::string now;
  int page = 1, page_size = 20;
};
std::pair<std::vector<TipRecord>, std::int64_t> list(db::Connection& c, const ListFilter& f);

struct Update {
  std::string status, status_reason;
  std::optional<std::string> assignee;
  std::optional<bool> outcome_valid;
  std::int64_t cases_solved = 0, suspects_arrested = 0, wanted_caught = 0;
  std::optional<std::string> transferred_to, decision;
  std::string public_note;
  std::optional<std::string> decided_at;
  std::optional<std::int64_t> duplicate_of;
  std::string settle_due_at;
  int extensions = 0;
  bool transfer_required = false;
  std::optional<std::string> pass_on_due_at, passed_on_at, passed_on_to;
  std::string updated_at;
};
void update(db::Connection& c, std::int64_t id, const Update& u);
Update update_from(const TipRecord& t);

void add_event(db::Connection& c, std::int64_t tip_id, const TipEvent& e);
std::vector<TipEvent> events(db::Connection& c, std::int64_t tip_id, bool public_only);
std::int64_t add_message(db::Connection& c, std::int64_t tip_id, const std::string& at, const std::string& direction,
                         const std::optional<std::string>& author, const std::string& body);
std::vector<TipMessage> messages(db::Connection& c, std::int64_t tip_id);
std::vector<Suggestion> suggestions(db::Connection& c, std::int64_t tip_id);
// Tips marked as duplicates of this one (their reporters' threads stay open).
std::vector<TipRecord> merged_into(db::Connection& c, std::int64_t tip_id);

// Staff who should hear about a new tip in this unit: users whose role may handle tips and whose
// home unit is the tip's commune or a unit below it on the tip's branch (the commune's police).
std::vector<std::string> local_handlers(db::Connection& c, const std::string& unit_path);

// Active accounts whose role may handle tips and whose home unit is on the tip's branch (the
// tip's unit or above it), nationwide accounts included (empty unit_path).
struct Handler {
  std::string username, display_name;
  std::optional<std::string> unit_code, unit_name, unit_full_name;
  std::string unit_path;
};
std::vector<Handler> branch_handlers(db::Connection& c, const std::string& unit_path);

}  // namespace antq::tips::repo
