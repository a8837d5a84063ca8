#pragma once
// The demo's years of records are written with multi-row INSERTs (db/bulk_insert.hpp); the ids
// their child rows name come from an IdSource (db/id_source.hpp).
#include "db/bulk_insert.hpp"
#include "db/id_source.hpp"

namespace antq::demo {

using BulkInsert = db::BulkInsert;
using IdSource = db::IdSource;

}  // namespace antq::demo
