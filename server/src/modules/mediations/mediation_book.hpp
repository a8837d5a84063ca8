#pragma once
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::mediations {

// GET /api/v1/mediations/book?unit=VILLAGE&year=YYYY: the year's mediation record book (Sổ theo
// dõi hoạt động hòa giải, Luật Hòa giải ở cơ sở Art 21.4) as a printable A4 page: header (tỉnh,
// xã, thôn), Part I one row per case, Part II totals by result and by kind. The parties (sealed)
// are printed in clear only for readers who see them in a record's detail; others see how many
// parties there were. A plain read: nothing is written.
void register_book_route(http::Router& router, registers::RegisterService& mediations, db::Database& db);

}  // namespace antq::mediations
