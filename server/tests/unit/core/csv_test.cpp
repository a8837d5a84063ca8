#include "core/csv.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

using namespace antq;

TEST(Csv, ParsesQuotedFieldsAndKeepsLineNumbers) {
  const auto recs = csv::parse(
      "\xEF\xBB\xBF"
      "code,name\r\n1,\"Thôn \"\"A\"\", B\"\r\n\r\n2,\"multi\nline\"\n3,C");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].fields[0], "code");
  EXPECT_EQ(recs[1].fields[1], "Thôn \"A\", B");
  EXPECT_EQ(recs[2].line, 4u);
  EXPECT_EQ(recs[2].fields[1], "multi\nline");
  EXPECT_EQ(recs[3].line, 6u);
  EXPECT_EQ(csv::column(recs[0], "name").value(), 1u);
  EXPECT_FALSE(csv::column(recs[0], "missing").has_value());
}

TEST(Csv, UnterminatedQuoteIsAnError) { EXPECT_THROW(csv::parse("a,\"b\n"), BadRequest); }

// CSV injection: a spreadsheet runs a cell starting with = + - @ (and a tab or carriage return
// before one) as a formula. Every CSV the server writes goes through csv::field (the report CSV's
// own copy missed tab and carriage return).
TEST(Csv, FieldsAreQuotedAndFormulasDefused) {
  EXPECT_EQ(csv::field("Thôn \"A\""), "\"Thôn \"\"A\"\"\"");
  EXPECT_EQ(csv::field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  for (const std::string v : {"+1", "-1+2", "@SUM(A1)", "\t=1+1", "\r=1+1"}) {
    EXPECT_EQ(csv::field(v).substr(0, 2), "\"'") << v;
  }
  EXPECT_EQ(csv::field("16.000"), "\"16.000\"");
  EXPECT_EQ(csv::field(""), "\"\"");
}
