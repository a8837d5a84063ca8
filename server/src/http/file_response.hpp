#pragma once
// Downloads of stored files and the numeric path parameters that name them: one helper for every
// module that serves a file (attachments of tips, registers, evaluations).
#include <cstdint>
#include <string>

#include "http/request.hpp"

namespace antq::http {

// A stored file as a download (Content-Disposition per RFC 6266, never cached); 404 with an
// operator hint when the file is gone from the disk.
Response file_response(const std::string& path, const std::string& media_type, const std::string& download_name);

// Path parameter `name` as a positive integer, else 404 with `not_found` (a malformed id names
// nothing, so it reads like an id that names nothing).
std::int64_t id_param(const Request& req, const std::string& name = "id", const char* not_found = "Không tìm thấy bản ghi.");

}  // namespace antq::http
