#pragma once
// The server's insides, shared by the files of this folder only (Beast and Asio stay here):
// server.cpp (start, accept, stop), session.cpp (one connection's requests) and wire.cpp (writing
// answers, reading bodies, classifying read errors).
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "core/errors.hpp"
#include "http/server/server.hpp"

namespace antq::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

namespace server_detail {

// Runs `f` on the worker pool and resumes the coroutine on its own executor with the result.
template <class F>
awaitable<Response> offload(asio::thread_pool& pool, F f) {
  return asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr, Response)>(
      [&pool](auto handler, F fn) {
        asio::post(pool, [handler = std::move(handler), fn = std::move(fn)]() mutable {
          std::exception_ptr ep;
          Response r;
          try {
            r = fn();
          } catch (...) {
            ep = std::current_exception();
          }
          auto ex = asio::get_associated_executor(handler);
          asio::post(ex, [handler = std::move(handler), ep, r = std::move(r)]() mutable { std::move(handler)(ep, std::move(r)); });
        });
      },
      use_awaitable, std::move(f));
}

// Built outside the coroutine on purpose: GCC 12 miscompiles lambda init-captures that move a
// local of a coroutine frame (the moved string kept pointing into the frame).
struct HandleJob {
  Pipeline* pipeline;
  std::shared_ptr<Request> req;
  Response operator()() const { return pipeline->handle(*req); }
};
inline HandleJob handle_job(Pipeline& p, Request&& req) { return HandleJob{&p, std::make_shared<Request>(std::move(req))}; }

// Upload admission (authentication, the route's header checks) may read the database: it runs on
// the worker pool too. It works on the session's own Request, which lives in the coroutine frame
// while the coroutine waits (no move of a frame local: see HandleJob).
struct AdmitJob {
  Pipeline* pipeline;
  Request* req;
  Response operator()() const { return pipeline->admit_upload(*req); }
};

// A streamed upload's temporary file: the handler moves it to its final place; whatever is left
// (a refused or failed upload) goes when the request ends.
struct TempFile {
  std::string path;
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (path.empty()) return;
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace server_detail

struct Server::Impl {
  ServerOptions opt;
  Pipeline& pipeline;
  // Bookkeeping that sessions touch as they end. Declared before the io_context so it outlives
  // it: destroying the io_context destroys suspended sessions, which then update these.
  std::atomic<bool> stopping{false};
  std::atomic<int> connections{0};
  std::atomic<int> in_flight{0};
  std::once_flag stop_once;
  std::mutex sessions_mutex;
  // Idle keep-alive sockets, so shutdown can close them instead of waiting for their timeout.
  std::set<beast::tcp_stream*> idle;
  std::uint16_t bound_port = 0;
  std::atomic<int> heavy_pending{0};
  UploadSlots upload_slots;
  asio::io_context ioc;
  asio::thread_pool workers;
  asio::thread_pool heavy;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;

  Impl(ServerOptions o, Pipeline& p)
      : opt(std::move(o)),
        pipeline(p),
        upload_slots(opt.upload_slots),
        ioc(opt.io_threads),
        workers(static_cast<std::size_t>(opt.worker_threads)),
        heavy(static_cast<std::size_t>(std::max(1, opt.heavy_threads))) {}

  // --- server.cpp: connections ---
  awaitable<void> accept_loop();
  void set_idle(beast::tcp_stream* s, bool on);
  void close_idle();

  // --- session.cpp: one connection, one request after the other ---
  awaitable<void> session(beast::tcp_stream stream);
  // What reading a request's body ended in: not ok means the connection is done (answered or gone).
  struct Received {
    bool ok = false;
    bool keep_alive = false;
    bool head = false;
  };
  // One request: headers, body, handler, answer. False: close the connection.
  awaitable<bool> serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer, const std::string& client_ip, bool& unread_body);
  // An upload route's body, streamed to `upload` once the route admitted it on its headers.
  awaitable<Received> receive_upload(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                     bhttp::request_parser<bhttp::string_body>& parser, Request& req, server_detail::TempFile& upload,
                                     UploadSlots::Ticket& slot, std::size_t upload_limit, bool expects_continue, unsigned version,
                                     bool& unread_body);
  awaitable<Received> receive_body(beast::tcp_stream& stream, beast::flat_buffer& buffer, bhttp::request_parser<bhttp::string_body>& parser,
                                   Request& req, unsigned version, bool& unread_body);
  // The handler on its lane: the I/O thread, the worker pool or the bounded heavy pool.
  awaitable<Response> dispatch(Request& req);

  // --- wire.cpp: answers out, bodies in ---
  Response reject(const Request& req, const ApiError& e) { return pipeline.reject(req, e); }
  awaitable<void> write(beast::tcp_stream& stream, Response res, bool keep_alive, bool head, unsigned version);

  enum class ReadResult { ok, too_large, timeout, malformed, storage_full, closed };
  static ReadResult classify(const beast::error_code& ec);
  static ApiError storage_full();
  // `req`: the route's own 413 message, when it has one.
  static ApiError read_error(ReadResult r, const Request& req);
  static ApiError too_large(const Request& req);
  // After refusing a request whose body was not read (too large, no upload slot, refused on its
  // headers), the client — often our own nginx, which sends the body it buffered before reading
  // any answer — is still sending. Closing with unread data makes the kernel send a reset that
  // can destroy the answer (nginx then shows its own 502), so the sending side is closed and what
  // still arrives is read and dropped, within bounds of time and size.
  awaitable<void> drain(beast::tcp_stream& stream, beast::flat_buffer& buffer);

  template <class Parser>
  awaitable<ReadResult> read_body(beast::tcp_stream& stream, beast::flat_buffer& buffer, Parser& parser,
                                  std::chrono::milliseconds timeout) {
    if (parser.is_done()) co_return ReadResult::ok;
    beast::error_code ec;
    stream.expires_after(timeout);
    co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
    co_return classify(ec);
  }

  // An upload's body, read piece by piece so that both a stalled client (nothing for
  // body_timeout) and one trickling bytes to hold its slot (below upload_min_rate on average
  // once upload_grace is over) are cut off, however large the file it announced.
  template <class Parser>
  awaitable<ReadResult> read_upload(beast::tcp_stream& stream, beast::flat_buffer& buffer, Parser& parser) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const double rate = static_cast<double>(std::max<std::size_t>(1, opt.upload_min_rate));
    std::uint64_t received = 0;
    while (!parser.is_done()) {
      // Progress, not the announced size, earns time: the next 64 KiB must arrive before the
      // average since the start (after the grace period) drops below the minimum rate. A client
      // announcing 25 MiB and sending a byte a second is cut off after the grace period.
      const std::uint64_t basis = received + 64 * 1024;
      const auto allowance =
          opt.upload_grace + std::chrono::milliseconds(static_cast<std::int64_t>(1000.0 * static_cast<double>(basis) / rate));
      const auto deadline = std::min(start + allowance, clock::now() + opt.body_timeout);
      if (deadline <= clock::now()) co_return ReadResult::timeout;
      stream.expires_at(deadline);
      beast::error_code ec;
      const std::size_t n = co_await bhttp::async_read_some(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
      if (ec) co_return classify(ec);
      received += n;
    }
    co_return ReadResult::ok;
  }

  template <class Message>
  void take_message(Message& msg, Request& req) {
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    if (opt.trust_forwarded_for) {
      auto xff = req.header("x-forwarded-for");
      if (!xff.empty()) req.client_ip = std::string(xff.substr(0, xff.find(',')));
    }
  }
};

}  // namespace antq::http
