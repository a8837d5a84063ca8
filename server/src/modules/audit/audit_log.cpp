#include "modules/audit/audit_log.hpp"

#include "core/log.hpp"
#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "modules/audit/audit_log.sql.hpp"

#include <chrono>

namespace antq::audit {

namespace {

using namespace antq::sql::audit::audit_log;  // the statements: audit_log.sql
constexpr const char* kGenesis = "antq-audit-genesis";

// Length-prefixed fields: no separator inside a value can make two different entries sign alike.
std::string canonical(std::int64_t id, const std::string& at, const Entry& e, const std::string& key_id, const std::string& prev) {
  std::string out;
  for (const std::string* f : {&at, &e.actor, &e.action, &e.entity, &e.entity_id, &e.unit_path, &e.unit_code, &e.reason, &e.request_id,
                               &e.details, &key_id, &prev}) {
    out += std::to_string(f->size());
    out += ':';
    out += *f;
  }
  return std::to_string(id) + "|" + out;
}

}  // namespace

void AuditLog::record(db::Connection& c, const Entry& e) const {
  if (c.engine() == db::Engine::postgresql) c.query(kPgLock);
  auto last = c.query(kLast);
  const std::int64_t id = last.empty() ? 1 : last.rows[0].integer(0) + 1;
  const std::string prev = last.empty() ? kGenesis : last.rows[0].text(1);
  const std::string at = timeutil::now_utc();
  const std::string key_id = keys_.current_id();
  const std::string hash = *keys_.mac(key_id, canonical(id, at, e, key_id, prev));
  c.query(kInsert, id, at, e.actor, e.action, e.entity, e.entity_id, e.unit_path, e.unit_code, e.reason, e.request_id, e.details, key_id,
          prev, hash);
  // The head of the chain also goes to the log, outside the database: deleting the newest entries
  // (which the chain alone cannot show) is caught with `antq audit verify --expect-head ID:HASH`.
  log::info("audit_head", {{"id", id}, {"hash", hash}});
}

VerifyResult AuditLog::verify(db::Database& db) const {
  VerifyResult r;
  // Rows outside 1..N (e.g. a forged negative id) would never be reached by walking the chain.
  const auto bounds = db.read_value([](db::Connection& c) { return c.query(kBounds).rows.at(0); });
  if (bounds.integer(0) != 1 || bounds.integer(2) != bounds.integer(1)) {
    r.ok = false;
    r.first_bad_id = bounds.integer(0) != 1 ? bounds.integer(0) : 1;
    r.problem = "Số thứ tự các mục nhật ký không liền nhau từ 1 (có mục bị chèn hoặc xóa).";
    return r;
  }
  std::int64_t after = 0;
  std::string prev = kGenesis;
  int newest_generation = -1;
  for (;;) {
    auto rows = db.read_value([&](db::Connection& c) { return c.query(kPage, after); });
    if (rows.empty()) break;
    for (const auto& row : rows.rows) {
      const std::int64_t id = row.integer(0);
      auto fail = [&](std::string problem) {
        r.ok = false;
        r.first_bad_id = id;
        r.problem = std::move(problem);
      };
      if (id != after + 1) {
        fail("Thiếu mục nhật ký số " + std::to_string(after + 1) + " (đã bị xóa).");
        r.first_bad_id = after + 1;
        return r;
      }
      Entry e{row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.text(7), row.text(8), row.text(9), row.text(10)};
      const std::string key_id = row.text(11);
      if (row.text(12) != prev) {
        fail("Mục " + std::to_string(id) + " không nối tiếp mục trước (mục bị chèn, xóa hoặc sửa).");
        return r;
      }
      const auto expected = keys_.mac(key_id, canonical(id, row.text(1), e, key_id, prev));
      if (!expected) {
        fail("Mục " + std::to_string(id) + " được ký bằng khóa không có trong bộ khóa (" + key_id + ").");
        return r;
      }
      if (*expected != row.text(13)) {
        fail("Mục " + std::to_string(id) + " đã bị sửa sau khi ghi.");
        return r;
      }
      // Keys only move forward: an entry signed with a key older than one already used was
      // forged with a retired (possibly leaked) key, or written by a server not restarted after
      // `antq keys rotate`.
      const int generation = keys_.generation(key_id);
      if (generation < newest_generation) {
        fail("Mục " + std::to_string(id) + " được ký bằng khóa cũ (" + key_id +
             ") sau khi đã đổi khóa: mục giả mạo, hoặc máy chủ chưa khởi động lại sau khi đổi khóa.");
        return r;
      }
      newest_generation = generation;
      prev = row.text(13);
      r.head_id = id;
      r.head_hash = prev;
      after = id;
      ++r.checked;
    }
  }
  return r;
}

std::pair<std::vector<StoredEntry>, std::int64_t> AuditLog::list(db::Database& db, const Filter& f) const {
  // Optional filters as "($n IS NULL OR col = $n)": one statement, always bound. The CAST tells
  // PostgreSQL the parameter's type where it first appears.
  static constexpr const char* kWhere =
      " FROM audit_log WHERE unit_path >= $1 AND unit_path < $2 "
      "AND (CAST($3 AS TEXT) IS NULL OR actor = $3) AND (CAST($4 AS TEXT) IS NULL OR action = $4) AND (CAST($5 AS TEXT) IS NULL OR entity = $5) "
      "AND (CAST($6 AS TEXT) IS NULL OR entity_id = $6) AND (CAST($7 AS TEXT) IS NULL OR at >= $7) AND (CAST($8 AS TEXT) IS NULL OR at < $8)";
  static const std::string kCount = std::string("SELECT COUNT(*)") + kWhere;
  static const std::string kSelect =
      std::string("SELECT id, at, actor, action, entity, entity_id, unit_path, unit_code, reason, request_id, details") + kWhere +
      " ORDER BY id DESC LIMIT $9 OFFSET $10";
  // The whole-country scope also sees entries without an area (e.g. national accounts' logins).
  std::string lo = f.scope_path.empty() ? "" : f.scope_path;
  std::string hi = f.scope_path.empty() ? "\x7f" : subtree_range(f.scope_path).hi;
  // Vietnam-local dates to UTC instants: the day starts at 17:00 UTC the day before.
  auto day_start_utc = [](const std::string& date, int add_days) -> std::optional<std::string> {
    auto ymd = timeutil::parse_date(date);
    if (!ymd) return std::nullopt;
    const auto tp = std::chrono::sys_days{*ymd} + std::chrono::days(add_days) - std::chrono::hours(7);
    return timeutil::to_rfc3339(tp);
  };
  const auto from = f.from ? day_start_utc(*f.from, 0) : std::nullopt;
  const auto to = f.to ? day_start_utc(*f.to, 1) : std::nullopt;
  return db.read_value([&](db::Connection& c) {
    const auto total = c.query(kCount, lo, hi, f.actor, f.action, f.entity, f.entity_id, from, to).rows[0].integer(0);
    auto rows = c.query(kSelect, lo, hi, f.actor, f.action, f.entity, f.entity_id, from, to, f.per_page,
                        static_cast<std::int64_t>(f.page - 1) * f.per_page);
    std::vector<StoredEntry> out;
    for (const auto& r : rows.rows) {
      out.push_back({r.integer(0), r.text(1),
                     Entry{r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8), r.text(9), r.text(10)}});
    }
    return std::make_pair(std::move(out), total);
  });
}

}  // namespace antq::audit
