#include "core/text.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace antq::text {
namespace {

// ICU objects are expensive to build and not thread-safe to share for mutation; one per thread.
icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> col(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create the Vietnamese collator");
    return col;
  }();
  return *c;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// The White_Space characters of ASCII (what u_isUWhiteSpace says of them).
bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Runs of spaces, tabs and line breaks become one space; none at either end.
std::string collapse_spaces(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (char ch : raw) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

}  // namespace

// ASCII text (codes, numbers, dates, most headers) skips ICU: it is its own NFD and NFC, has no
// marks, and ICU's root lowercasing of it is A–Z → a–z. A spreadsheet import folds and normalises
// every cell, and the transliterator costs microseconds per call.
std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string lower(utf8);
    for (char& ch : lower) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return collapse_spaces(lower);
  }
  // What the transliterator "NFD; [:Nonspacing Mark:] Remove; NFC; Lower" did, with the
  // normalisers directly (several times faster; text_test checks both agree on every unit name).
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: normalisation unavailable");
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString decomposed = nfd->normalize(u, status);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // đ/Đ are letters of their own, not d plus a mark: NFD leaves them alone.
    bare.append(c == 0x0111 || c == 0x0110 ? static_cast<UChar32>('d') : c);
  }
  icu::UnicodeString composed = nfc->normalize(bare, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: normalisation failed");
  composed.toLower(icu::Locale::getRoot());
  std::string raw;
  composed.toUTF8String(raw);
  return collapse_spaces(raw);
}

std::string sort_key(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::vector<uint8_t> buf(64);
  int32_t n = collator().getSortKey(u, buf.data(), static_cast<int32_t>(buf.size()));
  if (n > static_cast<int32_t>(buf.size())) {
    buf.resize(static_cast<std::size_t>(n));
    n = collator().getSortKey(u, buf.data(), n);
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  // The key ends with a 0 byte; leaving it out keeps prefixes sorting first.
  for (int32_t i = 0; i < n && buf[static_cast<std::size_t>(i)] != 0; ++i) {
    out.push_back(hex[buf[static_cast<std::size_t>(i)] >> 4]);
    out.push_back(hex[buf[static_cast<std::size_t>(i)] & 0xf]);
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

std::string nfc(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC unavailable");
  // Text typed on a phone or in Excel is NFC already: checked on the UTF-8 itself, no copy to UTF-16.
  // (Broken UTF-8 takes the path below, which turns it into U+FFFD as before.)
  if (valid_utf8(utf8) && n->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status) &&
      U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString r = n->normalize(u, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  r.toUTF8String(out);
  return out;
}

std::size_t length(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::string trim(std::string_view utf8) {
  // ASCII spaces off both ends; done when the ends left are ASCII, else ICU judges the others
  // (a no-break space, an ideographic space) on the original.
  std::size_t first = 0, end = utf8.size();
  while (first < end && ascii_space(static_cast<unsigned char>(utf8[first]))) ++first;
  while (end > first && ascii_space(static_cast<unsigned char>(utf8[end - 1]))) --end;
  // (Only well-formed text: ICU's path turns a broken sequence into U+FFFD, and so must this one.)
  if (first == end ||
      (static_cast<unsigned char>(utf8[first]) < 0x80 && static_cast<unsigned char>(utf8[end - 1]) < 0x80 && valid_utf8(utf8))) {
    return std::string(utf8.substr(first, end - first));
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  int32_t b = 0, e = u.length();
  while (b < e && u_isUWhiteSpace(u.char32At(b))) b = u.moveIndex32(b, 1);
  while (e > b && u_isUWhiteSpace(u.char32At(u.moveIndex32(e, -1)))) e = u.moveIndex32(e, -1);
  std::string out;
  u.tempSubStringBetween(b, e).toUTF8String(out);
  return out;
}

std::string group_thousands(std::int64_t n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string lower_initial(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  else if (s.rfind("\xC4\x90", 0) == 0) s[1] = '\x91';  // Đ → đ
  return s;
}

}  // namespace antq::text
