#include "http/server/server.hpp"

#include "core/log.hpp"
#include "http/server/server_impl.hpp"

namespace antq::http {

awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    beast::error_code ec;
    tcp::socket sock = co_await acceptor.async_accept(asio::make_strand(ioc), asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      // Out of file descriptors and similar: wait a little rather than spin.
      log::warn("accept_failed", {{"error", ec.message()}});
      asio::steady_timer t(ioc, std::chrono::milliseconds(50));
      co_await t.async_wait(use_awaitable);
      continue;
    }
    sock.set_option(tcp::no_delay(true), ec);
    auto ex = sock.get_executor();
    asio::co_spawn(ex, session(beast::tcp_stream(std::move(sock))), asio::detached);
  }
}

void Server::Impl::set_idle(beast::tcp_stream* s, bool on) {
  std::lock_guard lock(sessions_mutex);
  if (on) idle.insert(s);
  else idle.erase(s);
}

void Server::Impl::close_idle() {
  std::lock_guard lock(sessions_mutex);
  for (auto* s : idle) {
    // Runs on the session's strand, like the session's own exit: re-check that it is still here.
    asio::post(s->get_executor(), [this, s] {
      std::lock_guard again(sessions_mutex);
      if (idle.count(s)) s->cancel();
    });
  }
}

Server::Server(ServerOptions options, Pipeline& pipeline) : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {}

Server::~Server() { stop(); }

std::uint16_t Server::start() {
  auto& i = *impl_;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(i.opt.host, ec);
  if (ec) throw OperatorError("Địa chỉ lắng nghe không hợp lệ: '" + i.opt.host + "'");
  tcp::endpoint ep(address, i.opt.port);
  i.acceptor.open(ep.protocol());
  // A server killed with SIGKILL must be restartable on the same port at once.
  i.acceptor.set_option(asio::socket_base::reuse_address(true));
  i.acceptor.bind(ep, ec);
  if (ec) throw OperatorError("Không lắng nghe được trên " + i.opt.host + ":" + std::to_string(i.opt.port) + ": " + ec.message());
  i.acceptor.listen(asio::socket_base::max_listen_connections);
  i.bound_port = i.acceptor.local_endpoint().port();
  asio::co_spawn(i.ioc, i.accept_loop(), asio::detached);
  for (int t = 0; t < i.opt.io_threads; ++t) {
    i.threads.emplace_back([&i] { i.ioc.run(); });
  }
  return i.bound_port;
}

std::uint16_t Server::port() const { return impl_->bound_port; }

void Server::wait_for_signal() {
  asio::io_context sig_ctx;
  asio::signal_set signals(sig_ctx, SIGINT, SIGTERM);
  int received = 0;
  signals.async_wait([&](const boost::system::error_code&, int s) { received = s; });
  sig_ctx.run();
  log::info("shutdown_requested", {{"signal", received}});
}

void Server::stop() {
  auto& i = *impl_;
  std::call_once(i.stop_once, [&i] {
    if (i.threads.empty()) return;
    i.stopping = true;
    asio::post(i.ioc, [&i] {
      boost::system::error_code ec;
      i.acceptor.close(ec);
    });
    // Let in-flight requests finish; close idle keep-alive connections as they become idle.
    const auto deadline = std::chrono::steady_clock::now() + i.opt.shutdown_grace;
    while (i.connections > 0 && std::chrono::steady_clock::now() < deadline) {
      i.close_idle();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (i.connections > 0) log::warn("shutdown_forced", {{"connections", i.connections.load()}});
    i.ioc.stop();
    for (auto& t : i.threads) t.join();
    i.threads.clear();
    i.workers.join();
    i.heavy.join();
  });
}

std::string Server::metrics_text() const {
  return "# TYPE antq_http_uploads_in_progress gauge\nantq_http_uploads_in_progress{caller=\"public\"} " +
         std::to_string(impl_->upload_slots.in_use_public()) + "\nantq_http_uploads_in_progress{caller=\"staff\"} " +
         std::to_string(impl_->upload_slots.in_use_staff()) + "\n" + "# TYPE antq_http_connections gauge\nantq_http_connections " +
         std::to_string(impl_->connections.load()) + "\n# TYPE antq_http_in_flight_requests gauge\nantq_http_in_flight_requests " +
         std::to_string(impl_->in_flight.load()) + "\n";
}

}  // namespace antq::http
