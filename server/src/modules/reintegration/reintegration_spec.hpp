#pragma once
// People helped back into community life (C7: cảm hóa, giáo dục, giúp đỡ người lầm lỗi; NĐ 49/2020,
// TT 10/2024): the platform's most sensitive register. A person's name, birth year, ID number,
// address, family helpers and plan are sealed; lists, search, exports and reports know the person
// only by a pseudonymous reference. The commune's police officers see the identity in the detail;
// anyone else in scope reveals it with a stated reason (audited).
#include <string>
#include <string_view>

#include "modules/registers/register_spec.hpp"

namespace antq::reintegration {

registers::Spec spec();

// How names and ID numbers are compared for exact search: case, diacritics and spacing of a
// name do not matter; only the digits of an ID number do.
std::string normalize_name(std::string_view name);
std::string normalize_id_number(std::string_view id);

// Whether `who` is a police officer of the commune that holds `unit_path` (a village or the
// commune itself): the officers who manage the person day to day.
bool commune_police(db::Connection& c, const http::Principal& who, const std::string& unit_path);

}  // namespace antq::reintegration
