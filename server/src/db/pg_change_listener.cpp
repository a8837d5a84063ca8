#include "db/pg_change_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>

#include "core/log.hpp"

namespace antq::db {

PgChangeListener::~PgChangeListener() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

std::optional<std::uint64_t> PgChangeListener::heard() {
  std::call_once(started_, [this] { thread_ = std::thread([this] { run(); }); });
  if (!listening_) return std::nullopt;
  return heard_.load();
}

void PgChangeListener::run() {
  while (!stop_) {
    if (!listen_once()) return;
    // The connection went away (a restart): try again shortly, without spinning.
    for (int i = 0; i < 10 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

bool PgChangeListener::listen_once() {
  PGconn* conn = PQconnectdb(conninfo_.c_str());
  struct Close {
    PGconn* c;
    ~Close() { PQfinish(c); }
  } close{conn};
  if (PQstatus(conn) != CONNECTION_OK) return !stop_;
  PGresult* r = PQexec(conn, (std::string("LISTEN ") + kChangesChannel).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) return !stop_;
  // Anything may have changed while nobody listened: entries made before this count are dropped.
  ++heard_;
  listening_ = true;
  log::info("change_listener_listening");
  while (!stop_) {
    pollfd p{PQsocket(conn), POLLIN, 0};
    if (::poll(&p, 1, 200) < 0) continue;
    if (!PQconsumeInput(conn) || PQstatus(conn) != CONNECTION_OK) break;
    while (PGnotify* n = PQnotifies(conn)) {
      ++heard_;
      PQfreemem(n);
    }
  }
  listening_ = false;
  if (!stop_) log::warn("change_listener_lost", {{"error", std::string(PQerrorMessage(conn))}});
  return !stop_;
}

}  // namespace antq::db
