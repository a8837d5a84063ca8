#pragma once
// Demo posts for `antq seed demo`: a warning, a piece of news and a notice for Xã Sơn Tịnh and one
// post for Phường Sơn Tây, already published, so the public news page and the staff list show what
// they are for on first run. Idempotent (a settings marker); none when the demo communes are not in
// the live list.
#include "db/database.hpp"

namespace antq::news {

int seed_demo(db::Database& db);

}  // namespace antq::news
