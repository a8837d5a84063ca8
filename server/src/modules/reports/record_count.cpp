#include "modules/reports/record_count.hpp"

#include "modules/reports/record_count.sql.hpp"

namespace antq::reports {

using namespace antq::sql::reports::record_count;  // the statements: record_count.sql

std::int64_t count_records(db::Connection& c, const PathRange& range) {
  return c.query(kCountRecords, range.lo, range.hi).rows.at(0).integer(0);
}

}  // namespace antq::reports
