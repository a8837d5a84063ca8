#include "core/download_name.hpp"

#include <gtest/gtest.h>

using namespace antq;

// The same cases as the web's (web/src/lib/files.test.ts): the two build the same names.
TEST(DownloadName, VietnameseWithoutDiacriticsAsTheWebWritesThem) {
  EXPECT_EQ(download::slug("Xã Sơn Tịnh"), "xa-son-tinh");
  EXPECT_EQ(download::slug("Thôn Cổ Lũy, Đội 3"), "thon-co-luy-doi-3");
  EXPECT_EQ(download::file_name("Sổ Tuần tra", "Xã Sơn Tịnh", "2026-12-04", "xlsx"), "so-tuan-tra_xa-son-tinh_2026-12-04.xlsx");
  EXPECT_EQ(download::file_name("Báo cáo số liệu", "", "2025-12-15_2026-12-14", "csv"),
            "bao-cao-so-lieu_toan-quoc_2025-12-15_2026-12-14.csv");
  EXPECT_EQ(download::slug("  --Đặc khu  Côn Đảo!! "), "dac-khu-con-dao");
  EXPECT_EQ(download::slug(std::string(80, 'a')).size(), 60u);
}

TEST(DownloadName, ContentDispositionHasAPlainNameAndTheUtf8One) {
  EXPECT_EQ(download::content_disposition("so-tuan-tra_xa-son-tinh_2026-12-04.xlsx"),
            "attachment; filename=\"so-tuan-tra_xa-son-tinh_2026-12-04.xlsx\"; "
            "filename*=UTF-8''so-tuan-tra_xa-son-tinh_2026-12-04.xlsx");
  // A name with diacritics, a quote and a line break: folded and defused in the plain name,
  // percent-encoded in filename*; nothing can end the header or the quoted string.
  const auto h = download::content_disposition("Ảnh \"hiện trường\"\r\n.jpg");
  EXPECT_EQ(h,
            "attachment; filename=\"anh__hien_truong__.jpg\"; "
            "filename*=UTF-8''%E1%BA%A2nh%20%22hi%E1%BB%87n%20tr%C6%B0%E1%BB%9Dng%22%0D%0A.jpg");
}
