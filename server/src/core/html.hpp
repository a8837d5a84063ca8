#pragma once
// Escaping for the HTML documents the server prints (reports, certificates, record books, posters).
#include <string>
#include <string_view>

namespace antq::html {

// & < > " ' as entities; with `line_breaks`, a newline becomes <br> (free text people typed).
inline std::string escape(std::string_view s, bool line_breaks = false) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += line_breaks ? "<br>" : "\n"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace antq::html
