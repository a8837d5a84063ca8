#include "modules/reports/pending_rows.hpp"

#include <algorithm>
#include <string>

namespace antq::reports::pending {

namespace {

// Spans a statement: normally one or a few (a gap is a writer that rolled back or commits late),
// and the parameters of one statement stay bounded however many there are.
constexpr std::size_t kSpansPerStatement = 200;

void chunks(db::Connection& c, const std::string& head, const Spans& spans, const std::function<void(const db::Result&)>& fn) {
  for (std::size_t at = 0; at < spans.size(); at += kSpansPerStatement) {
    std::string where;
    std::vector<db::Value> p;
    for (std::size_t k = at; k < std::min(spans.size(), at + kSpansPerStatement); ++k) {
      p.emplace_back(spans[k].first);
      p.emplace_back(spans[k].second);
      where += (where.empty() ? "id BETWEEN $" : " OR id BETWEEN $") + std::to_string(p.size() - 1) + " AND $" + std::to_string(p.size());
    }
    fn(c.execute(head + " WHERE (" + where + ")", p));
  }
}

}  // namespace

Spans take(db::Connection& c, const char* table) {
  // Consecutive ids share id − rank: one group a run.
  Spans out;
  const auto r = c.query(std::string("SELECT MIN(id), MAX(id) FROM (SELECT id, id - ROW_NUMBER() OVER (ORDER BY id) AS run FROM ") + table +
                         ") t GROUP BY run ORDER BY 1");
  for (const auto& row : r.rows) out.emplace_back(row.integer(0), row.integer(1));
  return out;
}

std::int64_t rows(const Spans& spans) {
  std::int64_t n = 0;
  for (const auto& [first, last] : spans) n += last - first + 1;
  return n;
}

void each(db::Connection& c, const std::string& select, const Spans& spans, const std::function<void(const db::Row&)>& fn) {
  chunks(c, select, spans, [&](const db::Result& r) {
    for (const auto& row : r.rows) fn(row);
  });
}

std::int64_t count(db::Connection& c, const char* table, const Spans& spans) {
  std::int64_t n = 0;
  chunks(c, std::string("SELECT COUNT(*) FROM ") + table, spans, [&](const db::Result& r) { n += r.rows[0].integer(0); });
  return n;
}

void remove(db::Connection& c, const char* table, const Spans& spans) {
  chunks(c, std::string("DELETE FROM ") + table, spans, [](const db::Result&) {});
}

}  // namespace antq::reports::pending
