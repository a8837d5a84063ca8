#pragma once
// Multi-row INSERTs for loaders that write many rows (the demo's years of records, the synthetic
// national data): a few hundred rows a statement instead of one.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace antq::db {

class BulkInsert {
 public:
  // `head`: "INSERT INTO t (a, b, c)". Rows referring to another table's rows name that table's
  // BulkInsert as `parent`, which is flushed first. `max_params`: a statement's parameters at
  // most (SQLite allows 32766, PostgreSQL 65535; a writer that runs many statements of one shape
  // keeps SQLite's under its statement cache's limit, kMaxCachedParams, so each is compiled once).
  BulkInsert(Connection& c, std::string head, BulkInsert* parent = nullptr, std::size_t max_params = 30000)
      : c_(c), head_(std::move(head)), parent_(parent), max_params_(max_params) {}
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  void add(std::vector<Value> row) {
    if (rows_ && params_.size() + row.size() > max_params_) flush();
    sql_ += rows_ ? ", (" : " (";
    for (std::size_t k = 0; k < row.size(); ++k) {
      params_.push_back(std::move(row[k]));
      sql_ += (k ? ", $" : "$") + std::to_string(params_.size());
    }
    sql_ += ")";
    ++written_;
    if (++rows_ == 200) flush();
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
  Connection& c_;
  std::string head_, sql_;
  BulkInsert* parent_;
  std::size_t max_params_;
  std::vector<Value> params_;
  int rows_ = 0;
  std::int64_t written_ = 0;
};

}  // namespace antq::db
