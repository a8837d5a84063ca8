#pragma once
// The import targets that are not registers: what hangs off a register record (a person's
// sessions, a model's replications, a group's members), named by its parent's id or reference in
// a column of the row, and the tips of past years. Each writes through its module's service, with
// the same rules as the app's forms.
#include <memory>

#include "modules/groups/members_service.hpp"
#include "modules/imports/import_target.hpp"
#include "modules/models/replications_service.hpp"
#include "modules/registers/field_builders.hpp"
#include "modules/reintegration/reintegration_service.hpp"
#include "modules/tips/tips_service.hpp"

namespace antq::imports {

std::unique_ptr<Target> sessions_target(const reintegration::ReintegrationService& service);
std::unique_ptr<Target> replications_target(const models::ReplicationsService& service);
std::unique_ptr<Target> members_target(const groups::MembersService& service);
std::unique_ptr<Target> tips_target(const tips::TipsService& service);

}  // namespace antq::imports
