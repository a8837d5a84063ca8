#pragma once
// A citizen's tip (tin báo, tố giác) and what hangs off it: its timeline, the two-way message
// thread with the reporter, attachments and duplicate suggestions. The reporter's identity is not
// here: only whether one was given (`has_reporter`); reading it is audit::reveal's job.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/attachments/attachment.hpp"
#include "modules/catalog/catalog.hpp"

namespace antq::tips {

// received → verifying → assigned → resolved → closed; rejected and duplicate end a tip early.
int status_rank(std::string_view status);  // -1 for an unknown status
bool is_status(std::string_view status);
bool is_open(std::string_view status);  // still being handled: deadlines apply
bool is_channel(std::string_view channel);
bool is_decision(std::string_view decision);
std::string_view status_label(std::string_view status);  // Vietnamese, for staff
// What the reporter reads: a tip resolved and then closed (filed away) by the police stays
// "Đã giải quyết" — "Đã kết thúc" reads as if it had been dropped.
std::string_view public_status_label(std::string_view status);

struct TipRecord {
  std::int64_t id = 0;
  std::string tracking_code;
  std::int64_t unit_id = 0;
  std::string unit_code, unit_name, unit_full_name, unit_path;
  std::string category, channel, description, place;
  std::optional<double> lat, lng;
  std::optional<std::string> occurred_at;
  bool anonymous = true;
  bool has_reporter = false;
  std::string status, status_reason;
  std::optional<std::string> assignee;
  std::string received_at;
  std::optional<std::string> received_by;
  std::string settle_due_at;
  int extensions = 0;
  bool transfer_required = false;
  std::optional<std::string> pass_on_due_at, passed_on_at, passed_on_to;
  std::optional<bool> outcome_valid;
  std::int64_t cases_solved = 0, suspects_arrested = 0, wanted_caught = 0;
  std::optional<std::string> transferred_to, decision;
  std::string public_note;
  std::optional<std::string> decided_at;
  std::optional<std::int64_t> duplicate_of;
  std::int64_t suggestion_count = 0;
  bool held_for_review = false;  // sent during a flood of tips to its unit: screen it
};

// Overdue: still open and past the settle deadline, or past the pass-on deadline without having
// been passed on. `now` is RFC 3339 UTC (text comparison is chronological).
bool is_overdue(const TipRecord& t, const std::string& now);
// The deadline that matters now (the earlier of the open ones), for lists.
std::string current_due(const TipRecord& t);

struct TipEvent {
  std::string at, kind;
  std::optional<std::string> status, actor;
  bool is_public = false;
  std::string note, detail;
};

struct TipMessage {
  std::int64_t id = 0;
  std::int64_t tip_id = 0;
  std::string at, direction;  // in: from the reporter; out: to the reporter
  std::optional<std::string> author;
  std::string body;
};

// A photo or video of the tip (modules/attachments, owner "tips"; uploaded_by nullopt: the reporter).
using TipAttachment = attachments::Attachment;

struct Suggestion {
  std::int64_t id = 0;
  std::string tracking_code;
  double score = 0;
  std::string excerpt, received_at, status;
  std::string unit_path;  // for the caller's scope
};

// Tip categories are a list of the shared catalogue (modules/catalog) under this kind: national
// entries and a province's own, like every other list.
inline constexpr const char* kCategoryKind = "tip_categories";
using Category = catalog::Item;

// What the reporter gives. Every field is already validated by the route.
struct Reporter {
  std::string name, phone, email, address;
  bool empty() const { return name.empty() && phone.empty() && email.empty() && address.empty(); }
};

struct NewTip {
  std::string unit_code, category, description, channel, place;
  std::optional<std::string> occurred_at;  // RFC 3339 UTC
  std::optional<double> lat, lng;
  bool anonymous = true;
  std::optional<Reporter> reporter;
};

std::string excerpt(std::string_view text, std::size_t max_chars = 140);

}  // namespace antq::tips
