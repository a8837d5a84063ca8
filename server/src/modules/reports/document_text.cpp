#include "modules/reports/document_text.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/time.hpp"

namespace antq::reports::doc {

std::string label(const Labels& l, const std::string& kind, const std::string& code) {
  auto it = l.find(kind + "/" + code);
  return it == l.end() ? code : it->second;
}

std::string mid_sentence(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (u.isEmpty()) return s;
  const UChar32 first = u.char32At(0);
  const int32_t next = u.moveIndex32(0, 1);
  const bool acronym = next < u.length() && u_isupper(u.char32At(next));
  if (!u_isupper(first) || acronym) return s;
  icu::UnicodeString head(u, 0, next);
  head.toLower(icu::Locale("vi"));
  std::string out;
  head.append(u, next, u.length() - next).toUTF8String(out);
  return out;
}

std::string vn_date(const std::string& iso) {
  const auto d = timeutil::parse_date(iso);
  return d ? timeutil::format_vn(*d) : iso;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string join_and(const std::vector<std::string>& parts) {
  bool commas = false;
  for (const auto& p : parts) commas = commas || p.find(',') != std::string::npos;
  if (commas) return join(parts, "; ");
  if (parts.size() <= 1) return join(parts, "");
  return join(std::vector<std::string>(parts.begin(), parts.end() - 1), ", ") + " và " + parts.back();
}

}  // namespace antq::reports::doc
