#include "modules/units/unit_resolve.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::units {

namespace {

// Lower case with one tone-mark placement ("hoà" and "hòa" both "hòa"), for exact comparison.
std::string exact_key(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(text::nfc(text::trim(s))).toLower().toUTF8String(out);
  static const std::pair<std::string_view, std::string_view> kMoves[] = {
      {"oà", "òa"}, {"oá", "óa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"}, {"oè", "òe"}, {"oé", "óe"}, {"oẻ", "ỏe"},
      {"oẽ", "õe"}, {"oẹ", "ọe"}, {"uỳ", "ùy"}, {"uý", "úy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"}};
  for (const auto& [from, to] : kMoves) {
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) out.replace(at, from.size(), to);
  }
  return out;
}

bool names_match(const Unit& u, const std::string& folded) { return text::fold(u.name) == folded || text::fold(u.full_name) == folded; }

bool names_exact(const Unit& u, const std::string& key) { return exact_key(u.name) == key || exact_key(u.full_name) == key; }

std::vector<std::string> split_path(std::string_view s) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= s.size()) {
    const auto j = std::min(s.find(',', i), s.size());
    if (auto p = text::trim(s.substr(i, j - i)); !p.empty()) parts.push_back(std::move(p));
    i = j + 1;
  }
  return parts;
}

// The parts after the first name the unit's parents, nearest first, levels may be skipped.
bool ancestors_match(db::Connection& c, const Unit& u, const std::vector<std::string>& parts, bool exact) {
  if (parts.size() < 2) return true;
  const auto chain = repo::ancestors(c, u);  // from the top
  std::size_t j = 1;
  for (auto it = chain.rbegin(); it != chain.rend() && j < parts.size(); ++it) {
    if (exact ? names_exact(*it, exact_key(parts[j])) : names_match(*it, text::fold(parts[j]))) ++j;
  }
  return j == parts.size();
}

std::string listed(const std::vector<Unit>& us) {
  std::string out;
  for (std::size_t i = 0; i < us.size() && i < 5; ++i) out += (i ? "; " : "") + us[i].full_name + " (" + us[i].code + ")";
  return out;
}

}  // namespace

// Among the units found, the one in force on `date`: a retired unit whose retired_on is after it
// (the earliest such), else the active one.
std::optional<Unit> in_force(const std::vector<Unit>& found, std::string_view date, std::string_view input, std::string* why) {
  auto say = [&](std::string m) {
    if (why) *why = std::move(m);
    return std::nullopt;
  };
  std::vector<Unit> then, now;
  for (auto& u : found) {
    if (!u.active && u.retired_on && !date.empty() && std::string(date) < *u.retired_on) then.push_back(u);
    if (u.active) now.push_back(u);
  }
  if (!then.empty()) {
    std::sort(then.begin(), then.end(), [](const Unit& a, const Unit& b) { return *a.retired_on < *b.retired_on; });
    if (then.size() > 1 && *then[0].retired_on == *then[1].retired_on) {
      return say("'" + std::string(input) + "' khớp nhiều đơn vị: " + listed(then) + ". Hãy thêm tên cấp trên hoặc dùng mã.");
    }
    return then[0];
  }
  if (now.size() == 1) return now[0];
  if (now.size() > 1)
    return say("'" + std::string(input) + "' khớp nhiều đơn vị: " + listed(now) + ". Hãy thêm tên cấp trên hoặc dùng mã.");
  if (!found.empty()) {
    const auto& u = found.front();
    return say("Đơn vị '" + std::string(input) + "' (" + u.full_name + ") đã thôi hoạt động" +
               (u.retired_on ? " từ " + *u.retired_on : std::string()) + ", trước ngày của bản ghi.");
  }
  return say("Không tìm thấy đơn vị '" + std::string(input) + "'.");
}

std::vector<Unit> candidates(db::Connection& c, std::string_view input) {
  const std::string trimmed = text::trim(input);
  if (trimmed.empty() || trimmed.size() > 300 || !text::valid_utf8(trimmed)) return {};
  if (trimmed.find(',') == std::string::npos) {
    if (auto by_code = repo::find_all_with_code(c, trimmed); !by_code.empty()) return by_code;
  }
  const auto parts = split_path(trimmed);
  const std::string first = text::fold(parts.at(0));
  std::vector<Unit> found;
  for (auto& u : repo::search(c, first, true, 2000)) {
    if (names_match(u, first) && ancestors_match(c, u, parts, false)) found.push_back(std::move(u));
  }
  // Diacritics tell apart names that fold alike ("Hà" and "Hạ"): keep the exact ones if any.
  if (found.size() > 1) {
    std::vector<Unit> exact;
    for (const auto& u : found)
      if (names_exact(u, exact_key(parts[0])) && ancestors_match(c, u, parts, true)) exact.push_back(u);
    if (!exact.empty()) found = std::move(exact);
  }
  return found;
}

std::optional<Unit> resolve_at(db::Connection& c, std::string_view input, std::string_view date, std::string* why) {
  if (!date.empty() && !timeutil::parse_date(date)) {
    if (why) *why = "Ngày '" + std::string(date) + "' không hợp lệ (YYYY-MM-DD).";
    return std::nullopt;
  }
  const std::string trimmed = text::trim(input);
  if (trimmed.empty() || trimmed.size() > 300 || !text::valid_utf8(trimmed)) {
    if (why) *why = "Thiếu mã hoặc tên đơn vị.";
    return std::nullopt;
  }
  return in_force(candidates(c, trimmed), date, trimmed, why);
}

}  // namespace antq::units
