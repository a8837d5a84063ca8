#include "modules/reports/report_document.hpp"

#include "core/html.hpp"
#include "core/text.hpp"
#include "modules/reports/document_text.hpp"
#include "modules/reports/report_tables.hpp"

namespace antq::reports {

std::string vn_number(std::int64_t n) { return text::group_thousands(n); }

namespace {

std::string esc(const std::string& s) { return html::escape(s); }

// Decree 30/2020, Appendix I: A4, margins 20/15/20/30 mm, Times New Roman, motto 13 pt bold, slogan
// 14 pt bold, body 14 pt with a 1 cm first-line indent and 6 pt between paragraphs, page numbers
// centred in the top margin from page 2. Headings never end a page (break-after: avoid) and the
// last paragraph stays with the signature (break-inside: avoid on .closing).
constexpr const char* kPrintStyle = R"(
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font: 13pt "Times New Roman", "Liberation Serif", serif; } }
@page :first { @top-center { content: none; } }
body { font-family: "Times New Roman", "Liberation Serif", "Tinos", serif; font-size: 14pt; color: #000; margin: 0; line-height: 1.3; }
table.head, table.sign { width: 100%; border-collapse: collapse; } table.head td, table.sign td { border: none; padding: 0; vertical-align: top; text-align: center; }
td.issuer { width: 40%; font-size: 13pt; } td.motto { width: 60%; }
.name { font-weight: bold; } .republic { font-size: 13pt; font-weight: bold; white-space: nowrap; } .slogan { font-size: 14pt; font-weight: bold; white-space: nowrap; }
.head p, .sign p { margin: 0; text-indent: 0; text-align: center; }
.rule { width: 35%; margin: 1mm auto 0; border-top: 1px solid #000; height: 0; } .rule.long { width: 62%; }
td.number { font-size: 13pt; padding-top: 3mm; } td.place { font-style: italic; padding-top: 3mm; }
h1 { text-align: center; font-size: 14pt; margin: 8mm 0 0; }
.subject { text-align: center; font-weight: bold; margin: 0 0 6mm; text-indent: 0; }
p { text-align: justify; margin: 0 0 6pt; text-indent: 10mm; }
h2 { font-size: 14pt; margin: 10pt 0 6pt; } h3 { font-size: 14pt; margin: 8pt 0 4pt; font-weight: bold; font-style: italic; }
h1, h2, h3, .subject { break-after: avoid; page-break-after: avoid; }
table.data { width: 100%; border-collapse: collapse; margin: 0 0 8pt; font-size: 12pt; }
table.data th, table.data td { border: 1px solid #000; padding: 1mm 2mm; } table.data th { text-align: center; } table.data td.n { text-align: right; white-space: nowrap; }
table.data thead { display: table-header-group; } table.data tr { break-inside: avoid; page-break-inside: avoid; }
.dots { text-indent: 0; white-space: nowrap; overflow: hidden; text-align: left; margin: 0 0 4pt; }
.closing { break-inside: avoid; page-break-inside: avoid; }
table.sign { margin-top: 6mm; } td.recipients { width: 45%; text-align: left; font-size: 11pt; } td.recipients p { text-align: left; }
.recipients .to { font-size: 12pt; font-weight: bold; font-style: italic; } td.signer { width: 55%; font-weight: bold; }
.signer .space { height: 26mm; }
@media screen { body { max-width: 165mm; margin: 10mm auto; } }
)";

// What LibreOffice's HTML import understands: page size and margins by @page (":first" becomes the
// first-page style without the header), class styles for fonts, indents and keep-with-next.
constexpr const char* kWordStyle = R"(
@page { size: 21cm 29.7cm; margin: 20mm 15mm 20mm 30mm; }
@page :first { margin-top: 20mm; }
body { font-family: "Times New Roman", serif; font-size: 14pt; }
p { text-align: justify; margin-top: 0; margin-bottom: 6pt; font-size: 14pt; }
p.t { text-indent: 1cm; }
p.c { text-align: center; text-indent: 0; margin-bottom: 0; }
p.l { text-align: left; text-indent: 0; margin-bottom: 0; }
p.pageno { text-align: center; text-indent: 0; font-size: 13pt; margin: 0; }
h1 { text-align: center; font-size: 14pt; font-weight: bold; margin-top: 18pt; margin-bottom: 0; page-break-after: avoid; }
h2 { font-size: 14pt; font-weight: bold; margin-top: 10pt; margin-bottom: 6pt; page-break-after: avoid; }
h3 { font-size: 14pt; font-weight: bold; font-style: italic; margin-top: 8pt; margin-bottom: 4pt; page-break-after: avoid; }
p.subject { text-align: center; text-indent: 0; font-weight: bold; margin-bottom: 14pt; page-break-after: avoid; }
p.keep { page-break-after: avoid; }
p.dots { text-indent: 0; }
td p { text-indent: 0; font-size: 12pt; margin-bottom: 0; }
)";

std::string long_date(const std::string& iso) {
  if (iso.size() != 10) return "ngày … tháng … năm …";
  return "ngày " + iso.substr(8, 2) + " tháng " + iso.substr(5, 2) + " năm " + iso.substr(0, 4);
}

std::vector<std::string> recipients(const Heading& h) {
  if (h.symbol == "BC-BCĐ") return {"- Ban Chỉ đạo 138 cấp trên (để báo cáo);", "- Các thành viên Ban Chỉ đạo;", "- Lưu: VT."};
  if (h.symbol == "BC-BCTMT") return {"- Ủy ban MTTQ Việt Nam cấp xã (để báo cáo);", "- Lưu: VT."};
  if (h.symbol == "BC-V05") return {"- Lãnh đạo Bộ Công an (để báo cáo);", "- Lưu: VT, V05."};
  return {"- Lưu: VT."};
}

// Text a person typed: one paragraph per line, escaped.
std::vector<std::string> paragraphs_of(const std::string& typed) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= typed.size()) {
    const auto j = std::min(typed.find('\n', i), typed.size());
    const std::string line = text::trim(std::string_view(typed).substr(i, j - i));
    if (!line.empty()) out.push_back(line);
    i = j + 1;
  }
  return out;
}

class Writer {
 public:
  explicit Writer(HtmlTarget t) : word_(t == HtmlTarget::word) {}
  std::string h;

  void heading(const DocumentInfo& info) {
    const Heading& hd = info.heading;
    // Word: cell padding 0 and widths as attributes (the import reads those, not CSS).
    h +=
        word_ ? "<table class=\"head\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\"><tr>" : "<table class=\"head\"><tr>";
    h += cell("issuer", "40%");
    if (!hd.parent.empty()) h += centred(esc(hd.parent), "13pt", false);
    h += centred(esc(hd.issuer), "13pt", true) + rule(false);
    h += "</td>" + cell("motto", "60%");
    h += "<p class=\"" + std::string(word_ ? "c" : "republic") + "\">" + (word_ ? "<b><font style=\"font-size:12pt\">" : "") +
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" + (word_ ? "</font></b>" : "") + "</p>";
    h += "<p class=\"" + std::string(word_ ? "c" : "slogan") + "\">" + (word_ ? "<b>" : "") + "Độc lập - Tự do - Hạnh phúc" +
         (word_ ? "</b>" : "") + "</p>" + rule(true);
    h += "</td></tr><tr>" + cell("number", "40%");
    const std::string number = info.number.empty() ? "…/" + hd.symbol : info.number;
    h += centred("Số: " + esc(number), "13pt", false) + "</td>" + cell("place", "60%");
    h += "<p class=\"c\">" + std::string(word_ ? "<i>" : "") + esc(hd.place) + ", " + long_date(info.date) + (word_ ? "</i>" : "") +
         "</p></td></tr></table>";
  }

  void title(const std::string& t) {
    // Word: the centred class without indent (the import applies one class, and "p" indents).
    h += "<h1>BÁO CÁO</h1>" +
         std::string(word_ ? "<p class=\"c\" style=\"margin-bottom:14pt;page-break-after:avoid\"><b>" + esc(t) + "</b></p>"
                           : "<p class=\"subject\">" + esc(t) + "</p>");
  }
  void h2(const std::string& t) { h += "<h2>" + esc(t) + "</h2>"; }
  void h3(const std::string& t) { h += "<h3>" + esc(t) + "</h3>"; }
  void p(const std::string& t, bool keep_with_next = false) {
    // Word: an inline style (the import reads one class per element, not "dots keep").
    // Word: body text indented by its class ("p" alone would indent the heading cells too, and the
    // import does not let a class undo it).
    h += std::string(!word_           ? "<p>"
                     : keep_with_next ? "<p class=\"t\" style=\"page-break-after:avoid\">"
                                      : "<p class=\"t\">") +
         esc(t) + "</p>";
  }
  void dots(bool keep_with_next) {
    // A line to write on by hand (the parts the committee has not written yet).
    const std::string line(word_ ? 125 : 220, '.');
    h += std::string("<p class=\"dots\"") +
         (word_ ? std::string(" style=\"text-indent:0") + (keep_with_next ? ";page-break-after:avoid" : "") + "\"" : "") + ">" + line +
         "</p>";
  }

  void table(const TableSection& s) {
    h += word_ ? "<table class=\"data\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">" : "<table class=\"data\">";
    h += "<thead><tr><th>" + esc(s.label_header) + "</th>";
    for (const auto& c : s.headers) h += "<th>" + esc(c) + "</th>";
    h += "</tr></thead><tbody>";
    for (const auto& r : s.rows) {
      h += "<tr><td>" + esc(r.label) + "</td>";
      for (auto v : r.values) h += std::string(word_ ? "<td align=\"right\">" : "<td class=\"n\">") + vn_number(v) + "</td>";
      h += "</tr>";
    }
    h += "</tbody></table>";
  }

  void signature(const DocumentInfo& info) {
    const Heading& hd = info.heading;
    // Word: the row may not break across pages (LibreOffice writes it as w:cantSplit), and the
    // paragraph before it is kept with it.
    h +=
        word_
            ? "<table class=\"sign\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" style=\"page-break-inside:avoid\"><tr>"
            : "<table class=\"sign\"><tr>";
    h += word_ ? "<td width=\"45%\" valign=\"top\" align=\"left\">" : cell("recipients", "45%");
    const std::string left = word_ ? "<p class=\"l\" align=\"left\">" : "<p class=\"l\">";
    h += left + std::string(word_ ? "<b><i><font style=\"font-size:12pt\">" : "<span class=\"to\">") +
         "Nơi nhận:" + (word_ ? "</font></i></b>" : "</span>") + "</p>";
    for (const auto& r : recipients(hd))
      h += left + (word_ ? "<font style=\"font-size:11pt\">" : "") + esc(r) + (word_ ? "</font>" : "") + "</p>";
    h += "</td>" + cell("signer", "55%");
    if (!hd.sign_for.empty()) h += centred(esc(hd.sign_for), "14pt", true);
    h += centred(esc(hd.sign_title), "14pt", true);
    h += word_ ? "<p class=\"c\">&nbsp;</p><p class=\"c\">&nbsp;</p><p class=\"c\">&nbsp;</p><p class=\"c\">&nbsp;</p>"
               : "<div class=\"space\"></div>";
    if (!info.signer.empty()) h += centred(esc(info.signer), "14pt", true);
    h += "</td></tr></table>";
  }

  void page_numbers() {
    // Writer's page header on every page but the first (@page :first), the number as a field.
    if (word_) h += "<div title=\"header\"><p class=\"pageno\"><sdfield type=PAGE subtype=RANDOM format=PAGE>2</sdfield></p></div>";
  }

 private:
  bool word_;
  std::string cell(const char* cls, const char* width) const {
    return word_ ? std::string("<td width=\"") + width + "\" valign=\"top\" align=\"center\">" : std::string("<td class=\"") + cls + "\">";
  }
  std::string centred(const std::string& inner, const char* size, bool bold) const {
    if (!word_) return std::string("<p") + (bold ? " class=\"name\"" : "") + ">" + inner + "</p>";
    return std::string("<p class=\"c\"><font style=\"font-size:") + size + "\">" + (bold ? "<b>" : "") + inner + (bold ? "</b>" : "") +
           "</font></p>";
  }
  std::string rule(bool long_rule) const {
    if (word_)
      return std::string("<p class=\"c\"><font style=\"font-size:8pt\">") + (long_rule ? "――――――――――――――" : "――――――――") + "</font></p>";
    return std::string("<div class=\"rule") + (long_rule ? " long" : "") + "\"></div>";
  }
};

}  // namespace

std::string report_html(const ReportFigures& f, const DocumentInfo& info, const Labels& l, HtmlTarget target) {
  Writer w(target);
  w.h = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + esc(info.title) + "</title><style>" +
        (target == HtmlTarget::word ? kWordStyle : kPrintStyle) + "</style></head><body>";
  w.page_numbers();
  w.heading(info);
  w.title(info.title);

  w.h2("I. KẾT QUẢ THỰC HIỆN");
  for (const auto& para : narrative(f.summary, l)) w.p(para);
  int i = 0;
  for (const auto& s : table_sections(f, l)) {
    if (s.rows.empty() || !s.in_document) continue;
    w.h3(std::to_string(++i) + ". " + s.title);
    w.table(s);
  }

  w.h2("II. ĐÁNH GIÁ CHUNG");
  const auto assessment = paragraphs_of(info.assessment);
  if (assessment.empty())
    for (int k = 0; k < 3; ++k) w.dots(false);
  for (const auto& para : assessment) w.p(para);

  w.h2("III. PHƯƠNG HƯỚNG, NHIỆM VỤ");
  const auto direction = paragraphs_of(info.direction);
  // Everything before the last paragraph flows; the last one stays on the page of the signature.
  for (std::size_t k = 0; k + 1 < direction.size(); ++k) w.p(direction[k]);
  w.h += "<div class=\"closing\">";
  if (direction.empty()) {
    for (int k = 0; k < 3; ++k) w.dots(true);
  } else {
    w.p(direction.back(), true);
  }
  w.signature(info);
  w.h += "</div></body></html>";
  return w.h;
}

}  // namespace antq::reports
