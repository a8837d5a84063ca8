#pragma once
// `antq export`, `antq backup` and `antq restore` (issue 14, parts 3 and 4; modules/backup/).
// Each returns the exit code; a problem is an OperatorError with a Vietnamese message.
#include <string>

#include "app/config.hpp"

namespace antq::app {

int cmd_export(const Config& c, const std::string& out, bool decrypt);
int cmd_backup(const Config& c, const std::string& out, bool with_key);
int cmd_restore(const Config& c, const std::string& from);

}  // namespace antq::app
