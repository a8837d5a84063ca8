#pragma once
// A file the operator named on the command line, read whole; a clear error when it cannot be read.
#include <fstream>
#include <sstream>
#include <string>

#include "core/errors.hpp"

namespace antq::app {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OperatorError("Không đọc được tệp '" + path + "'.");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace antq::app
