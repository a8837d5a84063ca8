// TipsService, the reporter's side: everything a citizen does with the tracking code and secret
// (the tip's status and public timeline, the message thread, e-mail updates). Files the reporter
// adds are in tips_service.cpp with the other attachments.
#include "core/errors.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/tips/tip_codes.hpp"
#include "modules/tips/tip_notify.hpp"
#include "modules/tips/tip_secrets.hpp"
#include "modules/tips/tips_repository.hpp"
#include "modules/tips/tips_service.hpp"

namespace antq::tips {

namespace {
constexpr const char* kNotFoundForReporter = "Không tìm thấy tin báo, hoặc mã bí mật không đúng.";
}  // namespace

TipRecord TipsService::reporter_tip(db::Connection& c, const std::string& code, const std::string& secret) const {
  const auto canonical_code = normalize_tracking_code(code);
  const auto canonical_secret = normalize_secret(secret);
  std::optional<TipRecord> tip;
  if (canonical_code && canonical_secret) tip = repo::find_by_code(c, *canonical_code);
  // One hash is computed even for a malformed or unknown code (against an empty stored hash), so
  // timing says nothing about which part was wrong.
  const std::string stored = tip ? repo::secret_hash(c, tip->id).value_or(std::string()) : std::string();
  const bool matches = secret_matches(keys_, stored, canonical_secret.value_or(secret));
  if (!tip || !matches) throw NotFound(kNotFoundForReporter);
  return *tip;
}

ReporterView TipsService::track(const std::string& code, const std::string& secret) {
  return db_.read_value([&](db::Connection& c) {
    ReporterView v;
    v.tip = reporter_tip(c, code, secret);
    v.timeline = repo::events(c, v.tip.id, true);
    v.messages = repo::messages(c, v.tip.id);
    v.attachments = files_.list(c, v.tip.id);
    v.notify = notify::subscribed(c, v.tip.id);
    v.notify_available = options_.email_updates;
    return v;
  });
}

void TipsService::subscribe_updates(const std::string& code, const std::string& secret, const std::string& email) {
  if (!options_.email_updates) {
    throw ServiceUnavailable(
        "email_unavailable",
        "Máy chủ chưa cấu hình gửi thư, nên chưa gửi được thông báo qua email. Vui lòng quay lại trang này để xem cập nhật.");
  }
  // The address is never repeated back: not in this message, not in a log.
  if (!notify::valid_address(email)) throw BadRequest("Địa chỉ email không hợp lệ.", "email");
  db_.write([&](db::Connection& c) {
    const TipRecord t = reporter_tip(c, code, secret);
    notify::subscribe(c, keys_, t.id, email, now());
  });
}

void TipsService::unsubscribe_updates(const std::string& code, const std::string& secret) {
  db_.write([&](db::Connection& c) { notify::unsubscribe(c, reporter_tip(c, code, secret).id); });
}

void TipsService::unsubscribe_by_token(const std::string& token) {
  const bool ended = db_.write_value([&](db::Connection& c) { return notify::unsubscribe_by_token(c, keys_, token).has_value(); });
  if (!ended) throw NotFound("Không tìm thấy đăng ký nhận thông báo ứng với đường link này; có thể bạn đã hủy trước đó.");
}

TipMessage TipsService::reporter_message(const std::string& code, const std::string& secret, const std::string& body) {
  return db_.write_value([&](db::Connection& c) {
    const TipRecord t = reporter_tip(c, code, secret);
    const std::string at = now();
    const auto id = repo::add_message(c, t.id, at, "in", std::nullopt, body);
    repo::add_event(c, t.id, {at, "message_in", std::nullopt, std::nullopt, true, "", ""});
    // Whoever handles the tip hears of it; before assignment, the commune's police.
    const auto to = t.assignee ? std::vector<std::string>{*t.assignee} : repo::local_handlers(c, t.unit_path);
    notifications::notify(c, to, {"tip.message", "tip", std::to_string(t.id), t.tracking_code});
    return TipMessage{id, t.id, at, "in", std::nullopt, body};
  });
}

}  // namespace antq::tips
