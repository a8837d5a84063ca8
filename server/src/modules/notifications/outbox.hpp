#pragma once
// Messages to outside systems, written to the `outbox` table in the same transaction as the event
// and delivered later by the Dispatcher: a receiver that is down or slow never blocks or fails a
// request, and nothing is lost across a restart. Retries back off exponentially; after the last
// attempt the row is marked failed and stays for the operator.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/background_worker.hpp"
#include "db/database.hpp"
#include "modules/notifications/sender.hpp"

namespace antq::notifications {

// One row per configured target of the channel (none when nothing is configured).
void enqueue(db::Connection& c, const std::string& channel, const std::vector<std::string>& targets, const std::string& event,
             const std::string& payload);
// One row for `target`, unless one is still waiting to go: a message that only says "something
// changed" need not go twice because two things changed before it left. True when a row was added.
bool enqueue_once(db::Connection& c, const std::string& channel, const std::string& target, const std::string& event,
                  const std::string& payload);

struct DispatcherOptions {
  std::chrono::milliseconds poll{2000};  // also woken at once by wake()
  std::chrono::milliseconds first_retry{1000};
  std::chrono::milliseconds max_retry{std::chrono::hours(1)};
  int max_attempts = 12;
  int batch = 10;  // rows claimed per round
  // How long claimed rows stay this dispatcher's: above `batch` sends at the senders' timeout.
  std::chrono::milliseconds lease{std::chrono::minutes(10)};
};

class Dispatcher {
 public:
  Dispatcher(db::Database& db, std::vector<std::unique_ptr<Sender>> senders, DispatcherOptions o = {});
  ~Dispatcher();
  void start();
  void stop();
  void wake();
  // Delivers what is due now; returns how many were sent. Used by the thread and by tests.
  int run_once();

 private:
  struct Due {
    std::int64_t id;
    std::string channel;
    OutgoingMessage m;
    int attempts;
  };
  std::vector<Due> claim();
  bool deliver(const Due& d);  // true when sent

  db::Database& db_;
  std::map<std::string, std::unique_ptr<Sender>> senders_;
  DispatcherOptions opt_;
  BackgroundWorker worker_;  // last: stopped before the senders it uses go away
};

}  // namespace antq::notifications
