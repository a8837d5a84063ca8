#pragma once
// An XLSX document in memory: libxlsxwriter writes to a file, so it gets a private temporary one
// that is read back and removed.
#include <xlsxwriter.h>

#include <functional>
#include <string>

namespace antq::xlsx {

// Calls `fill` with a new workbook, closes it and returns the file's bytes.
std::string build(const std::function<void(lxw_workbook*)>& fill);

}  // namespace antq::xlsx
