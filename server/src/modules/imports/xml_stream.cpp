#include "modules/imports/xml_stream.hpp"

#include "core/errors.hpp"

namespace antq::imports {

std::string_view local_name(std::string_view qualified) {
  const auto bar = qualified.rfind('|');
  return bar == std::string_view::npos ? qualified : qualified.substr(bar + 1);
}

XmlStream::XmlStream(std::string part) : part_(std::move(part)), parser_(XML_ParserCreateNS(nullptr, '|')) {
  if (!parser_) throw std::bad_alloc();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlStream::start, &XmlStream::end);
  XML_SetCharacterDataHandler(parser_, &XmlStream::text);
  XML_SetStartDoctypeDeclHandler(parser_, &XmlStream::doctype);
}

XmlStream::~XmlStream() { XML_ParserFree(parser_); }

// Expat is C: an exception must not unwind through it. A callback's exception stops the parser
// and is rethrown by check() once XML_Parse has returned.
template <class F>
void XmlStream::guarded(void* self, F&& f) {
  auto* s = static_cast<XmlStream*>(self);
  if (s->failure_) return;
  try {
    f(*s);
  } catch (...) {
    s->failure_ = std::current_exception();
    XML_StopParser(s->parser_, XML_FALSE);
  }
}

void XmlStream::start(void* self, const XML_Char* name, const XML_Char** attrs) {
  guarded(self, [&](XmlStream& s) {
    if (!s.on_start) return;
    s.attrs_.clear();
    for (int i = 0; attrs[i]; i += 2) s.attrs_.emplace_back(local_name(attrs[i]), attrs[i + 1]);
    s.on_start(local_name(name), s.attrs_);
  });
}

void XmlStream::end(void* self, const XML_Char* name) {
  guarded(self, [&](XmlStream& s) {
    if (s.on_end) s.on_end(local_name(name));
  });
}

void XmlStream::text(void* self, const XML_Char* str, int len) {
  guarded(self, [&](XmlStream& s) {
    if (s.on_text) s.on_text(std::string_view(str, static_cast<std::size_t>(len)));
  });
}

void XmlStream::doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* s = static_cast<XmlStream*>(self);
  s->refused_ = "có khai báo DOCTYPE";
  XML_StopParser(s->parser_, XML_FALSE);
}

void XmlStream::check(int status) {
  if (failure_) std::rethrow_exception(failure_);
  if (status == XML_STATUS_OK) return;
  const std::string why = !refused_.empty() ? refused_ : XML_ErrorString(XML_GetErrorCode(parser_));
  throw BadRequest("Bảng tính hỏng: phần '" + part_ + "' không đọc được (" + why + "). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
                   "file");
}

void XmlStream::feed(std::string_view chunk) { check(XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), XML_FALSE)); }

void XmlStream::finish() { check(XML_Parse(parser_, "", 0, XML_TRUE)); }

}  // namespace antq::imports
