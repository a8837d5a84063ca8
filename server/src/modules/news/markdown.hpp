#pragma once
// A post's body: a small Markdown subset (paragraphs, bold, italic, lists, links, line breaks)
// parsed and rendered by cmark, the CommonMark reference library (decision 0015). Raw HTML never
// passes: it comes back as the text it was, escaped. Anything outside the subset is narrowed to
// it (a heading becomes a paragraph, an image its description, code its text), and links keep
// only http, https and mailto addresses.
#include <string>
#include <string_view>

namespace antq::news {

// The body as HTML for a page, a feed's content or an e-mail: safe to insert as it is.
std::string render_markdown(std::string_view markdown);

}  // namespace antq::news
