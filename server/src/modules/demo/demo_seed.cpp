#include "modules/demo/demo_seed.hpp"

#include <chrono>
#include <cstdio>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/demo/demo_seed.sql.hpp"
#include "modules/demo/one_transaction.hpp"
#include "modules/evaluations/evaluations_demo.hpp"
#include "modules/movement/movement.hpp"
#include "modules/news/news_demo.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/tips/tips_demo.hpp"

namespace antq::demo {

namespace {

constexpr const char* kMarker = "demo.seeded";
using namespace antq::sql::demo::demo_seed;  // the statements: demo_seed.sql

std::string n(std::int64_t v) { return text::group_thousands(v); }

std::string vn_date(const std::string& iso) {
  auto d = timeutil::parse_date(iso);
  return d ? timeutil::format_vn(*d) : iso;
}

}  // namespace

SeedReport seed_demo(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit) {
  SeedReport rep;
  const auto started = std::chrono::steady_clock::now();
  db.write([&](db::Connection& c) {
    if (!c.query(kEarlierSeed).rows.empty()) {
      rep.already = true;
      return;
    }
    const auto live = units::live_demo(c);
    if (live.list.empty()) {
      throw OperatorError(
          "Danh mục đơn vị hiện hành không có xã, phường nào của dữ liệu mẫu (Xã Sơn Tịnh 21220, Phường Sơn Tây 09574; hoặc "
          "Huyện Sơn Tịnh 527, Thị xã Sơn Tây 269 trước năm 2025). Hãy khởi tạo CSDL với --units vn-2tier hoặc vn-3tier.");
    }
    if (c.query(kClaim, std::string(kMarker), live.list, timeutil::now_utc()).rows.empty()) {
      rep.already = true;
      return;
    }
    OneTransaction tx(c);
    rep.units = units::seed_demo(tx, audit);
    rep.tips = tips::seed_demo(tx, keys);
    rep.records = movement::seed_demo(tx, keys, audit);
    rep.evaluations = evaluations::seed_demo(tx, audit);
    rep.news = news::seed_demo(tx);
    rep.history = write_history(tx, keys, audit, units::live_demo(c));
    char details[256];
    std::snprintf(details, sizeof details, "{\"list\":\"%s\",\"units\":%d,\"records\":%lld}", rep.units.list.c_str(), rep.units.created,
                  static_cast<long long>(rep.history.total()) + rep.tips + rep.records + rep.evaluations);
    audit.record(c, {"cli", "demo.seed", "", "", "", "", "", "", details});
    // The figures of the reports from everything just written (as the synthetic loader does).
    reports::Rollups rollups(tx);
    rollups.rebuild();
  });
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return rep;
}

std::string describe(const SeedReport& r) {
  if (r.already) return "Dữ liệu mẫu đã có trong CSDL này: không thay đổi gì.\n";
  std::string out = "Dữ liệu mẫu (danh mục " + r.units.list + "): thêm " + n(r.units.created) + " thôn/cơ sở";
  if (r.units.skipped_communes) out += " (bỏ qua " + n(r.units.skipped_communes) + " xã không có trong danh mục hiện hành)";
  out += ", " + n(r.tips) + " tin báo, " + n(r.records) + " bản ghi phong trào, " + n(r.evaluations) +
         " bản đánh giá \"An toàn về an ninh, trật tự\", " + n(r.news) + " tin đã đăng cho người dân.\n";
  const auto& h = r.history;
  if (!h.area.empty()) {
    out += "Các năm " + vn_date(h.from) + " – " + vn_date(h.to) + " của " + h.area + ": " + n(h.activities) + " hoạt động (" +
           n(h.opinions) + " ý kiến của Nhân dân), " + n(h.tips) + " tin báo đã xử lý, " + n(h.mediations) + " vụ hòa giải, " +
           n(h.patrols) + " lượt tuần tra, " + n(h.people) + " người được cảm hóa, giúp đỡ (" + n(h.sessions) + " lượt gặp gỡ), " +
           n(h.groups) + " tổ, nhóm (" + n(h.members) + " thành viên ghi tên), " + n(h.models) + " mô hình, chuyên đề (" +
           n(h.replications) + " nơi nhân rộng), " + n(h.programs) + " chương trình phối hợp, " + n(h.pledges) + " cam kết, " +
           n(h.awards) + " khen thưởng, " + n(h.hotspots) + " địa bàn trọng điểm, " + n(h.evaluations) + " bản đánh giá.\n";
  }
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f", r.seconds);
  std::string s = secs;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  out += "Số liệu tổng hợp cho báo cáo đã được tính lại; tất cả trong một giao dịch (" + s + " giây).\n";
  return out;
}

}  // namespace antq::demo
