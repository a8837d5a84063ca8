#pragma once
// Every table of the database as its catalogue lists it (sqlite_master, information_schema), in a
// stable order, and a table's rows streamed in its primary key's order with memory bounded by a
// batch, not by the table: the export reads tables of millions of rows.
#include <functional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::backup {

struct TableInfo {
  std::string name;
  std::vector<std::string> columns;      // in the table's own order
  std::vector<std::string> primary_key;  // empty: the rows are ordered by every column
};

// Tables by name (byte order, the same on both engines), system tables left out.
std::vector<TableInfo> list_tables(db::Connection& c);

// Each row of `t` in a stable order. SQLite steps one statement; PostgreSQL reads through a cursor
// in batches (libpq would otherwise hold the whole result). Call inside one read transaction: the
// rows are then one snapshot, on PostgreSQL together with every other table read in it.
void each_table_row(db::Connection& c, const TableInfo& t, const std::function<void(const db::Row&)>& fn);

// "name" quoted as an SQL identifier (names come from the catalogue, never from input).
std::string quote_identifier(const std::string& name);

}  // namespace antq::backup
