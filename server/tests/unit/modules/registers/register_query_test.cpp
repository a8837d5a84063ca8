// What a register list's query turns into (register_query.hpp): pure, so checked without a server.
#include "modules/registers/register_query.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "modules/registers/field_builders.hpp"

using namespace antq;
using namespace antq::registers;

namespace {

Spec patrols(FieldType date_type = FieldType::date) {
  Spec s;
  s.name = "patrols";
  s.entity = "patrol";
  s.table = "patrols";
  Field day = date_type == FieldType::date ? f::date("day", "Ngày") : f::datetime("day", "Lúc");
  s.fields = {day, f::codes("kinds", "Loại", "patrol_kind"), f::reference("group_id", "Tổ", "groups"), f::year("year", "Năm"),
              f::sealed(f::text("leader", "Tổ trưởng"), true)};
  s.fields[2].filterable = true;
  s.fields[3].filterable = true;
  s.date_field = "day";
  return s;
}

const std::string& text_at(const ListSql& sql, std::size_t i) { return std::get<std::string>(sql.params.at(i)); }
std::int64_t int_at(const ListSql& sql, std::size_t i) { return std::get<std::int64_t>(sql.params.at(i)); }

}  // namespace

class RegisterQueryTest : public ::testing::Test {
 protected:
  crypto::Keyring keys_ = crypto::Keyring::from_hex(crypto::random_hex(32));
  PathRange scope_{"/1/2/", "/1/20"};
};

TEST_F(RegisterQueryTest, TheAreaAloneAndThePage) {
  ListQuery q;
  q.page = 3;
  q.per_page = 20;
  const ListSql sql = list_sql(patrols(), keys_, scope_, q, false);
  EXPECT_EQ(sql.where, "WHERE un.path >= $1 AND un.path < $2");
  EXPECT_EQ(sql.tail, " ORDER BY r.day DESC, r.id DESC LIMIT $3 OFFSET $4");
  ASSERT_EQ(sql.params.size(), 4u);
  EXPECT_EQ(sql.where_count, 2u);
  EXPECT_EQ(sql.where_params().size(), 2u);
  EXPECT_EQ(text_at(sql, 0), "/1/2/");
  EXPECT_EQ(text_at(sql, 1), "/1/20");
  EXPECT_EQ(int_at(sql, 2), 20);
  EXPECT_EQ(int_at(sql, 3), 40);
}

TEST_F(RegisterQueryTest, AnExportHasNoPageButACeiling) {
  const ListSql sql = list_sql(patrols(), keys_, scope_, ListQuery{}, true);
  EXPECT_EQ(sql.tail, " ORDER BY r.day DESC, r.id DESC LIMIT 50000");
  EXPECT_EQ(sql.params.size(), sql.where_count);
}

TEST_F(RegisterQueryTest, DaysAreVietnamDaysOnDatesAndOnTimes) {
  ListQuery q;
  q.from = "2026-11-01";
  q.to = "2026-11-30";
  const ListSql dates = list_sql(patrols(), keys_, scope_, q, true);
  EXPECT_EQ(dates.where, "WHERE un.path >= $1 AND un.path < $2 AND r.day >= $3 AND r.day < $4");
  EXPECT_EQ(text_at(dates, 2), "2026-11-01");
  EXPECT_EQ(text_at(dates, 3), "2026-12-01");  // the day after `to`, exclusive
  const ListSql times = list_sql(patrols(FieldType::datetime), keys_, scope_, q, true);
  EXPECT_EQ(text_at(times, 2), "2026-10-31T17:00:00.000Z");  // midnight in Vietnam (UTC+7)
  EXPECT_EQ(text_at(times, 3), "2026-11-30T17:00:00.000Z");
}

TEST_F(RegisterQueryTest, SearchFiltersAndHashedFieldsEachAddTheirClause) {
  ListQuery q;
  q.q = "Sơn Tịnh";
  q.filters = {{"kinds", "night"}, {"group_id", "42"}};
  q.hashed = {{"leader", "Nguyễn Văn A"}};
  const Spec spec = patrols();
  const ListSql sql = list_sql(spec, keys_, scope_, q, false);
  EXPECT_EQ(sql.where,
            "WHERE un.path >= $1 AND un.path < $2 AND r.search_text LIKE $3 ESCAPE '\\' AND r.leader_hash IN ($4)"
            " AND EXISTS (SELECT 1 FROM patrols_codes k WHERE k.record_id = r.id AND k.field = $5 AND k.code = $6)"
            " AND r.group_id = $7");
  EXPECT_EQ(text_at(sql, 2), "%son tinh%");
  EXPECT_EQ(text_at(sql, 3), keys_.keyed_hash("Nguyễn Văn A", "patrol.leader"));
  EXPECT_EQ(text_at(sql, 4), "kinds");
  EXPECT_EQ(text_at(sql, 5), "night");
  EXPECT_EQ(int_at(sql, 6), 42);
  EXPECT_EQ(sql.where_count, 7u);
  EXPECT_EQ(sql.tail, " ORDER BY r.day DESC, r.id DESC LIMIT $8 OFFSET $9");
}

TEST_F(RegisterQueryTest, ANumberFilterThatIsNotANumberIsRefused) {
  for (const std::string bad : {"", "4x", "-1", "1234567890123456789"}) {
    ListQuery q;
    q.filters = {{"year", bad}};
    EXPECT_THROW(list_sql(patrols(), keys_, scope_, q, false), BadRequest) << bad;
  }
}

TEST_F(RegisterQueryTest, WithoutADateFieldTheNewestRecordsComeFirst) {
  Spec s = patrols();
  s.date_field.clear();
  ListQuery q;
  q.from = "2026-11-01";  // ignored: nothing to compare it with
  const ListSql sql = list_sql(s, keys_, scope_, q, true);
  EXPECT_EQ(sql.where, "WHERE un.path >= $1 AND un.path < $2");
  EXPECT_EQ(sql.tail, " ORDER BY r.id DESC LIMIT 50000");
}
