#include "modules/backup/full_export.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <filesystem>

#include "core/csv.hpp"
#include "core/download_name.hpp"
#include "core/errors.hpp"
#include "core/time.hpp"
#include "db/migrations.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/backup/full_export.sql.hpp"
#include "modules/backup/sealed_columns.hpp"
#include "modules/backup/table_catalog.hpp"
#include "modules/backup/zip_writer.hpp"

namespace antq::backup {

namespace bj = boost::json;
namespace fs = std::filesystem;
using namespace antq::sql::backup::full_export;

namespace {

constexpr const char* kCsvNote =
    "CSV: UTF-8 with BOM, RFC 4180, NULL as an empty unquoted field; a text a spreadsheet would run as a formula starts "
    "with an apostrophe (CSV injection). The JSON Lines files hold every value exactly as stored.";

std::string number(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

// One table's rows as the export writes them: sealed values opened when asked (credentials never).
class TableRows {
 public:
  TableRows(const TableInfo& t, const crypto::Keyring* keys) : table_(t), keys_(keys) {
    for (const auto& col : t.columns) sealed_.push_back(sealed_column(t.name, col));
  }

  // The value of column `i`, opened if it is a sealed column the export decrypts.
  db::Value value(const db::Row& r, std::size_t i, std::int64_t row_number) {
    const db::Value& v = r.value(i);
    const SealedColumn* s = sealed_[i];
    const auto* text = std::get_if<std::string>(&v);
    if (!keys_ || !s || s->credential || !text || !text->starts_with("v1.")) return v;
    auto plain = keys_->open(*text, s->purpose);
    if (!plain) {
      throw OperatorError("Không mở được giá trị niêm phong ở bảng " + table_.name + ", cột " + s->column + " (hàng " +
                          std::to_string(row_number) + "): khóa dữ liệu không phải khóa đã niêm phong nó. Không tệp nào được ghi.");
    }
    ++opened_;
    return std::move(*plain);
  }

  std::string csv_line(const db::Row& r, std::int64_t row_number) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (i) line += ',';
      const db::Value v = value(r, i, row_number);
      if (const auto* n = std::get_if<std::int64_t>(&v)) line += std::to_string(*n);
      else if (const auto* d = std::get_if<double>(&v)) line += number(*d);
      else if (const auto* s = std::get_if<std::string>(&v)) line += csv::field(*s);
    }
    return line + "\r\n";
  }

  std::string json_line(const db::Row& r, std::int64_t row_number) {
    bj::object o;
    for (std::size_t i = 0; i < r.size(); ++i) {
      const db::Value v = value(r, i, row_number);
      bj::value& out = o[table_.columns[i]];
      if (const auto* n = std::get_if<std::int64_t>(&v)) out = *n;
      else if (const auto* d = std::get_if<double>(&v)) out = *d;
      else if (const auto* s = std::get_if<std::string>(&v)) out = bj::string_view(*s);
      else out = nullptr;
    }
    return bj::serialize(o) + "\n";
  }

  bj::array sealed_names() const {
    bj::array out;
    for (const auto* s : sealed_) {
      if (s) out.emplace_back(s->column);
    }
    return out;
  }
  std::int64_t opened() const { return opened_; }

 private:
  const TableInfo& table_;
  const crypto::Keyring* keys_;
  std::vector<const SealedColumn*> sealed_;
  std::int64_t opened_ = 0;
};

bj::object file_json(const std::string& path, const EntryDigest& d) { return {{"path", path}, {"sha256", d.sha256}, {"bytes", d.bytes}}; }

// Both files of one table, each from its own pass over the same snapshot; its manifest entry.
bj::object write_table(ZipWriter& zip, db::Connection& c, const TableInfo& t, const crypto::Keyring* keys, ExportReport& report) {
  TableRows rows(t, keys);
  const std::string csv_path = "csv/" + t.name + ".csv", jsonl_path = "jsonl/" + t.name + ".jsonl";
  zip.begin(csv_path);
  std::string header = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < t.columns.size(); ++i) header += (i ? "," : "") + csv::field(t.columns[i]);
  zip.write(header + "\r\n");
  std::int64_t n = 0;
  each_table_row(c, t, [&](const db::Row& r) { zip.write(rows.csv_line(r, ++n)); });
  const EntryDigest csv_digest = zip.end();

  zip.begin(jsonl_path);
  std::int64_t m = 0;
  each_table_row(c, t, [&](const db::Row& r) { zip.write(rows.json_line(r, ++m)); });
  const EntryDigest jsonl_digest = zip.end();
  if (m != n) throw std::runtime_error("export: table " + t.name + " changed between two reads of one snapshot");

  report.rows += n;
  report.opened += rows.opened() / 2;  // each value was opened once per file
  ++report.tables;
  bj::array columns, key;
  for (const auto& col : t.columns) columns.emplace_back(col);
  for (const auto& col : t.primary_key) key.emplace_back(col);
  return {{"name", t.name},
          {"columns", std::move(columns)},
          {"primary_key", std::move(key)},
          {"rows", n},
          {"sealed_columns", rows.sealed_names()},
          {"files", bj::object{{"csv", file_json(csv_path, csv_digest)}, {"jsonl", file_json(jsonl_path, jsonl_digest)}}}};
}

// The export's audit entry, signed only by the key that signed the chain so far: another key
// would break `antq audit verify` for good.
void record(db::Database& db, const ExportOptions& o) {
  const bool decrypted = o.decrypt;
  const audit::AuditLog audit(*o.keys);
  db.write([&](db::Connection& c) {
    const auto head = c.query(kAuditHeadKey);
    if (!head.empty() && !o.keys->has(head.rows[0].text(0))) {
      throw OperatorError("Khóa dữ liệu đang dùng không phải khóa của CSDL này (nhật ký được ký bằng khóa " + head.rows[0].text(0) +
                          "): không xuất, không tệp nào được ghi.");
    }
    audit.record(c, {o.actor, decrypted ? "export.decrypted" : "export.full", "database", "", "", "", "", o.request_id,
                     bj::serialize(bj::object{{"decrypted", decrypted}})});
  });
}

}  // namespace

std::string export_file_name() { return download::file_name("antq-du-lieu", "", timeutil::today_vietnam(), "zip"); }

ExportReport export_all(db::Database& db, const std::string& out, const ExportOptions& options) {
  if (fs::exists(out)) throw OperatorError("Tệp '" + out + "' đã có: hãy chọn tên khác (bản xuất không ghi đè tệp có sẵn).");
  if (options.decrypt && !options.keys) throw OperatorError("Cần khóa dữ liệu để mở các trường niêm phong.");
  ExportReport report;
  report.schema_version = db::schema_version(db);
  const std::string part = out + ".part";
  try {
    ZipWriter zip(part);  // first: an export that cannot be written is not recorded as made
    // Recorded before the first row is read: an export that is interrupted is on the record too.
    if (options.keys) record(db, options);
    bj::array tables;
    db.read([&](db::Connection& c) {
      for (const auto& t : list_tables(c)) tables.emplace_back(write_table(zip, c, t, options.decrypt ? options.keys : nullptr, report));
    });
    const bj::object manifest{{"format", "antq-export"},
                              {"format_version", 1},
                              {"antq_version", ANTQ_VERSION},
                              {"engine", db::engine_name(db.engine())},
                              {"schema_version", report.schema_version},
                              {"created_at", timeutil::now_utc()},
                              {"sealed_fields", options.decrypt ? "decrypted" : "sealed"},
                              {"csv", kCsvNote},
                              {"tables", std::move(tables)}};
    zip.begin("manifest.json");
    zip.write(bj::serialize(manifest));
    zip.end();
    zip.close();
    fs::rename(part, out);
  } catch (...) {
    std::error_code ec;
    fs::remove(part, ec);
    throw;
  }
  report.bytes = fs::file_size(out);
  return report;
}

}  // namespace antq::backup
