#pragma once
// A Database that is one open transaction: every read and write of the services handed this
// object runs on the same connection, inside the caller's transaction. `antq seed demo` writes
// through the modules' own services (their validation, their audit entries) and still commits
// everything or nothing: a failure half-way leaves no rows behind.
//
// Only for callers that let every exception through: a service that caught an error and went on
// would leave its half-done statements in the shared transaction.
#include "db/database.hpp"

namespace antq::demo {

class OneTransaction : public db::Database {
 public:
  explicit OneTransaction(db::Connection& c) : c_(c) {}
  db::Engine engine() const override { return c_.engine(); }
  void read(const std::function<void(db::Connection&)>& fn) override { fn(c_); }
  void write(const std::function<void(db::Connection&)>& fn) override { fn(c_); }
  db::PoolStats stats() const override { return {}; }

 private:
  db::Connection& c_;
};

}  // namespace antq::demo
