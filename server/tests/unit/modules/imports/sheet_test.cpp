// Spreadsheets as people save them, and the files the importer must refuse: CSV in UTF-8 with and
// without a BOM, UTF-16 as Excel's "Unicode text", semicolons; XLSX written by libxlsxwriter with
// shared strings, numbers, blank rows; formulas, merged cells, empty sheets, encrypted or legacy
// files, broken zips and a zip bomb.
#include <gtest/gtest.h>
#include <minizip/zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/xlsx.hpp"
#include "modules/imports/sheet.hpp"

using namespace antq;
using namespace antq::imports;

namespace {

const SheetLimits kLimits{};

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const ApiError& e) {
    return std::to_string(e.status()) + " " + e.what();
  }
  return "no error";
}

std::string utf16le(const std::u16string& s) {
  std::string out = "\xFF\xFE";
  for (char16_t ch : s) {
    out.push_back(static_cast<char>(ch & 0xFF));
    out.push_back(static_cast<char>(ch >> 8));
  }
  return out;
}

// A zip of the given parts (names → contents), written with minizip.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
  const auto path = std::filesystem::temp_directory_path() / ("antq-zip-" + crypto::random_hex(6) + ".zip");
  zipFile z = zipOpen64(path.c_str(), 0);
  for (const auto& [name, content] : parts) {
    zipOpenNewFileInZip64(z, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1);
    zipWriteInFileInZip(z, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(z);
  }
  zipClose(z, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

const char* kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* kRels = R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                    R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)";

}  // namespace

TEST(ImportSheet, CsvEncodingsAndSeparators) {
  const std::string body = "Ngày,Nội dung\n19/08/2024,\"Hội nghị, thôn 1\"\n\n20/08/2024,Tuần tra\n";
  for (const std::string& bytes : {body, "\xEF\xBB\xBF" + body}) {
    const Sheet s = read_sheet(bytes, std::nullopt, kLimits);
    EXPECT_EQ(s.format, SheetFormat::csv);
    EXPECT_EQ(s.header, (std::vector<std::string>{"Ngày", "Nội dung"}));
    ASSERT_EQ(s.rows.size(), 2u);  // the blank line is not a row
    EXPECT_EQ(s.rows[0].cells[1], "Hội nghị, thôn 1");
    EXPECT_EQ(s.rows[1].number, 4u);  // the row a person sees in Excel
  }
  const Sheet tabbed = read_sheet(utf16le(u"Ngày\tNội dung\r\n19/08/2024\tTuần tra đêm\r\n"), std::nullopt, kLimits);
  EXPECT_EQ(tabbed.header[1], "Nội dung");
  EXPECT_EQ(tabbed.rows.at(0).cells[1], "Tuần tra đêm");
  const Sheet semis = read_sheet("Ngày;Số người\n19/08/2024;16.000\n", std::nullopt, kLimits);
  EXPECT_EQ(semis.rows.at(0).cells[1], "16.000");
}

TEST(ImportSheet, CsvRefusals) {
  EXPECT_NE(error_of([] {
              read_sheet("Ngày,Nội dung\n19/08/2024,\"chưa đóng\n", std::nullopt, kLimits);
            }).find("400 CSV: dấu ngoặc kép chưa đóng ở dòng 2"),
            std::string::npos);
  // "Hội nghị" in Windows-1258: not UTF-8.
  const std::string cp1258 = "Ng\xE0y,N\xF4i dung\nH\xF4i ngh\xD2,1\n";
  EXPECT_NE(error_of([&] { read_sheet(cp1258, std::nullopt, kLimits); }).find("400 Tệp CSV không phải UTF-8"), std::string::npos);
  EXPECT_NE(error_of([] { read_sheet("Ngày,Nội dung\n", std::nullopt, kLimits); }).find("400 Tệp chỉ có dòng tiêu đề"), std::string::npos);
  EXPECT_NE(error_of([] { read_sheet("", std::nullopt, kLimits); }).find("400"), std::string::npos);
  SheetLimits small;
  small.max_rows = 2;
  EXPECT_NE(error_of([&] { read_sheet("a\n1\n2\n3\n", std::nullopt, small); }).find("413 Tệp có 3 dòng, vượt giới hạn 2 dòng"),
            std::string::npos);
}

TEST(ImportSheet, XlsxCellsAsPeopleTypeThem) {
  const std::string bytes = xlsx::build([](lxw_workbook* wb) {
    workbook_add_worksheet(wb, "Khác");
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Dữ liệu");
    worksheet_write_string(ws, 0, 0, "Ngày", nullptr);
    worksheet_write_string(ws, 0, 2, "Số lượt người tham gia", nullptr);
    worksheet_write_number(ws, 1, 0, 45523, nullptr);
    worksheet_write_number(ws, 1, 2, 16000, nullptr);
    worksheet_write_string(ws, 3, 0, "20/08/2024", nullptr);  // row 4, after a blank row
    worksheet_write_boolean(ws, 3, 1, 1, nullptr);
  });
  const Sheet s = read_sheet(bytes, std::string("dữ liệu"), kLimits);
  EXPECT_EQ(s.format, SheetFormat::xlsx);
  EXPECT_EQ(s.header, (std::vector<std::string>{"Ngày", "", "Số lượt người tham gia"}));
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[0].number, 2u);
  EXPECT_EQ(s.rows[0].cells[0], "45523");
  EXPECT_EQ(s.rows[0].cells[2], "16000");
  EXPECT_EQ(s.rows[1].number, 4u);
  EXPECT_EQ(s.rows[1].cells[1], "1");
  // The first sheet by default; an unknown name is refused with the names there are.
  EXPECT_NE(error_of([&] { read_sheet(bytes, std::nullopt, kLimits); }).find("400 Trang tính trống"), std::string::npos);
  EXPECT_NE(error_of([&] { read_sheet(bytes, std::string("Tổng hợp"), kLimits); }).find("có: Khác, Dữ liệu"), std::string::npos);
}

TEST(ImportSheet, XlsxRefusals) {
  const std::string formula = xlsx::build([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "Số lượng", nullptr);
    worksheet_write_formula(ws, 1, 0, "=1+2", nullptr);
  });
  EXPECT_NE(error_of([&] { read_sheet(formula, std::nullopt, kLimits); }).find("400 Ô A2 chứa công thức"), std::string::npos);
  const std::string merged = xlsx::build([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "Đơn vị", nullptr);
    worksheet_merge_range(ws, 1, 0, 3, 0, "Xã Sơn Tịnh", nullptr);
  });
  EXPECT_NE(error_of([&] { read_sheet(merged, std::nullopt, kLimits); }).find("400 Bảng tính có ô gộp (A2:A4)"), std::string::npos);
  const std::string empty = xlsx::build([](lxw_workbook* wb) { workbook_add_worksheet(wb, nullptr); });
  EXPECT_NE(error_of([&] { read_sheet(empty, std::nullopt, kLimits); }).find("400 Trang tính trống"), std::string::npos);
  EXPECT_NE(error_of([] {
              read_sheet(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(500, '\0'), std::nullopt, kLimits);
            }).find("400 Tệp là bảng tính có mật khẩu hoặc tệp Excel 97-2003"),
            std::string::npos);
  EXPECT_NE(
      error_of([] { read_sheet("PK\x03\x04 không phải zip", std::nullopt, kLimits); }).find("400 Tệp không phải bảng tính .xlsx hợp lệ"),
      std::string::npos);
  const std::string not_a_workbook = zip_of({{"readme.txt", "xin chào"}});
  EXPECT_NE(error_of([&] { read_sheet(not_a_workbook, std::nullopt, kLimits); }).find("400 Tệp nén không phải bảng tính Excel"),
            std::string::npos);
  const std::string doctype = zip_of({{"xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><workbook/>"}});
  EXPECT_NE(error_of([&] { read_sheet(doctype, std::nullopt, kLimits); }).find("400 Bảng tính hỏng"), std::string::npos);
}

// A small file that inflates past the limit is stopped while it inflates: the limit is lowered here
// so the test inflates 8 MiB, not gigabytes; the mechanism is the same.
TEST(ImportSheet, ZipBombIsStoppedAtTheLimit) {
  std::string sheet = R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  sheet += std::string(8 * 1024 * 1024, ' ');
  sheet += "</sheetData></worksheet>";
  const std::string bomb =
      zip_of({{"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kRels}, {"xl/worksheets/sheet1.xml", sheet}});
  EXPECT_LT(bomb.size(), 64u * 1024);
  SheetLimits small;
  small.max_part_bytes = 1024 * 1024;
  const std::string e = error_of([&] { read_sheet(bomb, std::nullopt, small); });
  EXPECT_NE(e.find("400 Tệp .xlsx giải nén ra quá lớn"), std::string::npos) << e;
}

TEST(ImportSheet, ColumnLetters) {
  EXPECT_EQ(column_letters(0), "A");
  EXPECT_EQ(column_letters(25), "Z");
  EXPECT_EQ(column_letters(26), "AA");
  EXPECT_EQ(column_index("AA"), 26u);
  EXPECT_EQ(column_index("a"), std::nullopt);
}
