#pragma once
// Names of downloaded files, in Vietnamese without diacritics, the same as the web builds them
// (web/src/lib/files.ts): `so-tuan-tra_xa-son-tinh_2026-12-04.xlsx`. A file fetched straight
// from the API (a script, curl -OJ, a browser without the page's JavaScript) and one saved from the
// page then carry one name.
#include <string>
#include <string_view>

namespace antq::download {

// "Xã Sơn Tịnh" → "xa-son-tinh": diacritics folded, lower case, every run of anything but a–z and
// 0–9 one hyphen, none at either end, at most 60 characters (fileSlug in the web).
std::string slug(std::string_view text);

// `<what>_<unit>_<day>.<ext>`; an empty unit is the whole country ("toan-quoc").
std::string file_name(std::string_view what, std::string_view unit_name, std::string_view day, std::string_view ext);

// The Content-Disposition of a download (RFC 6266): `attachment; filename="<ASCII>";
// filename*=UTF-8''<percent-encoded>`. The plain filename is for old clients: quotes, backslashes,
// control and non-ASCII characters never reach it (diacritics are folded away first).
std::string content_disposition(std::string_view name);

}  // namespace antq::download
