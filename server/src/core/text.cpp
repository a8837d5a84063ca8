#include "core/text.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace antq::text {
namespace {

// ICU objects are expensive to build and not thread-safe to share for mutation; one per thread.
icu::Transliterator& folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("NFD; [:Nonspacing Mark:] Remove; NFC; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create the folding transliterator");
    return tr;
  }();
  return *t;
}

icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> col(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create the Vietnamese collator");
    return col;
  }();
  return *c;
}

}  // namespace

std::string fold(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // đ/Đ are letters of their own, not d plus a mark: NFD leaves them alone.
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0111)), icu::UnicodeString(static_cast<UChar>('d')));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0110)), icu::UnicodeString(static_cast<UChar>('d')));
  folder().transliterate(u);
  std::string raw;
  u.toUTF8String(raw);
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
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC unavailable");
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
