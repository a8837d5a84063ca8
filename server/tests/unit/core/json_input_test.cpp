#include "core/json_input.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

using namespace antq;

TEST(JsonInput, ReadsTypedFields) {
  auto o = json::parse_object(R"({"name":"  Thôn A ","n":5,"ok":true,"nothing":null})");
  json::ObjectReader in(o);
  EXPECT_EQ(in.required_string("name"), "Thôn A");
  EXPECT_EQ(in.optional_int("n", 0, 10).value(), 5);
  EXPECT_TRUE(in.optional_bool("ok").value());
  EXPECT_FALSE(in.optional_string("nothing").has_value());
  EXPECT_FALSE(in.optional_string("absent").has_value());
}

TEST(JsonInput, RejectsWrongShapesWithTheFieldName) {
  auto o = json::parse_object(R"({"name":1,"n":"5","big":1e3,"ok":"yes","ctl":"a\u0001b"})");
  json::ObjectReader in(o);
  try {
    in.required_string("name");
    FAIL();
  } catch (const BadRequest& e) {
    EXPECT_EQ(e.field(), "name");
    EXPECT_NE(std::string(e.what()).find("chuỗi"), std::string::npos);
  }
  EXPECT_THROW(in.optional_int("n", 0, 10), BadRequest);
  EXPECT_THROW(in.optional_int("big", 0, 10), BadRequest);
  EXPECT_THROW(in.optional_bool("ok"), BadRequest);
  EXPECT_THROW(in.optional_string("ctl"), BadRequest);
  EXPECT_THROW(in.required_string("missing"), BadRequest);
  EXPECT_THROW(in.allow_only({"name"}), BadRequest);
}

TEST(JsonInput, RejectsMalformedDocuments) {
  EXPECT_THROW(json::parse_object("{"), BadRequest);
  EXPECT_THROW(json::parse_object("42"), BadRequest);
  EXPECT_THROW(json::parse_object("{\"a\":\"\xff\"}"), BadRequest);
  EXPECT_THROW(json::parse_object(std::string(64, '[') + std::string(64, ']')), BadRequest);
  EXPECT_THROW(json::parse_object("{} trailing"), BadRequest);
}
