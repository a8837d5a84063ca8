#include "modules/news/feed.hpp"

#include <algorithm>

#include "core/html.hpp"

namespace antq::news {

namespace {

std::string x(const std::string& s) { return html::escape(s); }

const char* kind_label(const std::string& kind) {
  if (kind == "warning") return "Cảnh báo";
  if (kind == "notice") return "Thông báo";
  return "Tin tức";
}

}  // namespace

std::string atom_feed(const std::string& unit_code, const std::string& unit_name, const std::vector<FeedEntry>& entries,
                      const std::string& base_url, const std::string& now) {
  std::string updated = entries.empty() ? now : entries.front().updated_at;
  for (const auto& e : entries) updated = std::max(updated, e.updated_at);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
  out += "  <title>" + x("Tin tức, cảnh báo: " + unit_name) + "</title>\n";
  out += "  <id>urn:antq:unit:" + x(unit_code) + ":news</id>\n";
  out += "  <updated>" + x(updated) + "</updated>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + x(base_url + "/api/v1/public/units/" + unit_code + "/feed.xml") +
         "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + x(base_url + "/tin-tuc?unit=" + unit_code) + "\"/>\n";
  out += "  <author><name>ANTQ</name></author>\n";
  for (const auto& e : entries) {
    out += "  <entry>\n";
    out += "    <title type=\"text\">" + x(e.title) + "</title>\n";
    out += "    <id>urn:antq:news:" + std::to_string(e.id) + "</id>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + x(base_url + "/tin-tuc/" + std::to_string(e.id)) + "\"/>\n";
    out += "    <published>" + x(e.published_at) + "</published>\n";
    out += "    <updated>" + x(std::max(e.published_at, e.updated_at)) + "</updated>\n";
    out += "    <category term=\"" + x(e.kind) + "\" label=\"" + x(kind_label(e.kind)) + "\"/>\n";
    if (!e.summary.empty()) out += "    <summary type=\"text\">" + x(e.summary) + "</summary>\n";
    out += "    <content type=\"html\">" + x(e.body_html) + "</content>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace antq::news
