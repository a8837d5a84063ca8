#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "http/params.hpp"
#include "modules/mediations/mediation_book.hpp"

namespace antq::mediations {

void register_book_route(http::Router& router, MediationBook& book) {
  router.add({"GET", "/api/v1/mediations/book", http::Access::staff}, [&book](http::Request& req) {
    access::require(*req.principal, book.spec().read_permission);
    const auto unit_code = http::text_param(req, "unit", 40);
    if (!unit_code) throw BadRequest("Thiếu tham số 'unit' (mã thôn, tổ dân phố).", "unit");
    const int year = http::int_param(req, "year", std::stoi(timeutil::today_vietnam().substr(0, 4)), 2000, 2100);
    http::Response res;
    res.content_type = "text/html; charset=utf-8";
    res.header("Cache-Control", "private, no-store");
    res.body = book_html(book.book(*req.principal, *unit_code, year));
    return res;
  });
}

}  // namespace antq::mediations
