#pragma once
// "antq import register": a spreadsheet into a register from the command line, with the same
// checks, counts and errors as the web's import (modules/imports).
#include <optional>
#include <string>

#include "app/config.hpp"

namespace antq::app {

struct ImportRegisterOptions {
  std::string register_name, file;
  std::optional<std::string> sheet, username;
  bool dry_run = false;
};

int cmd_import_register(const Config& c, const ImportRegisterOptions& o);

}  // namespace antq::app
