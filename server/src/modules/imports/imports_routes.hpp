#pragma once
#include "http/router.hpp"
#include "modules/imports/imports_service.hpp"

namespace antq::imports {

// 50 MiB: a ten-year register of a province as XLSX is a few MiB; the limit is in the 413's message.
inline constexpr std::size_t kMaxUploadBytes = 50 * 1024 * 1024;

void imports_routes(http::Router& router, ImportsService& service);

}  // namespace antq::imports
