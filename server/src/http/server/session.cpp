// One connection: its requests one after the other (keep-alive), each read in two steps — the
// headers, which route it, then the body, which an upload route streams to a file with its own
// limit — and handled on its lane.
#include <cerrno>

#include "core/client_address.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "http/server/server_impl.hpp"

namespace antq::http {

using server_detail::AdmitJob;
using server_detail::handle_job;
using server_detail::offload;
using server_detail::TempFile;

awaitable<void> Server::Impl::session(beast::tcp_stream stream) {
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
      if (!co_await serve_one(stream, buffer, client_ip, unread_body)) break;
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

awaitable<bool> Server::Impl::serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer, const std::string& client_ip,
                                        bool& unread_body) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  // No body limit while the headers are read: which limit applies (the general one, or an
  // upload route's larger one) is known only once the request is routed, below. A limit
  // here made Beast refuse every photo over 1 MiB sent with Content-Length.
  parser.body_limit(boost::none);
  beast::error_code ec;
  set_idle(&stream, true);
  if (stopping) co_return false;
  stream.expires_after(opt.header_timeout);
  co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
  set_idle(&stream, false);
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
      ec == asio::error::connection_reset || ec == asio::error::eof) {
    co_return false;
  }
  Request req;
  req.client_ip = client_ip;
  if (ec) {
    // A declared Content-Length over the limit is refused while reading the headers.
    const ApiError err = ec == bhttp::error::body_limit ? PayloadTooLarge()
                         : ec == bhttp::error::header_limit ? ApiError(431, "headers_too_large", "Phần tiêu đề của yêu cầu quá lớn.")
                                                            : ApiError(400, "bad_request", "Yêu cầu HTTP không hợp lệ.");
    co_await write(stream, reject(req, err), false, false, 11);
    co_return false;
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
  const bool expects_continue = h[bhttp::field::expect] == "100-continue" && parser.content_length().value_or(0) <= limit;
  if (expects_continue && upload_limit == 0) {
    bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
    co_await bhttp::async_write(stream, cont, use_awaitable);
  }
  if (parser.content_length() && *parser.content_length() > limit) {
    co_await write(stream, reject(req, too_large(req)), false, false, version);
    unread_body = true;
    co_return false;
  }
  // Both live until the answer is written: the handler moves the file, the slot counts the upload.
  TempFile upload;
  UploadSlots::Ticket slot;
  Received got;
  if (upload_limit > 0) {
    got = co_await receive_upload(stream, buffer, parser, req, upload, slot, upload_limit, expects_continue, version, unread_body);
  } else {
    got = co_await receive_body(stream, buffer, parser, req, version, unread_body);
  }
  if (!got.ok) co_return false;
  if (target_ok) res = co_await dispatch(req);
  co_await write(stream, std::move(res), got.keep_alive && !stopping, got.head, version);
  co_return got.keep_alive;
}

awaitable<Server::Impl::Received> Server::Impl::receive_upload(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                               bhttp::request_parser<bhttp::string_body>& parser, Request& req,
                                                               TempFile& upload, UploadSlots::Ticket& slot, std::size_t upload_limit,
                                                               bool expects_continue, unsigned version, bool& unread_body) {
  // Checks on the headers first: a refused upload is answered before its body is read,
  // and the connection closed rather than drained.
  take_message(parser.get(), req);  // the client address, behind our proxy, comes from here
  const bool is_public = req.route != nullptr && req.route->spec.access == Access::public_;
  slot = upload_slots.try_acquire(is_public, net::client_key(req.client_ip));
  if (!slot) {
    co_await write(stream, reject(req, ServiceUnavailable("busy", "Máy chủ đang nhận nhiều tệp, vui lòng thử lại sau ít phút.", 30)), false,
                   false, version);
    unread_body = true;
    co_return Received{};
  }
  Response verdict = co_await offload(workers, AdmitJob{&pipeline, &req});
  if (verdict.status != 0) {
    co_await write(stream, std::move(verdict), false, false, version);
    unread_body = true;
    co_return Received{};
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
    const bool full =
        fec == boost::system::errc::no_space_on_device || (fec.category() == boost::system::system_category() && fec.value() == EDQUOT);
    co_await write(
        stream,
        reject(req, full ? storage_full() : ServiceUnavailable("storage_unavailable", "Chưa lưu được tệp, vui lòng thử lại sau.", 5)),
        false, false, version);
    unread_body = true;
    co_return Received{};
  }
  const ReadResult rr = co_await read_upload(stream, buffer, fp);
  if (rr != ReadResult::ok) {
    if (rr != ReadResult::closed) co_await write(stream, reject(req, read_error(rr, req)), false, false, version);
    unread_body = rr == ReadResult::too_large || rr == ReadResult::storage_full;
    co_return Received{};
  }
  auto msg = fp.release();
  msg.body().close();
  take_message(msg, req);
  req.body_file = upload.path;
  co_return Received{true, msg.keep_alive(), false};
}

awaitable<Server::Impl::Received> Server::Impl::receive_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                             bhttp::request_parser<bhttp::string_body>& parser, Request& req,
                                                             unsigned version, bool& unread_body) {
  const ReadResult rr = co_await read_body(stream, buffer, parser, opt.body_timeout);
  if (rr != ReadResult::ok) {
    if (rr != ReadResult::closed) co_await write(stream, reject(req, read_error(rr, req)), false, false, version);
    unread_body = rr == ReadResult::too_large;
    co_return Received{};
  }
  auto msg = parser.release();
  take_message(msg, req);
  req.body = std::move(msg.body());
  co_return Received{true, msg.keep_alive(), msg.method() == bhttp::verb::head};
}

awaitable<Response> Server::Impl::dispatch(Request& req) {
  switch (pipeline.lane(req)) {
    case Lane::io: co_return pipeline.handle(req);
    case Lane::worker: co_return co_await offload(workers, handle_job(pipeline, std::move(req)));
    case Lane::heavy: {
      if (heavy_pending.load() >= opt.heavy_queue_limit) {
        co_return reject(req, ServiceUnavailable("busy", "Hệ thống đang bận, vui lòng thử lại sau ít giây.", 5));
      }
      ++heavy_pending;
      Response res = co_await offload(heavy, handle_job(pipeline, std::move(req)));
      --heavy_pending;
      co_return res;
    }
  }
  co_return Response{};
}

}  // namespace antq::http
