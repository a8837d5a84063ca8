#pragma once
// Whether this instance should be sent traffic (/readyz), apart from whether it is alive
// (/healthz): the database answers, its schema is the one this binary expects, the attachments
// directory takes a write, and the instance is not draining (SIGTERM received: it still serves
// what it gets, but a load balancer should send new requests elsewhere).
#include <boost/json/object.hpp>

#include <atomic>
#include <string>

#include "db/database.hpp"

namespace antq::system {

class Readiness {
 public:
  Readiness(db::Database& db, std::string storage_dir);
  struct Report {
    bool ready = false;
    boost::json::object checks;  // name → {"ok": bool, "error"?: text}
  };
  Report check() const;
  void drain() { draining_ = true; }
  bool draining() const { return draining_; }

 private:
  db::Database& db_;
  std::string storage_dir_;
  int expected_version_;  // the newest migration built into this binary
  std::atomic<bool> draining_{false};
};

}  // namespace antq::system
