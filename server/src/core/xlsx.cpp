#include "core/xlsx.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"

namespace antq::xlsx {

std::string build(const std::function<void(lxw_workbook*)>& fill) {
  const auto path = std::filesystem::temp_directory_path() / ("antq-" + crypto::random_hex(8) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("xlsx: cannot create " + path.string());
  try {
    fill(wb);
  } catch (...) {
    workbook_close(wb);
    std::error_code ec;
    std::filesystem::remove(path, ec);
    throw;
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(err));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::error_code ec;
  std::filesystem::remove(path, ec);
  return ss.str();
}

}  // namespace antq::xlsx
