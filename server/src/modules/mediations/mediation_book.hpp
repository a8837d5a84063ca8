#pragma once
// The year's mediation record book of a village (Sổ theo dõi hoạt động hòa giải, Luật Hòa giải ở
// cơ sở Art 21.4): the cases through the register's own list (scope, sealing), the unit's chain
// for the header and the dispute kinds' names through their owners (units, catalogue). The
// book's own SQL is none: it reads only through other modules' interfaces. A plain read: nothing
// is written, so nothing is audited (a GET that wrote would be a CSRF-able state change).
#include <boost/json/object.hpp>

#include <map>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::mediations {

struct BookEntry {
  boost::json::object values;
  // The parties (sealed) in clear only for readers who see them in the record's detail
  // (Spec::identity_visible); others see how many parties there were.
  bool parties_visible = false;
};

struct Book {
  int year = 0;
  std::vector<std::string> header;                   // full names: province, commune, village
  std::map<std::string, std::string> dispute_kinds;  // code → name
  std::vector<BookEntry> entries;                    // in the order the cases were received
};

class MediationBook {
 public:
  MediationBook(registers::RegisterService& mediations, db::Database& db) : mediations_(mediations), db_(db) {}
  const registers::Spec& spec() const { return mediations_.spec(); }
  Book book(const http::Principal& who, const std::string& unit_code, int year);

 private:
  registers::RegisterService& mediations_;
  db::Database& db_;
};

// The printable A4 page: header, Part I one row per case, Part II totals by result and by kind.
std::string book_html(const Book& book);

// GET /api/v1/mediations/book?unit=VILLAGE&year=YYYY (mediation_book_route.cpp).
void register_book_route(http::Router& router, MediationBook& book);

}  // namespace antq::mediations
