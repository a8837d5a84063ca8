#pragma once
// Multi-row INSERTs for the demo's years of records: a few hundred rows a statement instead of
// one (the same approach as the synthetic loader in modules/reports/synthetic.cpp).
#include <map>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::demo {

class BulkInsert {
 public:
  // `head`: "INSERT INTO t (a, b, c)". Rows referring to another table's rows name that table's
  // BulkInsert as `parent`, which is flushed first.
  BulkInsert(db::Connection& c, std::string head, BulkInsert* parent = nullptr) : c_(c), head_(std::move(head)), parent_(parent) {}
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  void add(std::vector<db::Value> row) {
    sql_ += rows_ ? ", (" : " (";
    for (std::size_t k = 0; k < row.size(); ++k) {
      params_.push_back(std::move(row[k]));
      sql_ += (k ? ", $" : "$") + std::to_string(params_.size());
    }
    sql_ += ")";
    ++written_;
    // SQLite allows 32766 parameters a statement; PostgreSQL 65535.
    if (++rows_ == 200 || params_.size() > 30000) flush();
  }
  void flush() {
    if (parent_) parent_->flush();
    if (!rows_) return;
    c_.execute(head_ + " VALUES" + sql_, params_);
    sql_.clear();
    params_.clear();
    rows_ = 0;
  }
  std::int64_t written() const { return written_; }

 private:
  db::Connection& c_;
  std::string head_, sql_;
  BulkInsert* parent_;
  std::vector<db::Value> params_;
  int rows_ = 0;
  std::int64_t written_ = 0;
};

// Fresh ids for rows inserted with explicit ids (so that their child rows can name them before
// the multi-row INSERT runs). On PostgreSQL they come from the table's identity sequence, so later
// inserts without an id do not collide with them; on SQLite the caller holds the only writer and
// the ids above MAX(id) are free (remembered here until the rows are written).
class IdSource {
 public:
  explicit IdSource(db::Connection& c) : c_(c) {}
  // `table` is one of the demo's constant table names, never input.
  std::vector<std::int64_t> take(const std::string& table, std::int64_t n);

 private:
  db::Connection& c_;
  std::map<std::string, std::int64_t> next_;  // SQLite: the next free id per table
};

}  // namespace antq::demo
