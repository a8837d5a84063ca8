#include "modules/tips/tip.hpp"

#include <array>

namespace antq::tips {

namespace {
struct StatusInfo {
  std::string_view code;
  int rank;
  std::string_view label;
};
constexpr std::array<StatusInfo, 7> kStatuses{{
    {"received", 0, "Đã tiếp nhận"},
    {"verifying", 1, "Đang xác minh"},
    {"assigned", 2, "Đã phân công xử lý"},
    {"resolved", 3, "Đã giải quyết"},
    {"closed", 4, "Đã kết thúc"},
    {"rejected", 5, "Không thụ lý"},
    {"duplicate", 5, "Trùng với tin báo khác"},
}};
}  // namespace

int status_rank(std::string_view status) {
  for (const auto& s : kStatuses)
    if (s.code == status) return s.rank;
  return -1;
}
bool is_status(std::string_view status) { return status_rank(status) >= 0; }
bool is_open(std::string_view s) { return s == "received" || s == "verifying" || s == "assigned"; }
bool is_channel(std::string_view c) { return c == "in_person" || c == "phone" || c == "hotline" || c == "chat" || c == "online"; }
bool is_decision(std::string_view d) { return d == "prosecute" || d == "not_prosecute" || d == "suspend" || d == "other"; }
std::string_view status_label(std::string_view status) {
  for (const auto& s : kStatuses)
    if (s.code == status) return s.label;
  return status;
}

std::string_view public_status_label(std::string_view status) {
  return status_label(status == "closed" ? std::string_view("resolved") : status);
}

bool is_overdue(const TipRecord& t, const std::string& now) {
  if (!is_open(t.status)) return false;
  if (t.settle_due_at < now) return true;
  return t.transfer_required && t.pass_on_due_at && !t.passed_on_at && *t.pass_on_due_at < now;
}

std::string current_due(const TipRecord& t) {
  if (t.transfer_required && t.pass_on_due_at && !t.passed_on_at && *t.pass_on_due_at < t.settle_due_at) {
    return *t.pass_on_due_at;
  }
  return t.settle_due_at;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == max_chars) {
        out += "…";
        return out;
      }
      ++chars;
    }
    out += (c == '\n' || c == '\t') ? ' ' : static_cast<char>(c);
  }
  return out;
}

}  // namespace antq::tips
