#include "core/download_name.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace antq::download {

namespace {

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string slug(std::string_view text) {
  const std::string folded = text::fold(text);
  std::string out;
  bool gap = false;
  for (char c : folded) {
    if (ascii_alnum(c)) {
      if (gap && !out.empty()) out.push_back('-');
      gap = false;
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else {
      gap = true;
    }
  }
  // The web cuts after trimming (a cut may end on a hyphen there too): the same here, so the two
  // names stay equal for long unit names.
  return out.substr(0, 60);
}

std::string file_name(std::string_view what, std::string_view unit_name, std::string_view day, std::string_view ext) {
  return slug(what) + "_" + slug(unit_name.empty() ? std::string_view("Toàn quốc") : unit_name) + "_" + std::string(day) + "." +
         std::string(ext);
}

std::string content_disposition(std::string_view name) {
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string plain;
  for (char c : ascii ? std::string(name) : text::fold(name)) {
    plain.push_back(ascii_alnum(c) || c == '.' || c == '-' || c == '_' ? c : '_');
  }
  // RFC 5987 attr-char stays as is; every other byte of the UTF-8 name is %XX.
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (ascii_alnum(ch) || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos) {
      encoded.push_back(ch);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace antq::download
