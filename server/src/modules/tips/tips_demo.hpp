#pragma once
// Demo tips for `antq seed demo`: tips in every state for the demo communes (Xã Sơn Tịnh, Phường
// Sơn Tây), with messages, an extension, a transfer, an overdue one and a likely duplicate, so the
// inbox shows what it is for on first run. Idempotent (a settings marker).
#include "core/keyring.hpp"
#include "db/database.hpp"

namespace antq::tips {

int seed_demo(db::Database& db, const crypto::Keyring& keys);

}  // namespace antq::tips
