#include "modules/news/markdown.hpp"

#include <cmark.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace antq::news {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::vector<cmark_node*> children_of(cmark_node* n) {
  std::vector<cmark_node*> out;
  for (cmark_node* c = cmark_node_first_child(n); c != nullptr; c = cmark_node_next(c)) out.push_back(c);
  return out;
}

// Puts `n`'s children where `n` was and drops `n`.
void unwrap(cmark_node* n) {
  for (cmark_node* c : children_of(n)) cmark_node_insert_before(n, c);
  cmark_node_free(n);
}

void replace(cmark_node* old_node, cmark_node* new_node) {
  cmark_node_insert_before(old_node, new_node);
  cmark_node_free(old_node);
}

cmark_node* text_node(const char* literal) {
  cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(t, literal != nullptr ? literal : "");
  return t;
}

// A block's literal ends with its line break, which is not part of the text.
cmark_node* paragraph_of_text(const char* literal) {
  std::string text = literal != nullptr ? literal : "";
  while (!text.empty() && text.back() == '\n') text.pop_back();
  cmark_node* p = cmark_node_new(CMARK_NODE_PARAGRAPH);
  cmark_node_append_child(p, text_node(text.c_str()));
  return p;
}

bool allowed_url(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://") || starts("mailto:");
}

// Post-order: a node's children are already inside the subset when the node itself is narrowed.
void narrow(cmark_node* n) {
  for (cmark_node* c : children_of(n)) narrow(c);
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING: {
      cmark_node* p = cmark_node_new(CMARK_NODE_PARAGRAPH);
      for (cmark_node* c : children_of(n)) cmark_node_append_child(p, c);
      replace(n, p);
      break;
    }
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: replace(n, paragraph_of_text(cmark_node_get_literal(n))); break;
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE: replace(n, text_node(cmark_node_get_literal(n))); break;
    case CMARK_NODE_IMAGE:
    case CMARK_NODE_BLOCK_QUOTE: unwrap(n); break;
    case CMARK_NODE_LINK: {
      const char* url = cmark_node_get_url(n);
      if (url == nullptr || !allowed_url(url)) unwrap(n);
      break;
    }
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_CUSTOM_INLINE: cmark_node_free(n); break;
    default: break;
  }
}

}  // namespace

std::string render_markdown(std::string_view markdown) {
  std::unique_ptr<cmark_node, NodeFree> doc(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  if (!doc) return {};
  narrow(doc.get());
  // CMARK_OPT_DEFAULT is safe in cmark 0.30: any raw HTML left would be omitted, unsafe URLs emptied.
  std::unique_ptr<char, decltype(&std::free)> html(cmark_render_html(doc.get(), CMARK_OPT_DEFAULT), &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace antq::news
