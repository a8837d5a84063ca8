// The one place where typed errors become responses (http::error_response): the 429, 503 and 507
// types carry their Retry-After, and the JSON body has the common shape.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "http/pipeline.hpp"

using namespace antq;
namespace bj = boost::json;

namespace {

bj::object error_of(const http::Response& r) {
  const bj::value v = bj::parse(r.body);
  return v.at("error").as_object();
}

}  // namespace

TEST(ErrorResponse, TooManyRequestsIs429WithItsWait) {
  const auto r = http::error_response(TooManyRequests("Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.", 42), "req-1");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.find_header("Retry-After"), "42");
  const auto e = error_of(r);
  EXPECT_EQ(e.at("code").as_string(), "rate_limited");
  EXPECT_EQ(e.at("message").as_string(), "Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.");
  EXPECT_EQ(e.at("request_id").as_string(), "req-1");
  EXPECT_FALSE(e.contains("field"));
}

TEST(ErrorResponse, ALockedLoginIsA429WithItsOwnCode) {
  const auto r = http::error_response(TooManyRequests("Tạm khóa.", 900, "account_locked"), "");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.find_header("Retry-After"), "900");
  EXPECT_EQ(error_of(r).at("code").as_string(), "account_locked");
}

TEST(ErrorResponse, ServiceUnavailableIs503WithAWaitOnlyWhenItClearsByItself) {
  const auto busy = http::error_response(ServiceUnavailable("busy", "Hệ thống đang bận.", 5), "");
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.find_header("Retry-After"), "5");
  EXPECT_EQ(error_of(busy).at("code").as_string(), "busy");

  const auto unconfigured = http::error_response(ServiceUnavailable("email_unavailable", "Chưa cấu hình gửi thư."), "");
  EXPECT_EQ(unconfigured.status, 503);
  EXPECT_EQ(unconfigured.find_header("Retry-After"), "");
  EXPECT_EQ(error_of(unconfigured).at("code").as_string(), "email_unavailable");
}

TEST(ErrorResponse, InsufficientStorageIs507AndWaitsAMinute) {
  const auto r = http::error_response(InsufficientStorage("Hết dung lượng."), "");
  EXPECT_EQ(r.status, 507);
  EXPECT_EQ(r.find_header("Retry-After"), "60");
  EXPECT_EQ(error_of(r).at("code").as_string(), "storage_full");
}

TEST(ErrorResponse, TheTypedErrorsAreCaughtAsApiError) {
  try {
    throw ServiceUnavailable("converter_unavailable", "Chưa tạo được tệp Word.", 30);
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 503);
    EXPECT_EQ(e.retry_after(), 30);
  }
}
