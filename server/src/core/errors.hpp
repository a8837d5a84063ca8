#pragma once
// Client errors are typed exceptions; the HTTP layer turns them into responses in one place
// (error_response in http/pipeline.cpp: status, {"error": {code, message, field}} and Retry-After).
// Messages are Vietnamese because they reach the user as they are.
#include <optional>
#include <stdexcept>
#include <string>

namespace antq {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string message, std::string field = {})
      : std::runtime_error(message), status_(status), code_(std::move(code)), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& field() const { return field_; }
  // Seconds a client should wait (429 / 503 / 507), sent as Retry-After; 0 when not applicable.
  int retry_after() const { return retry_after_; }

 protected:
  // Only the typed errors below that carry a wait set it, so a 429 or 503 is never built by hand.
  void set_retry_after(int seconds) { retry_after_ = seconds; }

 private:
  int status_;
  std::string code_;
  std::string field_;
  int retry_after_ = 0;
};

struct BadRequest : ApiError {
  explicit BadRequest(std::string message, std::string field = {}, std::string code = "validation_failed")
      : ApiError(400, std::move(code), std::move(message), std::move(field)) {}
};
struct Unauthorized : ApiError {
  explicit Unauthorized(std::string message = "Bạn cần đăng nhập để thực hiện thao tác này.")
      : ApiError(401, "unauthorized", std::move(message)) {}
};
struct Forbidden : ApiError {
  explicit Forbidden(std::string message = "Bạn không có quyền thực hiện thao tác này.") : ApiError(403, "forbidden", std::move(message)) {}
};
struct NotFound : ApiError {
  explicit NotFound(std::string message = "Không tìm thấy dữ liệu yêu cầu.", std::string field = {})
      : ApiError(404, "not_found", std::move(message), std::move(field)) {}
};
struct Conflict : ApiError {
  explicit Conflict(std::string message, std::string field = {}) : ApiError(409, "conflict", std::move(message), std::move(field)) {}
};
// 409 of an edit made on a version of a record that has changed since (If-Match): the client
// shows both versions for the editor to choose.
struct EditConflict : ApiError {
  EditConflict() : ApiError(409, "edit_conflict", "Bản ghi đã được sửa sau khi bạn mở nó. Hãy so sánh hai bản và chọn bản giữ lại.") {}
};
struct PayloadTooLarge : ApiError {
  explicit PayloadTooLarge(std::string message = "Dữ liệu gửi lên vượt quá dung lượng cho phép.")
      : ApiError(413, "payload_too_large", std::move(message)) {}
};
struct RuleViolation : ApiError {
  explicit RuleViolation(std::string message, std::string field = {})
      : ApiError(422, "rule_violated", std::move(message), std::move(field)) {}
};
// 429: this client asked too often. Retry-After is the wait the limit itself computed (the rest
// of its window, or the lockout), so a well-behaved client retries exactly once, at the right time.
// The code tells a rate limit ("rate_limited") from a locked login ("account_locked").
struct TooManyRequests : ApiError {
  TooManyRequests(std::string message, int retry_after_seconds, std::string code = "rate_limited")
      : ApiError(429, std::move(code), std::move(message)) {
    set_retry_after(retry_after_seconds);
  }
};
// 503: the server cannot do this now; the client did nothing wrong and nothing was done. With a
// wait (Retry-After) when it clears by itself (busy, a database restarting, a converter queue);
// without one (0) when only an operator can change it (no mail server, no attachments folder).
struct ServiceUnavailable : ApiError {
  ServiceUnavailable(std::string code, std::string message, int retry_after_seconds = 0)
      : ApiError(503, std::move(code), std::move(message)) {
    set_retry_after(retry_after_seconds);
  }
};
// 507: a disk is full, so nothing was stored (see StorageFull below). Retry-After in minutes, not
// seconds: it clears only when an operator frees space, so the client keeps its data meanwhile.
struct InsufficientStorage : ApiError {
  explicit InsufficientStorage(std::string message, int retry_after_seconds = 60) : ApiError(507, "storage_full", std::move(message)) {
    set_retry_after(retry_after_seconds);
  }
};

// Storage faults: neither the client's mistake nor a bug, so never a 4xx and never a 500. They are
// thrown by the database layer and by whatever writes files (uploads, attachments), and become
// responses in one place (http/pipeline.cpp); docs/decisions/0011-faults.md says why these codes.
//
// Nothing could be stored because a disk is full (ENOSPC / EDQUOT, SQLITE_FULL, PostgreSQL 53100
// disk_full). The write did not happen. HTTP 507 with Retry-After: it clears only when an operator
// frees space, so clients should keep the data and retry later, not at once.
class StorageFull : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// The database cannot be used right now but will be again by itself: SQLite locked by another
// process past the busy timeout, PostgreSQL restarting or unreachable, the connection pool
// exhausted. The write did not happen (or, for a connection lost during COMMIT, its outcome is
// unknown: retry with the same Idempotency-Key). HTTP 503 with Retry-After.
class StorageUnavailable : public std::runtime_error {
 public:
  explicit StorageUnavailable(const std::string& what, int retry_after_seconds = 5)
      : std::runtime_error(what), retry_after_(retry_after_seconds) {}
  int retry_after() const { return retry_after_; }

 private:
  int retry_after_;
};

// An operator-facing failure (bad configuration, unreachable database, failed migration): it
// stops a command with a message that says what to fix. Never shown to API clients.
class OperatorError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace antq
