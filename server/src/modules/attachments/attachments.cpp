#include "modules/attachments/attachments.hpp"

#include "core/errors.hpp"
#include "core/time.hpp"
#include "modules/attachments/attachments_repository.hpp"

namespace antq::attachments {

Attachments::Attachments(db::Database& db, Owner owner, std::shared_ptr<FileStore> store)
    : db_(db), owner_(std::move(owner)), store_(std::move(store)) {
  if (!store_ && !owner_.root.empty()) store_ = directory_store(owner_.root);
}

void Attachments::require_room(db::Connection& c, std::int64_t owner_id) const {
  if (repo::count(c, owner_.name, owner_id) >= owner_.max_files) {
    throw RuleViolation("Mỗi " + owner_.noun + " chỉ kèm được tối đa " + std::to_string(owner_.max_files) + " tệp.");
  }
}

void Attachments::admit(const Check& may_attach) const {
  db_.read([&](db::Connection& c) { require_room(c, may_attach(c)); });
}

Attachment Attachments::add(const Upload& upload, const Check& may_attach, const Recorder& record) const {
  // Checked before touching the file: an unknown owner or a full one costs nothing but a lookup.
  admit(may_attach);
  if (!store_) throw ServiceUnavailable("storage_unavailable", "Máy chủ chưa được cấu hình nơi lưu tệp đính kèm.");
  const media::CheckedMedia m = media::check_upload(upload.path, upload.keep_location);
  Attachment a;
  a.stored_name = store_->keep(upload.path);
  a.part = upload.part;
  a.at = upload.at.empty() ? timeutil::now_utc() : upload.at;
  a.uploaded_by = upload.uploaded_by;
  a.kind = m.kind;
  a.media_type = m.media_type;
  a.size = m.size;
  a.sha256 = m.sha256;
  a.location_removed = m.location_removed;
  try {
    db_.write([&](db::Connection& c) {
      a.owner_id = may_attach(c);
      require_room(c, a.owner_id);
      a.id = repo::insert(c, owner_.name, a);
      record(c, a);
    });
  } catch (...) {
    // Nothing refers to the stored file once the transaction is rolled back: it goes too.
    store_->remove(a.stored_name);
    throw;
  }
  return a;
}

std::vector<Attachment> Attachments::list(db::Connection& c, std::int64_t owner_id) const { return repo::list(c, owner_.name, owner_id); }

std::vector<Attachment> list(db::Connection& c, const std::string& owner, std::int64_t owner_id) { return repo::list(c, owner, owner_id); }

StoredFile Attachments::file(db::Connection& c, std::int64_t owner_id, std::int64_t id, const std::string& stem) const {
  const auto a = repo::find(c, owner_.name, owner_id, id);
  if (!a) throw NotFound("Không tìm thấy tệp đính kèm.");
  if (!store_) throw ServiceUnavailable("storage_unavailable", "Máy chủ chưa được cấu hình nơi lưu tệp đính kèm.");
  return {store_->path(a->stored_name), a->media_type, stem + "-" + std::to_string(a->id) + "." + media::extension(a->media_type)};
}

void Attachments::remove_all(db::Connection& c, std::int64_t owner_id) const { repo::remove_all(c, owner_.name, owner_id); }

boost::json::object to_json(const Attachment& a) {
  return boost::json::object{{"id", std::to_string(a.id)},
                             {"at", a.at},
                             {"uploaded_by", a.uploaded_by ? boost::json::value(*a.uploaded_by) : boost::json::value(nullptr)},
                             {"kind", a.kind},
                             {"media_type", a.media_type},
                             {"size", a.size},
                             {"location_removed", a.location_removed}};
}

}  // namespace antq::attachments
