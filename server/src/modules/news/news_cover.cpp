#include "modules/news/news_cover.hpp"

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/news/news_internal.hpp"
#include "modules/news/news_json.hpp"
#include "modules/news/news_repository.hpp"

namespace antq::news {

namespace {

const char* const kNoCover = "Tin không có ảnh bìa.";

Post writable(db::Connection& c, const http::Principal& who, std::int64_t id) {
  access::require(who, "news.write");
  Post p = load_in_scope(c, who, id);
  if (p.status == "withdrawn") throw Conflict("Tin đã gỡ không sửa được.");
  return p;
}

}  // namespace

void NewsCovers::admit(const http::Principal& who, std::int64_t id) const {
  files_.admit([&](db::Connection& c) {
    writable(c, who, id);
    if (!files_.list(c, id).empty()) throw Conflict("Tin đã có ảnh bìa: xóa ảnh cũ trước khi tải ảnh khác.");
    return id;
  });
}

boost::json::object NewsCovers::add(const http::Principal& who, std::int64_t id, const std::string& upload_path,
                                    const std::string& request_id) const {
  Post p;
  const auto a = files_.add(
      {upload_path, false, who.username, "cover", ""},
      [&](db::Connection& c) {
        p = writable(c, who, id);
        return id;
      },
      [&](db::Connection& c, const attachments::Attachment& file) {
        if (file.kind != "image") throw BadRequest("Ảnh bìa phải là một ảnh (JPEG, PNG, WebP…), không phải video.", "file");
        record(c, audit_, who, "cover", p, request_id, "{\"attachment\":" + std::to_string(file.id) + "}");
      });
  return attachments::to_json(a);
}

void NewsCovers::remove(const http::Principal& who, std::int64_t id, const std::string& request_id) const {
  db_.write([&](db::Connection& c) {
    const Post p = writable(c, who, id);
    if (files_.list(c, id).empty()) throw NotFound(kNoCover);
    files_.remove_all(c, id);
    record(c, audit_, who, "cover_remove", p, request_id, "");
  });
}

attachments::StoredFile NewsCovers::staff_file(const http::Principal& who, std::int64_t id) const {
  access::require(who, "news.write");
  return db_.read_value([&](db::Connection& c) {
    load_in_scope(c, who, id);
    const auto list = files_.list(c, id);
    if (list.empty()) throw NotFound(kNoCover);
    return files_.file(c, id, list.front().id, "anh-bia-tin-" + std::to_string(id));
  });
}

attachments::StoredFile NewsCovers::public_file(std::int64_t id) const {
  return db_.read_value([&](db::Connection& c) {
    const auto p = repo::find(c, id);
    if (!p || !is_live(*p, timeutil::now_utc())) throw NotFound(kNoCover);
    const auto list = files_.list(c, id);
    if (list.empty()) throw NotFound(kNoCover);
    return files_.file(c, id, list.front().id, "anh-bia-tin-" + std::to_string(id));
  });
}

std::string NewsCovers::public_path(db::Connection& c, std::int64_t post_id) {
  return attachments::list(c, "news", post_id).empty() ? "" : "/api/v1/public/news/" + std::to_string(post_id) + "/cover";
}

}  // namespace antq::news
