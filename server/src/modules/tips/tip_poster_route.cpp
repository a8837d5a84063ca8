#include <string>

#include "core/errors.hpp"
#include "core/html.hpp"
#include "http/params.hpp"
#include "modules/tips/qr_svg.hpp"
#include "modules/tips/tips_routes.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::tips {

namespace {

// The poster: A4, the unit's name, a large QR code to the public form preset to the unit, and
// what a citizen needs to know before scanning it (anonymous, kept secret, 113 for emergencies).
std::string poster_html(const units::Unit& u, const std::string& url) {
  return R"(<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Gửi tin báo – )" +
         html::escape(u.full_name) + R"(</title>
<style>
@page { size: A4; margin: 18mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; color: #000; margin: 0; text-align: center; }
.sheet { max-width: 174mm; margin: 0 auto; padding: 8mm 0; }
.unit { font-size: 16pt; font-weight: bold; text-transform: uppercase; margin: 0; }
h1 { font-size: 30pt; margin: 10mm 0 4mm; color: #b00000; }
.lead { font-size: 15pt; margin: 0 0 8mm; }
.qr { width: 110mm; height: 110mm; margin: 0 auto; }
.qr svg { width: 100%; height: 100%; }
.url { font-family: "Liberation Mono", monospace; font-size: 12pt; word-break: break-all; margin: 4mm 0 8mm; }
ul { text-align: left; font-size: 14pt; line-height: 1.5; margin: 0 auto; max-width: 150mm; }
.urgent { font-size: 16pt; font-weight: bold; margin-top: 8mm; }
@media screen { body { background: #eee; } .sheet { background: #fff; padding: 18mm; margin: 8mm auto; box-shadow: 0 0 6px #999; } }
</style></head>
<body><div class="sheet">
<p class="unit">)" +
         html::escape(u.full_name) +
         R"(</p>
<h1>GỬI TIN BÁO VỀ AN NINH, TRẬT TỰ</h1>
<p class="lead">Quét mã bằng camera điện thoại để báo cho Công an nơi đây</p>
<div class="qr">)" +
         qr_svg(url) +
         R"(</div>
<p class="url">)" +
         html::escape(url) +
         R"(</p>
<ul>
<li>Có thể gửi <b>ẩn danh</b>, không cần đăng nhập.</li>
<li>Danh tính người báo được <b>giữ bí mật</b> theo quy định của pháp luật.</li>
<li>Giữ lại <b>mã tin báo</b> và <b>mã bí mật</b> để theo dõi kết quả và trao đổi với Công an.</li>
</ul>
<p class="urgent">Trường hợp khẩn cấp, gọi ngay 113.</p>
</div></body></html>
)";
}

}  // namespace

void register_poster_route(http::Router& router, db::Database& db, std::string public_url) {
  // Public: a printable page of public information (where to send a tip), opened in a new tab.
  router.add({"GET", "/api/v1/units/{code}/tip-poster", http::Access::public_}, [&db, public_url](http::Request& req) {
    const std::string& code = req.param("code");
    if (code.size() > 40) throw NotFound("Không tìm thấy đơn vị.");
    auto unit = db.read_value([&](db::Connection& c) { return units::repo::find_active(c, code); });
    if (!unit) throw NotFound("Không tìm thấy đơn vị '" + code + "'.");
    // Never from the request's Host header: whoever sends the request would choose where the
    // printed QR code sends citizens with their tips.
    std::string base = public_url;
    const char* unavailable =
        "Chưa in được áp phích: máy chủ chưa cấu hình địa chỉ công khai (public_url hoặc ANTQ_PUBLIC_URL), "
        "là địa chỉ người dân mở khi quét mã QR. Hãy báo quản trị viên hệ thống.";
    // ?check=1: whether the poster can be printed, as a 200 either way, so the units page can offer
    // the link or say why not without a failed request in the browser's console.
    if (http::bool_param(req, "check")) {
      boost::json::object o{{"available", !base.empty()}};
      if (base.empty()) o["message"] = unavailable;
      return http::Response::json(o);
    }
    if (base.empty()) throw RuleViolation(unavailable);
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::string encoded;
    for (char c : unit->code) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') encoded += c;
      else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
        encoded += buf;
      }
    }
    http::Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = poster_html(*unit, base + "/gui-tin-bao?unit=" + encoded);
    return r;
  });
}

}  // namespace antq::tips
