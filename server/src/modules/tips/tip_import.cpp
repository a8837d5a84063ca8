// TipsService: tips of past years from the importer (tip_import.hpp).
#include "modules/tips/tip_import.hpp"

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/catalog/catalog.hpp"
#include "modules/tips/deadlines.hpp"
#include "modules/tips/tip_codes.hpp"
#include "modules/tips/tip_input.hpp"
#include "modules/tips/tip_secrets.hpp"
#include "modules/tips/tips_repository.hpp"

namespace antq::tips {

namespace {

constexpr const char* kImportNote = "Nhập từ sổ theo dõi tin báo";

void check_past_tip(db::Connection& c, const PastTip& t) {
  if (t.unit.kind != "commune" && t.unit.kind != "village" && t.unit.kind != "establishment") {
    throw BadRequest("Tin báo thuộc xã, phường hoặc thôn, tổ dân phố nơi xảy ra sự việc.", "unit");
  }
  const auto cat = catalog::find(c, kCategoryKind, t.category);
  if (!cat || !access::list_entry_applies(cat->owner_path, t.unit.path)) {
    throw BadRequest("Loại tin báo '" + t.category + "' không dùng được ở đơn vị này.", "category");
  }
  if (!is_channel(t.channel)) throw BadRequest("Hình thức tiếp nhận không hợp lệ.", "channel");
  const auto chars = text::length(t.description);
  if (chars < kMinDescriptionChars || chars > kMaxDescriptionChars) {
    throw BadRequest(
        "Nội dung tin báo từ " + std::to_string(kMinDescriptionChars) + " đến " + std::to_string(kMaxDescriptionChars) + " ký tự.",
        "description");
  }
  const std::string today = timeutil::today_vietnam();
  if (t.received_on > today) throw BadRequest("Ngày tiếp nhận sau ngày hôm nay.", "received_on");
  if (t.decided_on && (*t.decided_on < t.received_on || *t.decided_on > today)) {
    throw BadRequest("Ngày giải quyết phải từ ngày tiếp nhận đến hôm nay.", "decided_on");
  }
  if (t.status == "assigned" || t.status == "duplicate" || !is_status(t.status)) {
    throw BadRequest("Trạng thái của tin báo cũ: đã tiếp nhận, đang xác minh, đã giải quyết, đã kết thúc hoặc không thụ lý.", "status");
  }
  const bool settled = t.status == "resolved" || t.status == "closed";
  if (settled && !t.outcome) throw BadRequest("Tin báo đã giải quyết: hãy ghi rõ có cơ sở hay không.", "valid");
  if (!settled && t.outcome) throw BadRequest("Kết quả xử lý chỉ ghi cho tin báo đã giải quyết.", "valid");
  if (t.status == "rejected" && t.reason.empty()) throw BadRequest("Tin báo không thụ lý: hãy ghi lý do.", "reason");
  if (t.outcome && !t.outcome->valid && (t.outcome->cases_solved || t.outcome->suspects_arrested || t.outcome->wanted_caught)) {
    throw BadRequest("Tin báo không có cơ sở thì không có vụ án, đối tượng được làm rõ.", "valid");
  }
}

}  // namespace

std::int64_t TipsService::import_in(db::Connection& c, const http::Principal& who, const PastTip& t) const {
  check_past_tip(c, t);
  // At office hours on the day written in the book: the day is what the reports count by.
  const auto received = *timeutil::parse_rfc3339(t.received_on + "T08:00:00+07:00");
  repo::InsertTip row;
  row.tracking_code = new_tracking_code();
  row.secret_hash = secret_hash(keys_, new_secret());  // nobody holds it: the reporter of a past tip has no tracking link
  row.unit_id = t.unit.id;
  row.category = t.category;
  row.channel = t.channel;
  row.description = t.description;
  row.place = t.place;
  row.search_text = text::fold(t.description + " " + t.place + " " + row.tracking_code);
  row.received_at = timeutil::to_rfc3339(received);
  row.received_by = who.username;
  row.settle_due_at = timeutil::to_rfc3339(settle_due(rules_, received));
  const auto id = repo::insert_tip(c, row);
  repo::mark_imported(c, id);
  repo::add_event(c, id, {row.received_at, "received", std::string("received"), who.username, true, "", t.channel});
  const std::string now = timeutil::now_utc();
  if (t.status != "received") {
    repo::Update u = repo::update_from(*repo::find(c, id));
    u.status = t.status;
    u.status_reason = t.reason;
    const std::string at = timeutil::to_rfc3339(*timeutil::parse_rfc3339(t.decided_on.value_or(t.received_on) + "T08:00:00+07:00"));
    if (t.outcome) {
      u.outcome_valid = t.outcome->valid;
      u.cases_solved = t.outcome->cases_solved;
      u.suspects_arrested = t.outcome->suspects_arrested;
      u.wanted_caught = t.outcome->wanted_caught;
      u.decision = t.outcome->decision;
    }
    if (!is_open(t.status)) u.decided_at = at;
    u.updated_at = now;
    repo::update(c, id, u);
    repo::add_event(c, id, {at, "status", t.status, who.username, true, t.reason, ""});
  }
  repo::add_event(c, id, {now, "imported", std::nullopt, who.username, false, kImportNote, ""});
  return id;
}

bool TipsService::exists_in(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  const auto t = repo::find(c, id);
  return t && access::in_scope(who, t->unit_path);
}

bool TipsService::remove_imported_in(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  if (!exists_in(c, who, id)) return false;
  if (repo::touched_since_import(c, id) || !files_.list(c, id).empty()) throw RuleViolation("Tin báo đã được xử lý tiếp sau khi nhập.");
  repo::remove_imported(c, id);
  return true;
}

}  // namespace antq::tips
