#include "modules/backup/table_catalog.hpp"

#include <algorithm>

#include "db/each_row.hpp"
#include "modules/backup/table_catalog.sql.hpp"

namespace antq::backup {

using namespace antq::sql::backup::table_catalog;

namespace {

TableInfo sqlite_table(db::Connection& c, const std::string& name) {
  TableInfo t{name, {}, {}};
  std::vector<std::pair<std::int64_t, std::string>> pk;
  for (const auto& r : c.query(kSqliteColumns, name).rows) {
    t.columns.push_back(r.text(0));
    if (r.integer(1) > 0) pk.emplace_back(r.integer(1), r.text(0));
  }
  std::sort(pk.begin(), pk.end());
  for (auto& [_, col] : pk) t.primary_key.push_back(col);
  return t;
}

TableInfo postgres_table(db::Connection& c, const std::string& name) {
  TableInfo t{name, {}, {}};
  for (const auto& r : c.query(kPostgresColumns, name).rows) t.columns.push_back(r.text(0));
  for (const auto& r : c.query(kPostgresPrimaryKey, name).rows) t.primary_key.push_back(r.text(0));
  return t;
}

std::string select_sql(const TableInfo& t) {
  std::string cols, order;
  for (const auto& col : t.columns) cols += (cols.empty() ? "" : ", ") + quote_identifier(col);
  for (const auto& col : t.primary_key.empty() ? t.columns : t.primary_key) order += (order.empty() ? "" : ", ") + quote_identifier(col);
  return "SELECT " + cols + " FROM " + quote_identifier(t.name) + " ORDER BY " + order;
}

}  // namespace

std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char ch : name) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  return out + "\"";
}

std::vector<TableInfo> list_tables(db::Connection& c) {
  const bool sqlite = c.engine() == db::Engine::sqlite;
  std::vector<std::string> names;
  for (const auto& r : c.query(sqlite ? kSqliteTables : kPostgresTables).rows) names.push_back(r.text(0));
  std::sort(names.begin(), names.end());
  std::vector<TableInfo> out;
  for (const auto& n : names) out.push_back(sqlite ? sqlite_table(c, n) : postgres_table(c, n));
  return out;
}

void each_table_row(db::Connection& c, const TableInfo& t, const std::function<void(const db::Row&)>& fn) {
  const std::string sql = select_sql(t);
  if (c.engine() == db::Engine::sqlite) {
    db::each_row(c, sql, {}, fn);
    return;
  }
  c.query("DECLARE antq_export NO SCROLL CURSOR FOR " + sql);
  for (;;) {
    const auto batch = c.query(kFetch);
    for (const auto& r : batch.rows) fn(r);
    if (batch.rows.empty()) break;
  }
  c.query(kClose);
}

}  // namespace antq::backup
