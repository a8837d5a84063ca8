#include "modules/tips/deadlines.hpp"

#include <charconv>

#include "core/errors.hpp"
#include "core/time.hpp"

namespace antq::tips {

namespace {

using namespace std::chrono;

constexpr auto kVietnamOffset = hours(7);

int int_setting(db::Connection& c, const char* key, int fallback) {
  auto r = c.query("SELECT value FROM settings WHERE key = $1", std::string(key));
  if (r.rows.empty()) return fallback;
  const std::string v = r.rows[0].text(0);
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n <= 0) {
    throw OperatorError(std::string("Thiết lập '") + key + "' không phải số nguyên dương: '" + v + "'.");
  }
  return n;
}

// Calendar months later, the day clamped to the month's end (31/01 + 1 month = 28/02).
TimePoint add_months(TimePoint tp, int months) {
  const auto day_start = floor<days>(tp + kVietnamOffset);
  const auto time_of_day = (tp + kVietnamOffset) - day_start;
  year_month_day ymd{day_start};
  year_month_day target = ymd.year() / ymd.month() / ymd.day() + std::chrono::months(months);
  if (!target.ok()) target = target.year() / target.month() / last;
  return sys_days(target) + time_of_day - kVietnamOffset;
}

// The last millisecond of a Vietnam calendar day.
TimePoint end_of_vietnam_day(const year_month_day& d) { return sys_days(d) + days(1) - kVietnamOffset - milliseconds(1); }

}  // namespace

DeadlineRules DeadlineRules::load(db::Connection& c) {
  DeadlineRules r;
  r.settle_days = int_setting(c, "tips.settle_days", r.settle_days);
  r.first_extension_months = int_setting(c, "tips.first_extension_months", r.first_extension_months);
  r.final_extension_months = int_setting(c, "tips.final_extension_months", r.final_extension_months);
  r.pass_on_hours = int_setting(c, "tips.pass_on_hours", r.pass_on_hours);
  r.pass_on_hours_remote = int_setting(c, "tips.pass_on_hours_remote", r.pass_on_hours_remote);
  auto rows = c.query("SELECT value FROM settings WHERE key = 'tips.remote_units'");
  if (!rows.rows.empty()) {
    const std::string v = rows.rows[0].text(0);
    std::size_t start = 0;
    while (start <= v.size()) {
      auto comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      std::string code = v.substr(start, comma - start);
      while (!code.empty() && code.front() == ' ') code.erase(code.begin());
      while (!code.empty() && code.back() == ' ') code.pop_back();
      if (!code.empty()) r.remote_units.insert(code);
      start = comma + 1;
    }
  }
  return r;
}

TimePoint settle_due(const DeadlineRules& r, TimePoint received) { return received + days(r.settle_days); }

TimePoint pass_on_due(const DeadlineRules& r, TimePoint received, bool remote) {
  return received + hours(remote ? r.pass_on_hours_remote : r.pass_on_hours);
}

TimePoint extended_due(const DeadlineRules& r, TimePoint received, TimePoint current_due, int extensions_so_far, const std::string& until) {
  const auto date = timeutil::parse_date(until);
  if (!date) throw BadRequest("Ngày gia hạn phải có dạng YYYY-MM-DD.", "extend.until");
  if (extensions_so_far >= 2) {
    throw RuleViolation("Tin báo đã được gia hạn hai lần; pháp luật không cho gia hạn thêm.", "extend");
  }
  const int months = extensions_so_far == 0 ? r.first_extension_months : r.final_extension_months;
  const TimePoint limit = add_months(received, months);
  const TimePoint due = end_of_vietnam_day(*date);
  if (due > end_of_vietnam_day(year_month_day{floor<days>(limit + kVietnamOffset)})) {
    throw RuleViolation("Lần gia hạn này chỉ được đến " + timeutil::format_vn(year_month_day{floor<days>(limit + kVietnamOffset)}) + " (" +
                            std::to_string(months) + " tháng kể từ ngày tiếp nhận).",
                        "extend.until");
  }
  if (due <= current_due) throw RuleViolation("Ngày gia hạn phải sau thời hạn hiện tại.", "extend.until");
  return due;
}

}  // namespace antq::tips
