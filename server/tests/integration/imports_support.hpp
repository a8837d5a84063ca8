#pragma once
// Uploading a spreadsheet to the importer and waiting for its background run (imports tests).
#include <boost/json.hpp>

#include <cstdint>
#include <string>

#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"

namespace antq::test {

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

HttpReply upload(std::uint16_t port, const std::string& token, const std::string& query, const std::string& body,
                 const char* type = kXlsxType);
// Polls a queued import until it ends (the background run): its final state.
boost::json::object wait_done(std::uint16_t port, const std::string& token, const std::string& id);
// Uploads and runs a file: its final state, after checking it was queued (202).
boost::json::object import_file(std::uint16_t port, const std::string& token, const std::string& query, const std::string& body,
                                const char* type = kXlsxType);
// YYYY-MM-DD → dd/mm/yyyy, as people write dates in a sheet.
std::string vn_date(const std::string& iso);
// n days before today (Vietnam), as YYYY-MM-DD and as a sheet writes it.
std::string days_ago(int n);
std::string vn_ago(int n);

}  // namespace antq::test
