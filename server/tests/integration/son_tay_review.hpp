#pragma once
// Seed 003 (../shared/seeds/003): the figures of Sơn Tây's review of the movement — "cảm hóa giáo
// dục tại nhà 3.421 lượt đối tượng, hòa giải 79 vụ …, 423 tin …, khám phá 45 vụ án, bắt giữ 58 đối
// tượng, … 5 đối tượng truy nã, giúp đỡ 21 người tiến bộ, … 35.000 tờ rơi …, 592 lượt … phụ nữ,
// 638 lượt … cựu chiến binh, 163 nhóm nhân dân tự quản … 15 chuyên đề, 10 mô hình" — which a report
// must give back whether the records were typed (reports_test.cpp) or imported (imports_seed_test.cpp).
#include <boost/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace antq::test {

// Thị xã Sơn Tây (269): its phường and xã.
inline const std::vector<std::string> kSonTayCommunes{"09574", "09577", "09586", "09589", "09592", "09595", "09598", "09601"};

// The five years ending today that the review covers.
struct ReviewPeriod {
  std::string from, to;
};
ReviewPeriod review_period();

// The integer at `path` of a JSON value.
std::int64_t at(const boost::json::value& v, std::initializer_list<const char*> path);

// Checks the review's figures in a report summary of unit 269 over review_period().
void expect_son_tay_review(const boost::json::value& summary);

}  // namespace antq::test
