#include "modules/evaluations/certificate.hpp"

#include "core/html.hpp"
#include "core/text.hpp"

namespace antq::evaluations {

namespace {

constexpr const char* kStyle = R"(
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", "Tinos", serif; font-size: 14pt; color: #000; margin: 0; line-height: 1.3; }
.head { display: flex; justify-content: space-between; text-align: center; }
.issuer { width: 40%; font-size: 13pt; }
.issuer .name { font-weight: bold; text-transform: uppercase; }
.motto { width: 60%; }
.motto .republic { font-size: 12pt; font-weight: bold; text-transform: uppercase; white-space: nowrap; }
.motto .slogan { font-size: 14pt; font-weight: bold; }
.rule { width: 40%; margin: 1mm auto 0; border-top: 1px solid #000; }
.meta { display: flex; justify-content: space-between; margin-top: 4mm; }
.meta .place { font-style: italic; }
h1 { text-align: center; font-size: 16pt; margin: 14mm 0 2mm; text-transform: uppercase; }
.subject { text-align: center; font-weight: bold; margin-bottom: 8mm; }
p { text-align: justify; margin: 0 0 6pt; text-indent: 10mm; }
.sign { display: flex; justify-content: space-between; margin-top: 12mm; }
.recipients { font-size: 12pt; width: 45%; }
.recipients b { font-style: italic; font-size: 12pt; }
.signer { width: 50%; text-align: center; font-weight: bold; text-transform: uppercase; }
.signer .space { height: 28mm; }
@media screen { body { max-width: 165mm; margin: 10mm auto; } }
)";

std::string vn_long_date(const std::string& iso) {
  if (iso.size() != 10) return "ngày … tháng … năm …";
  return "ngày " + iso.substr(8, 2) + " tháng " + iso.substr(5, 2) + " năm " + iso.substr(0, 4);
}

}  // namespace

std::string certificate_html(const CertificateData& d) {
  const std::string issuer = "Ủy ban nhân dân " + text::lower_initial(d.issuer_full_name);
  const std::string year = std::to_string(d.year);
  std::string h = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Giấy công nhận " + html::escape(d.number) +
                  "</title><style>" + kStyle + "</style></head><body>";
  h += "<div class=\"head\"><div class=\"issuer\"><div class=\"name\">" + html::escape(issuer) + "</div><div class=\"rule\"></div></div>";
  h += "<div class=\"motto\"><div class=\"republic\">Cộng hòa xã hội chủ nghĩa Việt Nam</div>"
       "<div class=\"slogan\">Độc lập - Tự do - Hạnh phúc</div><div class=\"rule\"></div></div></div>";
  h += "<div class=\"meta\"><div>Số: " + html::escape(d.number) + "</div><div class=\"place\">" + html::escape(d.issuer_name) + ", " +
       vn_long_date(d.date) + "</div></div>";
  h += "<h1>Giấy công nhận</h1>";
  h += "<div class=\"subject\">" + html::escape(d.unit_full_name) + " đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm " + year + "</div>";
  h += "<p>Căn cứ Thông tư số 124/2021/TT-BCA ngày 28 tháng 12 năm 2021 của Bộ trưởng Bộ Công an quy định về khu dân cư, xã, phường, "
       "thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự”";
  if (!d.basis.empty()) h += " (" + html::escape(d.basis) + ")";
  h += ";</p>";
  h += "<p>Xét đề nghị của Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc và kết quả đánh giá năm " + year + ",</p>";
  h += "<p><b>" + html::escape(issuer) + " công nhận:</b> " + html::escape(d.unit_full_name) + " (" + html::escape(d.kind_label) +
       ") đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm " + year + ".</p>";
  h += "<div class=\"sign\"><div class=\"recipients\"><b>Nơi nhận:</b><br>- Như trên;<br>- Ban Chỉ đạo phong trào;<br>- Lưu: VT.</div>"
       "<div class=\"signer\">TM. Ủy ban nhân dân<br>Chủ tịch<div class=\"space\"></div></div></div>";
  h += "</body></html>";
  return h;
}

}  // namespace antq::evaluations
