#include "http/server/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "core/client_address.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"

namespace antq::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

namespace {

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
          asio::post(ex, [handler = std::move(handler), ep, r = std::move(r)]() mutable {
            std::move(handler)(ep, std::move(r));
          });
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
HandleJob handle_job(Pipeline& p, Request&& req) { return HandleJob{&p, std::make_shared<Request>(std::move(req))}; }

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

}  // namespace

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
      : opt(std::move(o)), pipeline(p), upload_slots(opt.upload_slots), ioc(opt.io_threads),
        workers(static_cast<std::size_t>(opt.worker_threads)),
        heavy(static_cast<std::size_t>(std::max(1, opt.heavy_threads))) {}

  awaitable<void> accept_loop() {
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

  void set_idle(beast::tcp_stream* s, bool on) {
    std::lock_guard lock(sessions_mutex);
    if (on) idle.insert(s);
    else idle.erase(s);
  }

  Response reject(const Request& req, const ApiError& e) { return pipeline.reject(req, e); }

  awaitable<void> write(beast::tcp_stream& stream, Response res, bool keep_alive, bool head, unsigned version) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
    out.set(bhttp::field::server, "antq");
    out.set(bhttp::field::content_type, res.content_type);
    for (const auto& [k, v] : security_headers()) out.insert(k, v);
    for (auto& [k, v] : res.headers) out.insert(k, v);
    out.keep_alive(keep_alive);
    const bool no_body = res.status == 304 || res.status == 204;
    if (!no_body) out.body() = std::move(res.body);
    out.prepare_payload();
    if (head) out.body().clear();  // Content-Length stays that of the full body
    stream.expires_after(std::chrono::seconds(30));
    if (head) {
      bhttp::response_serializer<bhttp::string_body> sr{out};
      co_await bhttp::async_write_header(stream, sr, use_awaitable);
    } else {
      co_await bhttp::async_write(stream, out, use_awaitable);
    }
  }

  enum class ReadResult { ok, too_large, timeout, malformed, storage_full, closed };

  static ReadResult classify(const beast::error_code& ec) {
    if (!ec) return ReadResult::ok;
    if (ec == bhttp::error::body_limit) return ReadResult::too_large;
    if (ec == beast::error::timeout) return ReadResult::timeout;
    // The upload's temporary file could not grow (file_body reports write(2)'s error).
    if (ec == boost::system::errc::no_space_on_device ||
        (ec.category() == boost::system::system_category() && ec.value() == EDQUOT)) {
      return ReadResult::storage_full;
    }
    // The peer went away: nobody to answer.
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted || ec == asio::error::broken_pipe) {
      return ReadResult::closed;
    }
    // Everything else the parser refuses (a malformed chunk size, bad chunk framing…) is the
    // client's mistake and gets an answer saying so.
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_chunk).category()) return ReadResult::malformed;
    return ReadResult::closed;
  }

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
      const auto allowance = opt.upload_grace + std::chrono::milliseconds(static_cast<std::int64_t>(1000.0 * static_cast<double>(basis) / rate));
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

  static ApiError storage_full() {
    return InsufficientStorage(
        "Máy chủ đã hết dung lượng lưu trữ nên tệp của bạn chưa được lưu. Vui lòng giữ lại tệp và gửi lại sau; "
        "nếu lỗi kéo dài, hãy báo quản trị viên.");
  }

  // After refusing a request whose body was not read (too large, no upload slot, refused on its
  // headers), the client — often our own nginx, which sends the body it buffered before reading
  // any answer — is still sending. Closing with unread data makes the kernel send a reset that
  // can destroy the answer (nginx then shows its own 502), so the sending side is closed and what
  // still arrives is read and dropped, within bounds of time and size.
  awaitable<void> drain(beast::tcp_stream& stream, beast::flat_buffer& buffer) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    buffer.consume(buffer.size());
    std::array<char, 64 * 1024> scratch;
    std::size_t total = 0;
    stream.expires_after(std::chrono::seconds(5));
    while (total < (64u << 20)) {
      const std::size_t n = co_await stream.async_read_some(asio::buffer(scratch), asio::redirect_error(use_awaitable, ec));
      if (ec) break;
      total += n;
    }
  }

  static ApiError read_error(ReadResult r) {
    if (r == ReadResult::too_large) return PayloadTooLarge();
    if (r == ReadResult::malformed) return ApiError(400, "bad_request", "Nội dung yêu cầu HTTP không đúng định dạng (chunked).");
    if (r == ReadResult::storage_full) return storage_full();
    return ApiError(408, "request_timeout", "Gửi dữ liệu quá chậm, yêu cầu đã bị hủy.");
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

  awaitable<void> session(beast::tcp_stream stream) {
    ++connections;
    struct Count {
      Impl* self;
      beast::tcp_stream* s;
      ~Count() {
        self->set_idle(s, false);
        --self->connections;
      }
    } count{this, &stream};
    beast::flat_buffer buffer;
    bool unread_body = false;  // answered before reading a body the client is still sending
    std::string client_ip;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) client_ip = ep.address().to_string();
    }
    try {
      while (!stopping) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(16 * 1024);
        // No body limit while the headers are read: which limit applies (the general one, or an
        // upload route's larger one) is known only once the request is routed, below. A limit
        // here made Beast refuse every photo over 1 MiB sent with Content-Length.
        parser.body_limit(boost::none);
        beast::error_code ec;
        set_idle(&stream, true);
        if (stopping) break;
        stream.expires_after(opt.header_timeout);
        co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
        set_idle(&stream, false);
        if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
            ec == asio::error::connection_reset || ec == asio::error::eof) {
          break;
        }
        Request req;
        req.client_ip = client_ip;
        if (ec) {
          // A declared Content-Length over the limit is refused while reading the headers.
          const ApiError err = ec == bhttp::error::body_limit ? PayloadTooLarge()
                               : ec == bhttp::error::header_limit
                                   ? ApiError(431, "headers_too_large", "Phần tiêu đề của yêu cầu quá lớn.")
                                   : ApiError(400, "bad_request", "Yêu cầu HTTP không hợp lệ.");
          co_await write(stream, reject(req, err), false, false, 11);
          break;
        }
        ++in_flight;
        struct Flight {
          std::atomic<int>& n;
          ~Flight() { --n; }
        } flight{in_flight};
        const auto& h = parser.get();
        const unsigned version = h.version();
        // Route before the body arrives: an upload route streams its body to a file, with its own limit.
        req.method = std::string(h.method_string());
        Response res;
        bool target_ok = true;
        try {
          parse_target(h.target(), req);
        } catch (const ApiError& e) {
          target_ok = false;
          res = reject(req, e);
        }
        const std::size_t upload_limit = target_ok ? pipeline.upload_limit(req) : 0;
        const std::size_t limit = upload_limit > 0 ? upload_limit : opt.body_limit;
        parser.body_limit(limit);  // chunked bodies: counted as they arrive
        const bool expects_continue =
            h[bhttp::field::expect] == "100-continue" && parser.content_length().value_or(0) <= limit;
        if (expects_continue && upload_limit == 0) {
          bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
          co_await bhttp::async_write(stream, cont, use_awaitable);
        }
        if (parser.content_length() && *parser.content_length() > limit) {
          co_await write(stream, reject(req, PayloadTooLarge()), false, false, version);
          unread_body = true;
          break;
        }
        bool keep_alive = false;
        bool head = false;
        TempFile upload;
        UploadSlots::Ticket slot;
        if (upload_limit > 0) {
          // Checks on the headers first: a refused upload is answered before its body is read,
          // and the connection closed rather than drained.
          take_message(parser.get(), req);  // the client address, behind our proxy, comes from here
          const bool is_public = req.route != nullptr && req.route->spec.access == Access::public_;
          slot = upload_slots.try_acquire(is_public, net::client_key(req.client_ip));
          if (!slot) {
            co_await write(stream, reject(req, ServiceUnavailable("busy", "Máy chủ đang nhận nhiều tệp, vui lòng thử lại sau ít phút.", 30)),
                           false, false, version);
            unread_body = true;
            break;
          }
          Response verdict = co_await offload(workers, AdmitJob{&pipeline, &req});
          if (verdict.status != 0) {
            co_await write(stream, std::move(verdict), false, false, version);
            unread_body = true;
            break;
          }
          req.headers.clear();  // taken again with the complete message below
          if (expects_continue) {
            bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
            co_await bhttp::async_write(stream, cont, use_awaitable);
          }
          bhttp::request_parser<bhttp::file_body> fp{std::move(parser)};
          fp.body_limit(upload_limit);
          upload.path = opt.upload_dir + "/upload-" + crypto::random_hex(12) + ".part";
          beast::error_code fec;
          fp.get().body().open(upload.path.c_str(), beast::file_mode::write_new, fec);
          if (fec) {
            log::error("upload_file_failed", {{"path", upload.path}, {"error", fec.message()}});
            const bool full = fec == boost::system::errc::no_space_on_device ||
                              (fec.category() == boost::system::system_category() && fec.value() == EDQUOT);
            co_await write(stream, reject(req, full ? storage_full() : ServiceUnavailable("storage_unavailable", "Chưa lưu được tệp, vui lòng thử lại sau.", 5)),
                           false, false, version);
            unread_body = true;
            break;
          }
          const ReadResult rr = co_await read_upload(stream, buffer, fp);
          if (rr != ReadResult::ok) {
            if (rr != ReadResult::closed) co_await write(stream, reject(req, read_error(rr)), false, false, version);
            unread_body = rr == ReadResult::too_large || rr == ReadResult::storage_full;
            break;
          }
          auto msg = fp.release();
          msg.body().close();
          take_message(msg, req);
          req.body_file = upload.path;
          keep_alive = msg.keep_alive();
        } else {
          const ReadResult rr = co_await read_body(stream, buffer, parser, opt.body_timeout);
          if (rr != ReadResult::ok) {
            if (rr != ReadResult::closed) co_await write(stream, reject(req, read_error(rr)), false, false, version);
            unread_body = rr == ReadResult::too_large;
            break;
          }
          auto msg = parser.release();
          take_message(msg, req);
          req.body = std::move(msg.body());
          keep_alive = msg.keep_alive();
          head = msg.method() == bhttp::verb::head;
        }
        if (target_ok) {
          switch (pipeline.lane(req)) {
            case Lane::io: res = pipeline.handle(req); break;
            case Lane::worker: res = co_await offload(workers, handle_job(pipeline, std::move(req))); break;
            case Lane::heavy:
              if (heavy_pending.load() >= opt.heavy_queue_limit) {
                res = reject(req, ServiceUnavailable("busy", "Hệ thống đang bận, vui lòng thử lại sau ít giây.", 5));
              } else {
                ++heavy_pending;
                res = co_await offload(heavy, handle_job(pipeline, std::move(req)));
                --heavy_pending;
              }
              break;
          }
        }
        co_await write(stream, std::move(res), keep_alive && !stopping, head, version);
        if (!keep_alive) break;
      }
    } catch (const std::exception& e) {
      // A peer that vanished mid-write is normal on mobile networks; anything else is logged.
      log::write(log::Level::debug, "connection_closed", {{"error", e.what()}});
    }
    if (unread_body && !stopping) {
      try {
        co_await drain(stream, buffer);
      } catch (const std::exception& e) {
        log::write(log::Level::debug, "drain_failed", {{"error", e.what()}});
      }
    }
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
  }

  void close_idle() {
    std::lock_guard lock(sessions_mutex);
    for (auto* s : idle) {
      // Runs on the session's strand, like the session's own exit: re-check that it is still here.
      asio::post(s->get_executor(), [this, s] {
        std::lock_guard again(sessions_mutex);
        if (idle.count(s)) s->cancel();
      });
    }
  }
};

Server::Server(ServerOptions options, Pipeline& pipeline) : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {}

Server::~Server() {
  stop();
}

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
  stop();
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
         std::to_string(impl_->upload_slots.in_use_staff()) + "\n" +
         "# TYPE antq_http_connections gauge\nantq_http_connections " + std::to_string(impl_->connections.load()) +
         "\n# TYPE antq_http_in_flight_requests gauge\nantq_http_in_flight_requests " +
         std::to_string(impl_->in_flight.load()) + "\n";
}

}  // namespace antq::http
