#include "modules/tips/tips_service.hpp"

#include <filesystem>

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/media/media.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/tips/duplicates.hpp"
#include "modules/tips/tips_repository.hpp"

namespace antq::tips {

namespace fs = std::filesystem;

TipsService::TipsService(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, TipsOptions options)
    : db_(db),
      keys_(keys),
      audit_(audit),
      options_(std::move(options)),
      admission_(keys_, options_),
      duplicates_(std::make_unique<DuplicateFinder>(db)),
      clock_([] { return std::chrono::system_clock::now(); }) {
  rules_ = db_.read_value([](db::Connection& c) { return DeadlineRules::load(c); });
  if (!options_.attachments_dir.empty()) fs::create_directories(options_.attachments_dir);
}

TipsService::~TipsService() { stop_background(); }

void TipsService::start_background() { duplicates_->start(); }
void TipsService::stop_background() { duplicates_->stop(); }

std::string TipsService::now() const { return timeutil::to_rfc3339(clock_()); }

// The dispatcher delivers webhooks and e-mails; it is woken after a commit that enqueued one.
void TipsService::wake_outbox() const {
  if (on_intake_) on_intake_();
}

// Attachments: the reporter's files and the staff download.
void TipsService::admit_reporter_upload(const std::string& code, const std::string& secret) {
  db_.read([&](db::Connection& c) {
    const TipRecord tip = reporter_tip(c, code, secret);
    if (repo::count_attachments(c, tip.id) >= media::kMaxAttachmentsPerRecord) {
      throw RuleViolation("Mỗi tin báo chỉ kèm được tối đa " + std::to_string(media::kMaxAttachmentsPerRecord) + " tệp.");
    }
  });
}

TipAttachment TipsService::reporter_attachment(const std::string& code, const std::string& secret, const std::string& file,
                                               bool keep_location) {
  // Authenticate before touching the file: an unknown code costs nothing but this lookup.
  const TipRecord t = db_.read_value([&](db::Connection& c) {
    TipRecord tip = reporter_tip(c, code, secret);
    if (repo::count_attachments(c, tip.id) >= media::kMaxAttachmentsPerRecord) {
      throw RuleViolation("Mỗi tin báo chỉ kèm được tối đa " + std::to_string(media::kMaxAttachmentsPerRecord) + " tệp.");
    }
    return tip;
  });
  if (options_.attachments_dir.empty()) throw ServiceUnavailable("storage_unavailable", "Máy chủ chưa được cấu hình nơi lưu tệp đính kèm.");
  const media::StoredMedia m = media::store_upload(file, options_.attachments_dir, keep_location);
  const std::string at = now();
  TipAttachment a{0, t.id, at, std::nullopt, m.kind, m.media_type, m.size, m.sha256, m.stored_name, m.location_removed};
  try {
    a.id = db_.write_value([&](db::Connection& c) {
      // Counted again here: two uploads at once must not both pass the check made before.
      if (repo::count_attachments(c, t.id) >= media::kMaxAttachmentsPerRecord) {
        throw RuleViolation("Mỗi tin báo chỉ kèm được tối đa " + std::to_string(media::kMaxAttachmentsPerRecord) + " tệp.");
      }
      const auto id = repo::add_attachment(c, a);
      repo::add_event(c, t.id, {at, "attachment", std::nullopt, std::nullopt, true, "", a.kind});
      const auto to = t.assignee ? std::vector<std::string>{*t.assignee} : repo::local_handlers(c, t.unit_path);
      notifications::notify(c, to, {"tip.attachment", "tip", std::to_string(t.id), t.tracking_code});
      return id;
    });
  } catch (...) {
    media::remove_stored(options_.attachments_dir, m.stored_name);
    throw;
  }
  return a;
}

StoredFile TipsService::attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id) {
  access::require(who, "tips.read");
  auto [tip, a] = db_.read_value([&](db::Connection& c) {
    TipRecord t = staff_tip(c, who, id);
    auto att = repo::find_attachment(c, id, attachment_id);
    if (!att) throw NotFound("Không tìm thấy tệp đính kèm.");
    return std::make_pair(t, *att);
  });
  return {(fs::path(options_.attachments_dir) / a.stored_name).string(), a.media_type,
          "tin-bao-" + tip.tracking_code + "-" + std::to_string(a.id) + "." + media::extension(a.media_type)};
}

}  // namespace antq::tips
