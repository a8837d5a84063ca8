// Answers out and bodies in: writing a response, telling why a read ended, and draining what a
// client still sends after it was refused.
#include <array>
#include <cerrno>

#include "http/server/server_impl.hpp"

namespace antq::http {

awaitable<void> Server::Impl::write(beast::tcp_stream& stream, Response res, bool keep_alive, bool head, unsigned version) {
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

Server::Impl::ReadResult Server::Impl::classify(const beast::error_code& ec) {
  if (!ec) return ReadResult::ok;
  if (ec == bhttp::error::body_limit) return ReadResult::too_large;
  if (ec == beast::error::timeout) return ReadResult::timeout;
  // The upload's temporary file could not grow (file_body reports write(2)'s error).
  if (ec == boost::system::errc::no_space_on_device || (ec.category() == boost::system::system_category() && ec.value() == EDQUOT)) {
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

ApiError Server::Impl::storage_full() {
  return InsufficientStorage(
      "Máy chủ đã hết dung lượng lưu trữ nên tệp của bạn chưa được lưu. Vui lòng giữ lại tệp và gửi lại sau; "
      "nếu lỗi kéo dài, hãy báo quản trị viên.");
}

// After refusing a request whose body was not read (too large, no upload slot, refused on its
// headers), the client — often our own nginx, which sends the body it buffered before reading
// any answer — is still sending. Closing with unread data makes the kernel send a reset that
// can destroy the answer (nginx then shows its own 502), so the sending side is closed and what
// still arrives is read and dropped, within bounds of time and size.
awaitable<void> Server::Impl::drain(beast::tcp_stream& stream, beast::flat_buffer& buffer) {
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

ApiError Server::Impl::too_large(const Request& req) {
  if (req.route != nullptr && !req.route->spec.too_large_message.empty()) return PayloadTooLarge(req.route->spec.too_large_message);
  return PayloadTooLarge();
}

ApiError Server::Impl::read_error(ReadResult r, const Request& req) {
  if (r == ReadResult::too_large) return too_large(req);
  if (r == ReadResult::malformed) return ApiError(400, "bad_request", "Nội dung yêu cầu HTTP không đúng định dạng (chunked).");
  if (r == ReadResult::storage_full) return storage_full();
  return ApiError(408, "request_timeout", "Gửi dữ liệu quá chậm, yêu cầu đã bị hủy.");
}

}  // namespace antq::http
