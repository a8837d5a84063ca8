#pragma once
// How many records of the capabilities the reports read lie in a subtree: the reform's review queue
// shows it next to each unit waiting to be assigned ("N bản ghi đang chờ").
#include <cstdint>

#include "core/tree_path.hpp"
#include "db/database.hpp"

namespace antq::reports {

std::int64_t count_records(db::Connection& c, const PathRange& range);

}  // namespace antq::reports
