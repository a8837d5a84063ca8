#include "modules/notifications/smtp_sender.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/crypto.hpp"

namespace antq::notifications {

namespace {

std::once_flag curl_once;

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool ascii_printable(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// RFC 2047 encoded-word for a header with non-ASCII text; each word at most 75 characters, so the
// text is cut into pieces of at most 45 bytes without splitting a UTF-8 sequence.
std::string encoded_header_text(std::string_view text) {
  if (ascii_printable(text)) return std::string(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + 45);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

// "Thu, 13 Feb 2026 10:00:00 +0000" (RFC 5322 §3.3), in English whatever the locale.
std::string rfc5322_date(std::chrono::system_clock::time_point t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday, kMonths[tm.tm_mon],
                tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

// libcurl's error text may quote the server's reply, which may quote the address: the address is
// replaced, so the outbox's last_error and the log never hold it.
std::string without(std::string text, const std::string& address) {
  if (address.empty()) return text;
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string needle = lower(address);
  for (;;) {
    const auto at = lower(text).find(needle);
    if (at == std::string::npos) return text;
    text.replace(at, address.size(), "<người nhận>");
  }
}

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t n, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t left = up->data->size() - up->offset;
  const std::size_t len = std::min(left, size * n);
  std::memcpy(buffer, up->data->data() + up->offset, len);
  up->offset += len;
  return len;
}

}  // namespace

std::string envelope_address(const std::string& from) {
  const auto open = from.find('<');
  const auto close = from.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) return from.substr(open + 1, close - open - 1);
  return from;
}

bool plausible_email(std::string_view a) {
  if (a.size() < 6 || a.size() > 254) return false;
  const auto at = a.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || a.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = a.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size() || domain.front() == '-' ||
      domain.find("..") != std::string_view::npos) {
    return false;
  }
  return std::none_of(a.begin(), a.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == ',' || c == '"' || c == '(' || c == ')' || c == ';' || c == ':' ||
           c == '\\' || c == '[' || c == ']';
  });
}

std::string format_mail(const Mail& mail, const std::string& from, std::chrono::system_clock::time_point date,
                        const std::string& message_id) {
  std::string out;
  auto header = [&](const std::string& name, const std::string& value) { out += name + ": " + value + "\r\n"; };
  header("From", from);
  header("To", "<" + mail.to + ">");
  header("Subject", encoded_header_text(mail.subject));
  header("Date", rfc5322_date(date));
  header("Message-ID", "<" + message_id + ">");
  header("MIME-Version", "1.0");
  header("Content-Type", "text/plain; charset=UTF-8");
  header("Content-Transfer-Encoding", "base64");
  // Sent by a machine: auto-responders stay quiet (RFC 3834).
  header("Auto-Submitted", "auto-generated");
  for (const auto& [name, value] : mail.headers) header(name, value);
  out += "\r\n";
  // LF → CRLF before encoding (the text is plain text; its line ends are the reader's).
  std::string text;
  for (char c : mail.text) {
    if (c == '\n' && (text.empty() || text.back() != '\r')) text += '\r';
    text += c;
  }
  const std::string encoded = base64(text);
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

SmtpSender::SmtpSender(SmtpOptions options, MailComposer compose) : options_(std::move(options)), compose_(std::move(compose)) {
  std::call_once(curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void SmtpSender::send(const OutgoingMessage& m) {
  const auto mail = compose_(m);
  if (!mail) return;  // nothing to say any more: done
  deliver(*mail);
}

void SmtpSender::deliver(const Mail& mail) const {
  if (!plausible_email(mail.to)) throw DeliveryFailed("smtp: địa chỉ người nhận không hợp lệ", true);
  const std::string from_address = envelope_address(options_.from);
  const auto at = from_address.find('@');
  const std::string domain = at == std::string::npos ? "antq" : from_address.substr(at + 1);
  const std::string message = format_mail(mail, options_.from, std::chrono::system_clock::now(), crypto::random_hex(16) + "@" + domain);

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("libcurl: không khởi tạo được");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(curl_slist_append(nullptr, ("<" + mail.to + ">").c_str()),
                                                                   curl_slist_free_all);
  const std::string envelope_from = "<" + from_address + ">";
  Upload upload{&message};
  char err[CURL_ERROR_SIZE] = {0};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  // STARTTLS whenever the server offers it; a certificate that does not verify fails the delivery
  // (retried later) rather than sending in clear to whoever answered.
  curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    long reply = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    std::string reason = std::string("smtp: ") + (err[0] ? err : curl_easy_strerror(rc));
    if (reply) reason += " (" + std::to_string(reply) + ")";
    throw DeliveryFailed(without(reason, mail.to), reply >= 500 && reply < 600);
  }
}

}  // namespace antq::notifications
