#include "modules/reintegration/reintegration_spec.hpp"

#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/module_host.hpp"
#include "modules/registers/field_builders.hpp"
#include "modules/reintegration/reintegration_routes.hpp"

namespace antq::reintegration {

namespace bj = boost::json;

namespace {

constexpr const char* kRecordChange =
    "INSERT INTO reintegration_status_changes (person_id, status, changed_on, changed_by, created_at) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kSetSince = "UPDATE reintegration_people SET status_since = $2 WHERE id = $1";

std::string text_of(const bj::object& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

// Every status change is kept with its date: reports count people who progressed or reoffended in
// a period from these rows, not from the current status.
void keep_status_history(db::Connection& c, const http::Principal& who, std::int64_t id, const bj::object* before, const bj::object& after,
                         const bj::object& body) {
  const std::string status = text_of(after, "status");
  if (before && text_of(*before, "status") == status) return;
  std::string on = body.contains("status_since") ? text_of(after, "status_since") : std::string();
  if (on.empty()) on = before ? timeutil::today_vietnam() : text_of(after, "start_date");
  c.query(kRecordChange, id, status, on, who.username, timeutil::now_utc());
  c.query(kSetSince, id, on);
}

}  // namespace

std::string normalize_name(std::string_view name) { return text::fold(name); }

std::string normalize_id_number(std::string_view id) {
  std::string out;
  for (char ch : id)
    if (ch >= '0' && ch <= '9') out += ch;
  return out;
}

bool commune_police(db::Connection& c, const http::Principal& who, const std::string& unit_path) {
  if (who.role != "police_officer" || who.unit_path.empty() || !access::in_scope(who, unit_path)) return false;
  auto r = c.query("SELECT kind FROM units WHERE path = $1", who.unit_path);
  return !r.rows.empty() && r.rows[0].text(0) == "commune";
}

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "reintegration/people";
  s.entity = "reintegration_person";
  s.title = "Người được cảm hóa, giáo dục, giúp đỡ";
  s.table = "reintegration_people";
  s.read_permission = "reintegration.read";
  s.write_permission = "reintegration.write";
  s.ref_prefix = "HN";
  s.fields = {
      f::choice("category", "Diện",
                {{"released_prisoner", "Người chấp hành xong án phạt tù"},
                 {"post_rehab", "Người sau cai nghiện ma túy"},
                 {"juvenile_offender", "Người chưa thành niên vi phạm pháp luật"},
                 {"administrative_measure", "Người bị áp dụng biện pháp xử lý hành chính"},
                 {"other", "Khác"}},
                true),
      f::sealed(f::text("name", "Họ và tên", true, 120), true, &normalize_name),
      f::sealed(f::year("birth_year", "Năm sinh")),
      f::sealed(f::text("id_number", "Số định danh cá nhân", false, 20), true, &normalize_id_number),
      f::sealed(f::text("address", "Nơi cư trú", false, 300)),
      f::date("start_date", "Ngày bắt đầu giúp đỡ", true, true),
      f::sealed(f::text("helper_family", "Người thân giúp đỡ", false, 200)),
      f::sealed(f::text("helper_clan", "Dòng họ giúp đỡ", false, 200)),
      f::text("helper_organisation", "Tổ chức giúp đỡ", false, 200),
      f::text("helper_officer", "Cán bộ phụ trách", false, 120),
      f::sealed(f::long_text("plan", "Kế hoạch giúp đỡ")),
      f::choice("status", "Tình trạng",
                {{"active", "Đang giúp đỡ"},
                 {"progressing", "Có tiến bộ"},
                 {"completed", "Đã hoàn thành"},
                 {"reoffended", "Tái phạm"},
                 {"moved", "Chuyển nơi cư trú"}},
                false, "active"),
      f::date("status_since", "Ngày chuyển tình trạng", false, true),
  };
  s.date_field = "start_date";
  s.ordered = {{"status_since", "start_date"}};
  s.unit_kinds = {"village", "commune"};
  s.identity_visible = &commune_police;
  s.after_write = &keep_status_history;
  // Exact search, the identity revealed with a reason, status history, sessions.
  s.extras = [](registers::RegisterService& people, modules::Host& host) {
    auto& service = host.keep<ReintegrationService>(people, host.db, host.keys, host.audit);
    register_routes(host.router, service);
    host.offer(service);  // the importer's "reintegration/sessions"
  };
  return s;
}

}  // namespace antq::reintegration
