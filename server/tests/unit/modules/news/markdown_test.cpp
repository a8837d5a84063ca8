// The post body's Markdown subset (modules/news/markdown.hpp): what residents' pages, the feed and
// e-mails receive as HTML.
#include "modules/news/markdown.hpp"

#include <gtest/gtest.h>

using antq::news::render_markdown;

TEST(NewsMarkdownTest, KeepsTheSubset) {
  EXPECT_EQ(
      render_markdown("**Đậm** và *nghiêng*\n\n- một\n- hai\n\n1. a\n2. b"),
      "<p><strong>Đậm</strong> và <em>nghiêng</em></p>\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n");
  EXPECT_EQ(render_markdown("[Công an xã](https://conganxa.example.vn/a?b=1&c=2)"),
            "<p><a href=\"https://conganxa.example.vn/a?b=1&amp;c=2\">Công an xã</a></p>\n");
  EXPECT_EQ(render_markdown("[thư](mailto:a@b.vn)"), "<p><a href=\"mailto:a@b.vn\">thư</a></p>\n");
}

TEST(NewsMarkdownTest, NarrowsEverythingElseAndNeverPassesHtml) {
  EXPECT_EQ(render_markdown("# Tiêu đề"), "<p>Tiêu đề</p>\n");
  EXPECT_EQ(render_markdown("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  EXPECT_EQ(render_markdown("a <img src=x onerror=alert(1)> b"), "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>\n");
  EXPECT_EQ(render_markdown("[bấm](javascript:alert(1))"), "<p>bấm</p>\n");
  EXPECT_EQ(render_markdown("[bấm](data:text/html,x)"), "<p>bấm</p>\n");
  EXPECT_EQ(render_markdown("![ảnh](https://x.example/a.png)"), "<p>ảnh</p>\n");
  EXPECT_EQ(render_markdown("> trích"), "<p>trích</p>\n");
  EXPECT_EQ(render_markdown("`mã`"), "<p>mã</p>\n");
  EXPECT_EQ(render_markdown("---"), "");
  EXPECT_EQ(render_markdown(""), "");
}
