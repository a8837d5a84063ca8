// Reports as official documents (issue 18, items 7–11): the narrative says what was recorded and
// nothing else (a fire-safety training is a training on fire safety; a campaign launch, a
// listening conference and a Zalo group are named; zero figures are absent; no "hiệu quả"); the
// Decree 30 lines (parent body, issuing body, number with its symbol, signing position); the
// hand-written assessment and direction stored, escaped and frozen with the issued report; the
// printed pages (headless Chromium, pdftotext) never leave a heading at the bottom of a page or the
// signature alone on the last one; the Word document read back through LibreOffice; the XLSX
// sheet names and title rows; a clear 503 when the converter is missing or too slow.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/text.hpp"
#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {

std::string today() { return timeutil::today_vietnam(); }
std::string days_ago(int n) { return timeutil::add_days(today(), -n); }

struct Api {
  std::uint16_t port;
  std::string token;
  HttpReply post(const std::string& target, const bj::object& body) {
    return request(port, "POST", target, bj::serialize(body), json_auth(token));
  }
  HttpReply get(const std::string& target) { return request(port, "GET", target, "", bearer(token)); }
  void created(const std::string& target, const bj::object& body) {
    auto r = post(target, body);
    ASSERT_EQ(r.status, 201) << target << " → " << r.body;
  }
};

// A private scratch directory, removed at the end.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string t = (fs::temp_directory_path() / "antq-reports-doc-XXXXXX").string();
    dir = mkdtemp(t.data());
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
  }
  std::string read(const std::string& name) const {
    std::ifstream in(dir / name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

int run(const std::string& command) { return std::system(command.c_str()); }

bool have(const char* program) { return run(std::string("command -v ") + program + " >/dev/null 2>&1") == 0; }

// The text of a PDF (pdftotext from poppler-utils), whitespace collapsed: a sentence broken over
// lines reads whole again.
std::string pdf_text(const Scratch& s, const std::string& pdf, int page = 0) {
  const std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  EXPECT_EQ(run("pdftotext" + range + " '" + (s.dir / pdf).string() + "' '" + (s.dir / "text.txt").string() + "'"), 0);
  std::string t = s.read("text.txt"), out;
  for (char c : t) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

int pdf_pages(const Scratch& s, const std::string& pdf) {
  run("pdfinfo '" + (s.dir / pdf).string() + "' > '" + (s.dir / "info.txt").string() + "'");
  std::smatch m;
  const std::string info = s.read("info.txt");
  return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : 0;
}

// Non-empty lines of one page, as laid out.
std::vector<std::string> page_lines(const Scratch& s, const std::string& pdf, int page) {
  run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" + (s.dir / pdf).string() + "' '" +
      (s.dir / "page.txt").string() + "'");
  std::vector<std::string> lines;
  std::istringstream in(s.read("page.txt"));
  for (std::string line; std::getline(in, line);) {
    const auto a = line.find_first_not_of(" \f\t");
    if (a != std::string::npos) lines.push_back(line.substr(a));
  }
  return lines;
}

// The narrative of an HTML report: what stands between the first heading and the first table.
std::string narrative_of(const std::string& html) {
  const auto a = html.find("I. KẾT QUẢ THỰC HIỆN</h2>");
  const auto b = html.find("<h3>", a);
  EXPECT_NE(a, std::string::npos);
  return a == std::string::npos ? std::string() : html.substr(a, b - a);
}

ServerOptionsForTest empty_commune() {
  ServerOptionsForTest o;
  o.seed_demo = false;  // only what each test records
  return o;
}

// A fire-safety training, a campaign launch, a listening conference and a Zalo group in Xã Sơn Tịnh.
void record_the_four(Api& api) {
  api.created("/api/v1/activities", {{"unit", "21220"},
                                     {"type", "training"},
                                     {"date", days_ago(20)},
                                     {"title", "Tập huấn kỹ năng thoát nạn khi cháy nhà dân"},
                                     {"organizers", bj::array{"police"}},
                                     {"audience", bj::array{"women_union"}},
                                     {"topics", bj::array{"fire"}},
                                     {"participants", 40}});
  api.created("/api/v1/activities", {{"unit", "21220"},
                                     {"type", "campaign_launch"},
                                     {"date", days_ago(15)},
                                     {"title", "Phát động phong trào năm nay"},
                                     {"organizers", bj::array{"front", "police"}},
                                     {"participants", 300}});
  api.created("/api/v1/activities", {{"unit", "21220"},
                                     {"type", "listening_conference"},
                                     {"date", days_ago(10)},
                                     {"title", "Công an lắng nghe ý kiến Nhân dân thôn Trường Thọ"},
                                     {"organizers", bj::array{"police"}},
                                     {"participants", 120}});
  api.created("/api/v1/groups", {{"unit", "21220"},
                                 {"kind", "channel"},
                                 {"platform", "zalo"},
                                 {"name", "Zalo An ninh xã Sơn Tịnh"},
                                 {"started_on", days_ago(100)},
                                 {"members_count", 214}});
}

std::string period() { return "from=" + days_ago(30) + "&to=" + today(); }

}  // namespace

class ReportDocumentsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportDocumentsTest, TheNarrativeNamesWhatWasRecordedAndNothingElse) {
  ServerFixture s(GetParam(), empty_commune());
  Api api{s.port(), s.national_admin()};
  record_the_four(api);
  auto html = api.get("/api/v1/reports/summary?unit=21220&" + period() + "&format=html");
  ASSERT_EQ(html.status, 200) << html.body;
  const std::string n = narrative_of(html.body);
  // Each recorded kind of work, truthfully: the training by its catalogue topic, its organiser and
  // its audience; the launch and the conference with their lượt; the Zalo group with its members.
  for (const std::string expected : {"Công an tổ chức 1 lớp tập huấn về phòng cháy, chữa cháy cho 40 lượt hội viên Hội Liên hiệp Phụ nữ.",
                                     "Công an và Mặt trận Tổ quốc tổ chức 1 đợt phát động phong trào với 300 lượt người tham gia.",
                                     "Công an tổ chức 1 hội nghị “Công an lắng nghe ý kiến Nhân dân” với 120 lượt người tham gia.",
                                     "Duy trì hoạt động của 1 nhóm Zalo với 214 thành viên."}) {
    EXPECT_NE(n.find(expected), std::string::npos) << expected << "\n--- narrative:\n" << n;
  }
  // Nothing that no record supports.
  for (const std::string absent :
       {"phòng chống tội phạm", "hiệu quả", "tích cực", "ma túy", "tin liên quan", "hòa giải", "tuần tra", "cảm hóa", "tờ rơi", "tự quản",
        "mô hình", "chuyên đề", "địa bàn trọng điểm", "chương trình phối hợp", "khen", "tiến bộ", "ý kiến của Nhân dân", "giao ước"}) {
    EXPECT_EQ(n.find(absent), std::string::npos) << "'" << absent << "' is in: " << n;
  }
  // The same figures by type and topic, typed in the summary (docs/api/reports.md).
  const auto f = api.get("/api/v1/reports/summary?unit=21220&" + period()).json();
  EXPECT_EQ(f.at("activities").at("training").at("by_topic").at("fire").at("count").as_int64(), 1);
  EXPECT_EQ(f.at("activities").at("training").at("by_topic").at("crime").at("count").as_int64(), 0);
  EXPECT_EQ(f.at("activities").at("training").at("with_audience").at("participants").as_int64(), 40);
  EXPECT_EQ(f.at("groups").at("channel").at("by_platform").at("zalo").at("members").as_int64(), 214);
  EXPECT_FALSE(f.as_object().contains("children")) << "the JSON summary stays small";

  // An area where nothing was recorded says so, and nothing else.
  auto none = api.get("/api/v1/reports/summary?unit=21211&" + period() + "&format=html");
  ASSERT_EQ(none.status, 200);
  EXPECT_NE(narrative_of(none.body).find("chưa ghi nhận kết quả nào"), std::string::npos) << narrative_of(none.body);
}

TEST_P(ReportDocumentsTest, DecreeThirtyLinesAndTheHandWrittenPartsFrozenWithTheIssuedReport) {
  ServerFixture s(GetParam(), empty_commune());
  Api admin{s.port(), s.national_admin()};
  record_the_four(admin);
  Api steering{s.port(), s.add_user("bcd.sontinh", "steering", "21220")};
  // The draft: the parent body and the issuing body in full, the number's symbol, the position.
  auto draft = steering.get("/api/v1/reports/summary?unit=21220&" + period() + "&format=html");
  ASSERT_EQ(draft.status, 200);
  for (const std::string line : {">UBND XÃ SƠN TỊNH<", ">BAN CHỈ ĐẠO 138 XÃ SƠN TỊNH<", "Số: …/BC-BCĐ", ">TM. BAN CHỈ ĐẠO<", ">TRƯỞNG BAN<",
                                 "Sơn Tịnh, ngày … tháng … năm …", "II. ĐÁNH GIÁ CHUNG", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
                                 "break-after: avoid", "break-inside: avoid"}) {
    EXPECT_NE(draft.body.find(line), std::string::npos) << line;
  }
  auto province = admin.get("/api/v1/reports/summary?unit=51&" + period() + "&format=html");
  EXPECT_NE(province.body.find(">UBND TỈNH QUẢNG NGÃI<"), std::string::npos);
  EXPECT_NE(province.body.find(">BAN CHỈ ĐẠO 138 TỈNH QUẢNG NGÃI<"), std::string::npos);

  // Bad hand-written parts: Vietnamese messages naming the part.
  const std::string too_long(8001, 'a');
  auto r = steering.post("/api/v1/reports", {{"unit", "21220"}, {"from", days_ago(30)}, {"to", today()}, {"assessment", too_long}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Đánh giá chung"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("8.000"), std::string::npos) << r.body;
  r = steering.post("/api/v1/reports", {{"unit", "21220"}, {"from", days_ago(30)}, {"to", today()}, {"direction", 12}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Phương hướng, nhiệm vụ"), std::string::npos) << r.body;
  r = steering.post("/api/v1/reports", {{"unit", "21220"}, {"from", days_ago(30)}, {"to", today()}, {"direction", std::string("a\x01")}});
  EXPECT_EQ(r.status, 400);
  // Only a steering member or an administrator issues.
  Api police{s.port(), s.add_user("ca.sontinh", "police_officer", "21220")};
  EXPECT_EQ(police.post("/api/v1/reports", {{"unit", "21220"}, {"from", days_ago(30)}, {"to", today()}}).status, 403);

  const std::string assessment = "1. Ưu điểm: các lực lượng phối hợp <b>chặt chẽ</b>.\r\n2. Hạn chế: còn thôn chưa có nhóm Zalo.";
  const std::string direction = "Tiếp tục tập huấn phòng cháy, chữa cháy cho các thôn.\nNhân rộng nhóm Zalo an ninh.";
  r = steering.post("/api/v1/reports", {{"unit", "21220"},
                                        {"from", days_ago(30)},
                                        {"to", today()},
                                        {"signer", "Nguyễn Văn Ký"},
                                        {"assessment", assessment},
                                        {"direction", direction}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto issued = r.json();
  const std::string id(issued.at("id").as_string());
  EXPECT_EQ(issued.at("number"), "1/BC-BCĐ");
  EXPECT_EQ(issued.at("assessment"), "1. Ưu điểm: các lực lượng phối hợp <b>chặt chẽ</b>.\n2. Hạn chế: còn thôn chưa có nhóm Zalo.");
  EXPECT_EQ(issued.at("direction"), bj::value(direction));
  EXPECT_EQ(issued.at("heading").at("issuer"), "BAN CHỈ ĐẠO 138 XÃ SƠN TỊNH");
  // The per-unit table is frozen with the figures (the XLSX of the issued report shows it).
  EXPECT_TRUE(issued.at("figures").at("children").at("items").is_array());

  // Later records change neither the figures nor the texts of the issued document.
  admin.created("/api/v1/activities", {{"unit", "21220"},
                                       {"type", "propaganda"},
                                       {"date", today()},
                                       {"title", "Tuyên truyền về ma túy"},
                                       {"organizers", bj::array{"police"}},
                                       {"topics", bj::array{"drugs"}},
                                       {"participants", 50}});
  auto doc = steering.get("/api/v1/reports/" + id + "?format=html");
  ASSERT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("Số: 1/BC-BCĐ"), std::string::npos);
  EXPECT_NE(doc.body.find("2. Hạn chế: còn thôn chưa có nhóm Zalo.</p>"), std::string::npos) << "one paragraph per line";
  EXPECT_NE(doc.body.find("&lt;b&gt;chặt chẽ&lt;/b&gt;"), std::string::npos) << "typed text is escaped";
  EXPECT_EQ(doc.body.find("<b>chặt chẽ</b>"), std::string::npos);
  EXPECT_NE(doc.body.find("Nhân rộng nhóm Zalo an ninh.</p>"), std::string::npos);
  EXPECT_NE(doc.body.find(">Nguyễn Văn Ký<"), std::string::npos);
  EXPECT_EQ(narrative_of(doc.body).find("tuyên truyền"), std::string::npos) << "recorded after issuing";
  auto again = steering.get("/api/v1/reports/" + id).json();
  EXPECT_EQ(again.at("assessment"), issued.at("assessment"));
  // The issue dialog's preview: the same document, not stored.
  auto preview =
      request(s.port(), "POST", "/api/v1/reports?dry_run=1&format=html",
              bj::serialize(bj::object{{"unit", "21220"}, {"from", days_ago(30)}, {"to", today()}, {"direction", "Xem trước <i>"}}),
              json_auth(steering.token));
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.body.find("Xem trước &lt;i&gt;"), std::string::npos);
  EXPECT_NE(preview.body.find("Số: …/BC-BCĐ"), std::string::npos);
  EXPECT_EQ(steering.get("/api/v1/reports").json().at("items").as_array().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportDocumentsTest, ::testing::ValuesIn(antq::test::engines()));

// What a person holds: printed pages, the Word document, the workbook. SQLite only: the engine
// changes no byte of a document, and each conversion costs seconds.
TEST(ReportPagesTest, PrintedPagesKeepHeadingsWithTheirTextAndTheSignatureWithTheLastParagraph) {
  ASSERT_TRUE(have("chromium")) << "Debian package chromium (scripts/install-deps.sh)";
  ASSERT_TRUE(have("pdftotext")) << "Debian package poppler-utils (scripts/install-deps.sh)";
  ServerFixture s("sqlite", empty_commune());
  Api api{s.port(), s.national_admin()};
  record_the_four(api);
  Scratch scratch;
  // Directions of growing length move the signature across a page break at some point.
  int crossings = 0, last_pages = 0;
  for (int k = 1; k <= 41; k += 4) {
    std::string direction;
    for (int i = 1; i <= k; ++i) direction += "Nhiệm vụ số " + std::to_string(i) + ": tiếp tục duy trì nhóm Zalo an ninh của xã.\n";
    auto html = request(s.port(), "POST", "/api/v1/reports?dry_run=1&format=html",
                        bj::serialize(bj::object{{"unit", "21220"},
                                                 {"from", days_ago(30)},
                                                 {"to", today()},
                                                 {"direction", direction},
                                                 {"assessment", "Ưu điểm: các lực lượng đã phối hợp."}}),
                        json_auth(api.token));
    ASSERT_EQ(html.status, 200);
    scratch.write("r.html", html.body);
    ASSERT_EQ(run("chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir='" +
                  (scratch.dir / "chrome").string() + "' --print-to-pdf='" + (scratch.dir / "r.pdf").string() + "' 'file://" +
                  (scratch.dir / "r.html").string() + "' >/dev/null 2>&1"),
              0);
    const int pages = pdf_pages(scratch, "r.pdf");
    ASSERT_GT(pages, 0);
    if (last_pages && pages != last_pages) ++crossings;
    last_pages = pages;
    for (int p = 1; p <= pages; ++p) {
      const auto lines = page_lines(scratch, "r.pdf", p);
      ASSERT_FALSE(lines.empty());
      const std::string& bottom = lines.back();
      for (const char* heading : {"I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ"}) {
        EXPECT_NE(bottom, heading) << "k=" << k << ": page " << p << " ends with a heading";
      }
      EXPECT_FALSE(std::regex_match(bottom, std::regex("\\d+\\. [^0-9]+")))
          << "k=" << k << ": page " << p << " ends with a table title: " << bottom;
    }
    // The last page holds the signature and, above it, text of the report: never the block alone.
    const std::string last = pdf_text(scratch, "r.pdf", pages);
    EXPECT_NE(last.find("TRƯỞNG BAN"), std::string::npos) << "k=" << k;
    EXPECT_NE(last.find("Nhiệm vụ số " + std::to_string(k) + ":"), std::string::npos) << "k=" << k << ": the signature stands alone:\n"
                                                                                      << last;
  }
  EXPECT_GE(crossings, 1) << "the lengths tried never moved the signature to a new page";
}

TEST(ReportPagesTest, TheWordDocumentOpensInLibreOfficeWithTheSameTextAndTheWorkbookHasWholeSheetNames) {
  ASSERT_TRUE(have("soffice")) << "Debian package libreoffice-writer-nogui (scripts/install-deps.sh)";
  ASSERT_TRUE(have("pdftotext")) << "Debian package poppler-utils (scripts/install-deps.sh)";
  ASSERT_TRUE(have("unzip")) << "Debian package unzip (scripts/install-deps.sh)";
  ServerFixture s("sqlite", empty_commune());
  Api admin{s.port(), s.national_admin()};
  record_the_four(admin);
  Api steering{s.port(), s.add_user("bcd.sontinh", "steering", "21220")};
  auto issued = steering.post("/api/v1/reports", {{"unit", "21220"},
                                                  {"from", days_ago(30)},
                                                  {"to", today()},
                                                  {"signer", "Nguyễn Văn Ký"},
                                                  {"assessment", "Ưu điểm: lực lượng Công an và Mặt trận phối hợp chặt chẽ."},
                                                  {"direction", "Nhân rộng nhóm Zalo an ninh ra các thôn."}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string id(issued.json().at("id").as_string());
  Scratch scratch;

  auto docx = steering.get("/api/v1/reports/" + id + "?format=docx");
  ASSERT_EQ(docx.status, 200) << docx.body;
  EXPECT_EQ(docx.header("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_NE(docx.header("content-disposition").find(".docx"), std::string::npos);
  ASSERT_EQ(docx.body.substr(0, 2), "PK");
  scratch.write("bao-cao.docx", docx.body);
  ASSERT_EQ(run("cd '" + scratch.dir.string() + "' && HOME='" + scratch.dir.string() +
                "' soffice --headless --norestore -env:UserInstallation=file://" + (scratch.dir / "lo").string() +
                " --convert-to pdf bao-cao.docx >/dev/null 2>&1"),
            0);
  const std::string text = pdf_text(scratch, "bao-cao.pdf");
  for (const std::string expected :
       {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND XÃ SƠN TỊNH", "BAN CHỈ ĐẠO 138 XÃ SƠN TỊNH",
        "Số: 1/BC-BCĐ", "BÁO CÁO", "Kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc từ ngày",
        "Công an tổ chức 1 lớp tập huấn về phòng cháy, chữa cháy cho 40 lượt hội viên Hội Liên hiệp Phụ nữ.",
        "Duy trì hoạt động của 1 nhóm Zalo với 214 thành viên.", "Nhóm Zalo, Facebook — Zalo 1 214", "Phát động phong trào 1 300 0",
        "II. ĐÁNH GIÁ CHUNG", "Ưu điểm: lực lượng Công an và Mặt trận phối hợp chặt chẽ.", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "Nhân rộng nhóm Zalo an ninh ra các thôn.", "Nơi nhận:", "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn Ký"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n--- PDF text:\n" << text.substr(0, 3000);
  }
  // No page number on page 1; "2" heads page 2 when there is one.
  if (pdf_pages(scratch, "bao-cao.pdf") > 1) EXPECT_EQ(page_lines(scratch, "bao-cao.pdf", 2).front(), "2");
  // The live summary converts too.
  auto live = steering.get("/api/v1/reports/summary?unit=21220&" + period() + "&format=docx");
  ASSERT_EQ(live.status, 200);
  EXPECT_EQ(live.body.substr(0, 2), "PK");

  // The workbook: whole sheet names (≤ 31 characters), the title rows, the table of child units.
  auto xlsx = steering.get("/api/v1/reports/" + id + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  scratch.write("so-lieu.xlsx", xlsx.body);
  const std::string x = (scratch.dir / "so-lieu.xlsx").string();
  run("unzip -p '" + x + "' xl/workbook.xml > '" + (scratch.dir / "workbook.xml").string() + "'");
  run("unzip -p '" + x + "' xl/sharedStrings.xml > '" + (scratch.dir / "strings.xml").string() + "'");
  const std::string workbook = scratch.read("workbook.xml"), strings = scratch.read("strings.xml");
  std::vector<std::string> sheets;
  const std::regex sheet("<sheet name=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(workbook.begin(), workbook.end(), sheet); it != std::sregex_iterator(); ++it)
    sheets.push_back((*it)[1]);
  const std::vector<std::string> want{
      "Hoạt động phong trào",  "Theo lực lượng tổ chức", "Theo đối tượng tham gia",    "Hoạt động theo chủ đề",  "Tin báo, tố giác",
      "Ý kiến của Nhân dân",   "Hòa giải ở cơ sở",       "Cảm hóa, giáo dục, giúp đỡ", "Tổ, nhóm quần chúng",    "Tuần tra",
      "Mô hình, chuyên đề",    "Địa bàn trọng điểm",     "Đánh giá An toàn về ANTT",   "Chương trình, giao ước", "Khen thưởng",
      "Theo đơn vị trực thuộc"};
  EXPECT_EQ(sheets, want);
  for (const auto& name : sheets) EXPECT_LE(text::length(name), 31u) << name;
  EXPECT_NE(strings.find("SỐ LIỆU PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"), std::string::npos);
  EXPECT_NE(strings.find("Xã Sơn Tịnh, từ ngày " + timeutil::format_vn(*timeutil::parse_date(days_ago(30))) + " đến ngày " +
                         timeutil::format_vn(*timeutil::parse_date(today()))),
            std::string::npos)
      << strings.substr(0, 500);
  EXPECT_NE(strings.find("Ghi nhận trực tiếp tại Xã Sơn Tịnh"), std::string::npos) << "the commune's own records in the child table";
  EXPECT_NE(strings.find("Tổng cộng"), std::string::npos);
}

TEST(ReportPagesTest, AMissingOrSlowConverterIsAClear503) {
  Scratch scratch;
  {
    ::setenv("ANTQ_SOFFICE", (scratch.dir / "no-such-soffice").c_str(), 1);
    ServerFixture s("sqlite", empty_commune());
    ::unsetenv("ANTQ_SOFFICE");
    Api api{s.port(), s.national_admin()};
    auto r = api.get("/api/v1/reports/summary?unit=21220&" + period() + "&format=docx");
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.json().at("error").at("code"), "converter_unavailable");
    EXPECT_NE(r.body.find("LibreOffice"), std::string::npos) << r.body;
    EXPECT_FALSE(r.header("retry-after").empty());
    // The other formats do not need it.
    EXPECT_EQ(api.get("/api/v1/reports/summary?unit=21220&" + period() + "&format=xlsx").status, 200);
  }
  {
    const auto slow = scratch.write("slow-soffice", "#!/bin/sh\nsleep 30\n");
    fs::permissions(slow, fs::perms::owner_all);
    ::setenv("ANTQ_SOFFICE", slow.c_str(), 1);
    ::setenv("ANTQ_DOCX_TIMEOUT_MS", "1000", 1);
    ServerFixture s("sqlite", empty_commune());
    ::unsetenv("ANTQ_SOFFICE");
    ::unsetenv("ANTQ_DOCX_TIMEOUT_MS");
    Api api{s.port(), s.national_admin()};
    const auto started = std::chrono::steady_clock::now();
    auto r = api.get("/api/v1/reports/summary?unit=21220&" + period() + "&format=docx");
    EXPECT_EQ(r.status, 503);
    EXPECT_NE(r.body.find("giây"), std::string::npos) << r.body;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10)) << "the slow converter was not stopped";
  }
}
