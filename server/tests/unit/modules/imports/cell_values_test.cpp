// What people type in spreadsheet cells, read as the API's values.
#include "modules/imports/cell_values.hpp"

#include <gtest/gtest.h>

using namespace antq::imports;

TEST(ImportCellValues, DatesInTheWaysPeopleWriteThem) {
  EXPECT_EQ(cells::date("19/08/2024"), "2024-08-19");
  EXPECT_EQ(cells::date("9/8/2024"), "2024-08-09");
  EXPECT_EQ(cells::date("19-08-2024"), "2024-08-19");
  EXPECT_EQ(cells::date("19.08.2024"), "2024-08-19");
  EXPECT_EQ(cells::date("2024-08-19"), "2024-08-19");
  EXPECT_EQ(cells::date(" 2024-08-19 "), "2024-08-19");
  EXPECT_EQ(cells::date("45523"), "2024-08-19");    // an Excel serial
  EXPECT_EQ(cells::date("45523.0"), "2024-08-19");  // as some writers store it
  EXPECT_EQ(cells::date("60"), std::nullopt);       // before Excel's false 29/02/1900: not a date anyone imports
  EXPECT_EQ(cells::date("31/02/2024"), std::nullopt);
  EXPECT_EQ(cells::date("19/08/24"), std::nullopt);  // a two-digit year is ambiguous
  EXPECT_EQ(cells::date("19/08-2024"), std::nullopt);
  EXPECT_EQ(cells::date("hôm qua"), std::nullopt);
  EXPECT_EQ(cells::date(""), std::nullopt);
}

TEST(ImportCellValues, DateTimes) {
  EXPECT_EQ(cells::datetime("19/08/2024 07:30"), "2024-08-19T07:30:00+07:00");
  EXPECT_EQ(cells::datetime("19/08/2024 07:30:15"), "2024-08-19T07:30:15+07:00");
  EXPECT_EQ(cells::datetime("2024-08-19T07:30:00Z"), "2024-08-19T07:30:00Z");
  EXPECT_EQ(cells::datetime("45523.5"), "2024-08-19T12:00:00+07:00");
  EXPECT_EQ(cells::datetime("19/08/2024"), "2024-08-19T00:00:00+07:00");
  EXPECT_EQ(cells::datetime("19/08/2024 25:00"), std::nullopt);
}

TEST(ImportCellValues, WholeNumbersWithVietnameseGrouping) {
  EXPECT_EQ(cells::whole_number("16000"), 16000);
  EXPECT_EQ(cells::whole_number("16.000"), 16000);
  EXPECT_EQ(cells::whole_number("1.234.567"), 1234567);
  EXPECT_EQ(cells::whole_number("16 000"), 16000);
  EXPECT_EQ(cells::whole_number("16000.0"), 16000);
  EXPECT_EQ(cells::whole_number("0"), 0);
  EXPECT_EQ(cells::whole_number("16.00"), std::nullopt);  // not a grouping
  EXPECT_EQ(cells::whole_number("1,5"), std::nullopt);    // a decimal
  EXPECT_EQ(cells::whole_number("-5"), std::nullopt);     // counts are not negative
  EXPECT_EQ(cells::whole_number("1234.567"), std::nullopt);
  EXPECT_EQ(cells::whole_number("nhiều"), std::nullopt);
  EXPECT_EQ(cells::whole_number("9999999999999999"), std::nullopt);
}

TEST(ImportCellValues, YesNoAndLists) {
  EXPECT_EQ(cells::yes_no("Có"), true);
  EXPECT_EQ(cells::yes_no("x"), true);
  EXPECT_EQ(cells::yes_no("KHÔNG"), false);
  EXPECT_EQ(cells::yes_no("sai"), false);
  EXPECT_EQ(cells::yes_no("có lẽ"), std::nullopt);
  EXPECT_EQ(cells::list("Công an; Mặt trận ;;Phụ nữ"), (std::vector<std::string>{"Công an", "Mặt trận", "Phụ nữ"}));
  EXPECT_EQ(cells::list("a\nb"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(cells::list(" ; ").empty());
}
