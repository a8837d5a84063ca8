#pragma once
// How a batch reads in the API, and the principal a background run acts as (stored with the batch).
#include <boost/json/object.hpp>

#include "http/request.hpp"
#include "modules/imports/import_run.hpp"
#include "modules/imports/imports_repository.hpp"

namespace antq::imports {

boost::json::object batch_json(const Batch& b, bool with_errors);
// The run's errors as the API shows them (the first 1,000; "errors_truncated" says there were more).
void put_errors(boost::json::object& out, const std::vector<CellError>& errors);
std::string errors_json(const std::vector<CellError>& errors);
// The refused rows as they were typed, kept to be downloaded and fixed: they hold what the sheet
// held (a person's name among it), so they are sealed at rest with this purpose, like the records'
// own personal fields.
inline constexpr const char* kFailedRowsPurpose = "import.failed_rows";
std::string failed_rows_json(const std::vector<std::string>& header, const std::vector<RunResult::Failed>& failed);

std::string principal_json(const http::Principal& who);
http::Principal principal_from_json(const std::string& json);

}  // namespace antq::imports
