#pragma once
#include "http/router.hpp"
#include "modules/tips/tips_service.hpp"

namespace antq::tips {

// /api/v1/public/tip-categories, /api/v1/public/challenge, /api/v1/public/tips…: no login.
void register_public_routes(http::Router& router, TipsService& service);
// /api/v1/tips…, /api/v1/tip-categories: staff, scoped.
void register_staff_routes(http::Router& router, TipsService& service);
// /api/v1/units/{code}/tip-poster: the printable QR poster (public).
// `public_url` ("https://antq.example.vn"): the address printed in the QR code; when empty, the
// address the request came to (Host header) is used.
void register_poster_route(http::Router& router, db::Database& db, std::string public_url);

}  // namespace antq::tips
