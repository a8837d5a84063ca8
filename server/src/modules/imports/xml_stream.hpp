#pragma once
// Expat fed in chunks, with element names reduced to their local part ("row", not the
// spreadsheetml namespace) so a workbook written with other prefixes reads the same. A document
// type declaration is refused: workbooks have none, and entities are how XML bombs are built.
#include <expat.h>

#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace antq::imports {

class XmlStream {
 public:
  using Attributes = std::vector<std::pair<std::string_view, std::string_view>>;  // local name, value
  std::function<void(std::string_view name, const Attributes& attrs)> on_start;
  std::function<void(std::string_view name)> on_end;
  std::function<void(std::string_view text)> on_text;

  explicit XmlStream(std::string part);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Throws BadRequest naming the part when the XML is malformed.
  void feed(std::string_view chunk);
  void finish();

 private:
  void check(int status);
  std::string part_;
  XML_Parser parser_;
  std::string refused_;         // why a handler stopped the parser (a DOCTYPE)
  std::exception_ptr failure_;  // what a callback threw: rethrown after expat returns, never through it
  Attributes attrs_;            // reused from element to element: a sheet has millions of them
  template <class F>
  static void guarded(void* self, F&& f);
  static void start(void* self, const XML_Char* name, const XML_Char** attrs);
  static void end(void* self, const XML_Char* name);
  static void text(void* self, const XML_Char* s, int len);
  static void doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int);
};

// "uri|row" → "row": the local part of a name the namespace-aware parser reported.
std::string_view local_name(std::string_view qualified);

}  // namespace antq::imports
