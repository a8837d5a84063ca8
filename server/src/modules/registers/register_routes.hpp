#pragma once
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::registers {

// GET/POST /api/v1/<name>, GET /api/v1/<name>/export?format=csv|xlsx, GET/PATCH/DELETE
// /api/v1/<name>/{id}: the same handlers for every register.
void register_routes(http::Router& router, RegisterService& service);

// A stored attachment as a download (404 with an operator hint when the file is gone).
http::Response file_response(const std::string& path, const std::string& media_type, const std::string& download_name);

// Path parameter {id} as a positive integer, else 404.
std::int64_t id_param(const http::Request& req, const std::string& name = "id");

}  // namespace antq::registers
