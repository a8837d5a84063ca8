// PostgreSQL through its own tools: pg_dump's custom format is a consistent snapshot of the
// database taken while the server keeps writing (one REPEATABLE READ transaction), and pg_restore
// --single-transaction restores all of it or nothing.
#include "core/errors.hpp"
#include "db/database.hpp"
#include "modules/backup/backup.hpp"
#include "modules/backup/external_tool.hpp"
#include "modules/backup/postgres_backup.sql.hpp"

namespace antq::backup {

using namespace antq::sql::backup::postgres_backup;

void postgres_backup(const std::string& url, const std::string& out_part) {
  const auto target = pg_target(url);
  const auto r = run_tool(pg_tool("pg_dump"), {"--format=custom", "--file=" + out_part, "--dbname=" + target.conninfo}, target.password);
  if (r.exit_code != 0) {
    throw OperatorError("pg_dump không sao lưu được CSDL '" + db::redact_url(url) + "': " + last_line(r.err));
  }
}

void postgres_restore(const std::string& from, const std::string& url) {
  const auto list = run_tool(pg_tool("pg_restore"), {"--list", from}, "");
  if (list.exit_code != 0) {
    throw OperatorError("Tệp '" + from + "' không đọc được như bản sao lưu PostgreSQL (pg_restore: " + last_line(list.err) + ").");
  }
  if (list.out.find(" schema_migrations ") == std::string::npos) {
    throw OperatorError("Tệp '" + from + "' là bản pg_dump nhưng không phải bản sao lưu ANTQ (không có bảng schema_migrations).");
  }
  {
    auto db = db::open(url);
    const auto tables = db->read_value([](db::Connection& c) { return c.query(kTableCount).rows.at(0).integer(0); });
    if (tables > 0) {
      throw OperatorError("CSDL đích '" + db::redact_url(url) + "' không trống (" + std::to_string(tables) +
                          " bảng): antq restore chỉ khôi phục vào CSDL trống, để không ghi đè dữ liệu đang có. Hãy tạo một CSDL mới "
                          "(createdb) rồi khôi phục vào đó.");
    }
  }
  const auto target = pg_target(url);
  const auto r = run_tool(pg_tool("pg_restore"),
                          {"--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--dbname=" + target.conninfo, from},
                          target.password);
  if (r.exit_code != 0) {
    throw OperatorError("pg_restore không khôi phục được vào '" + db::redact_url(url) + "' (không có gì được ghi): " + last_line(r.err));
  }
}

}  // namespace antq::backup
