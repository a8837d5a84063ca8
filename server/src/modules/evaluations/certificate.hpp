#pragma once
// The recognition certificate (Giấy công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự") in the
// administrative document layout of Decree 30/2020 (DOMAIN-LAW.md §6): A4 portrait, Times New
// Roman with metric-compatible fallbacks, the national motto, issuing body, number, place and date,
// title, content, signature block and recipients.
#include <string>

namespace antq::evaluations {

struct CertificateData {
  std::string unit_full_name;    // "Thôn An Phú, Xã Sơn Tịnh"
  std::string issuer_full_name;  // "Xã Sơn Tịnh"
  std::string issuer_name;       // "Sơn Tịnh" (the place in "Sơn Tịnh, ngày …")
  int year = 0;
  std::string number;      // "3/GCN-UBND"
  std::string date;        // YYYY-MM-DD
  std::string kind_label;  // "khu dân cư"
  std::string basis;       // the criteria set's legal basis
};

std::string certificate_html(const CertificateData& d);

}  // namespace antq::evaluations
