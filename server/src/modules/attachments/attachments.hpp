#pragma once
// Files of any owner (a tip, a register record, an evaluation; next news and imports), admitted,
// stored, listed and served by one code path:
//   admit (before the body is read: the owner is there, the caller may attach, there is room)
//   → check (modules/media: type by content, readable, location removed unless kept), then kept
//     by the owner's FileStore under a name it makes (file_store.hpp: a directory, or one mount
//     all instances share)
//   → in one write transaction: the owner checked again, recounted (two uploads at once must not
//     both pass the first count), the row inserted, the owner's own record of it (audit entry,
//     timeline event, notification)
//   → the stored file removed again when anything after the store fails.
// An owner is a name (the `owner` column), a directory and a limit; adding one is a few lines
// where the owner's service is built. The owner decides who may attach (its `Check`) and what it
// records (its `Recorder`); this module decides how files are checked, kept and counted.
#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/attachments/attachment.hpp"
#include "modules/attachments/file_store.hpp"
#include "modules/media/media.hpp"

namespace antq::attachments {

struct Owner {
  std::string name;  // the `owner` column: "tips", a register's name ("activities"), "evaluations"
  std::string root;  // its files' directory, outside the web root; "" = storage not configured (503)
  std::string noun;  // what one owner is called in the limit's message: "tin báo", "bản ghi"
  std::int64_t max_files = media::kMaxAttachmentsPerRecord;
};

// One upload's streamed body and how to keep it.
struct Upload {
  std::string path;                        // the request's body file (http::Request::body_file)
  bool keep_location = false;              // the uploader asked to keep place metadata
  std::optional<std::string> uploaded_by;  // nullopt: a tip's reporter
  std::string part;                        // what it is for inside the owner (an evaluation's criterion)
  std::string at;                          // when (RFC 3339 UTC); "" = now (an owner with its own clock passes it)
};

class Attachments {
 public:
  // Finds the owner the caller may attach to (else throws NotFound, Forbidden, BadRequest…) and
  // returns its id. Runs inside the transaction given; called before the store and again in the
  // write transaction, so an owner deleted or moved meanwhile is refused.
  using Check = std::function<std::int64_t(db::Connection&)>;
  // The owner's own record of a new file (audit entry, timeline event, notification), in the
  // transaction that inserts its row: if it throws, nothing is kept, not even the file.
  using Recorder = std::function<void(db::Connection&, const Attachment&)>;

  // `store`: where the files are kept; none: a directory store at `owner.root` (none either when
  // the root is "": uploads then answer 503).
  Attachments(db::Database& db, Owner owner, std::shared_ptr<FileStore> store = nullptr);
  const Owner& owner() const { return owner_; }

  // Before an upload's body is read: the check passes and the owner takes more files.
  void admit(const Check& may_attach) const;
  // The whole flow (see the top of this file). Returns the stored row.
  Attachment add(const Upload& upload, const Check& may_attach, const Recorder& record) const;

  // Inside a caller's transaction, for an owner the caller has already found in scope.
  std::vector<Attachment> list(db::Connection& c, std::int64_t owner_id) const;
  // One file as a download named `<stem>-<id>.<ext>`; NotFound when it is not this owner's.
  StoredFile file(db::Connection& c, std::int64_t owner_id, std::int64_t id, const std::string& stem) const;
  // The rows go with their owner; the files stay until an operator's clean-up (a rollback must
  // not find them gone).
  void remove_all(db::Connection& c, std::int64_t owner_id) const;

 private:
  void require_room(db::Connection& c, std::int64_t owner_id) const;

  db::Database& db_;
  Owner owner_;
  std::shared_ptr<FileStore> store_;
};

// An owner's files, oldest first, for code that builds a view without holding its Attachments
// (listing needs no directory).
std::vector<Attachment> list(db::Connection& c, const std::string& owner, std::int64_t owner_id);

// {"id", "at", "uploaded_by", "kind", "media_type", "size", "location_removed"}: a file as staff
// see it in a record (owners add their own keys, e.g. an evaluation's "criterion").
boost::json::object to_json(const Attachment& a);

}  // namespace antq::attachments
