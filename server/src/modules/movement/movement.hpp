#pragma once
// The movement's registers as one list (C4–C6, C9): the app builds a RegisterService per spec
// from here, and `antq seed demo` fills them.
#include <vector>

#include "core/keyring.hpp"
#include "db/database.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registers/register_spec.hpp"

namespace antq::movement {

// In dependency order (programs before the activities that link to them).
std::vector<registers::Spec> specs();

// Demo records in every register for the demo communes (Xã Sơn Tịnh, Phường Sơn Tây), written
// through the registers' own validation. Idempotent (a settings marker). Returns records added.
int seed_demo(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit);

}  // namespace antq::movement
