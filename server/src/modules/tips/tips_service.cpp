#include "modules/tips/tips_service.hpp"

#include <filesystem>

#include "core/time.hpp"
#include "http/access.hpp"
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
      files_(db, {"tips", options_.attachments_dir, "tin báo"}),
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

// Attachments: the reporter's files and the staff download, through modules/attachments.
void TipsService::admit_reporter_upload(const std::string& code, const std::string& secret) {
  files_.admit([&](db::Connection& c) { return reporter_tip(c, code, secret).id; });
}

TipAttachment TipsService::reporter_attachment(const std::string& code, const std::string& secret, const std::string& file,
                                               bool keep_location) {
  TipRecord t;
  return files_.add(
      {file, keep_location, std::nullopt, "", now()},
      [&](db::Connection& c) {
        t = reporter_tip(c, code, secret);
        return t.id;
      },
      [&](db::Connection& c, const TipAttachment& a) {
        repo::add_event(c, t.id, {a.at, "attachment", std::nullopt, std::nullopt, true, "", a.kind});
        // Whoever handles the tip hears of it; before assignment, the commune's police.
        const auto to = t.assignee ? std::vector<std::string>{*t.assignee} : repo::local_handlers(c, t.unit_path);
        notifications::notify(c, to, {"tip.attachment", "tip", std::to_string(t.id), t.tracking_code});
      });
}

StoredFile TipsService::attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id) {
  access::require(who, "tips.read");
  return db_.read_value([&](db::Connection& c) {
    const TipRecord t = staff_tip(c, who, id);
    return files_.file(c, id, attachment_id, "tin-bao-" + t.tracking_code);
  });
}

}  // namespace antq::tips
