// The command line's language (issue 18, item 20): Vietnamese unless the locale is English, and
// CLI11's English errors said in Vietnamese.
#include "app/cli_text.hpp"

#include <gtest/gtest.h>

using namespace antq::app;
using cli_text::Lang;

TEST(CliText, VietnameseUnlessTheLocaleIsEnglish) {
  EXPECT_EQ(cli_text::language_from(nullptr, nullptr, nullptr), Lang::vi);
  EXPECT_EQ(cli_text::language_from(nullptr, nullptr, "C.UTF-8"), Lang::vi);
  EXPECT_EQ(cli_text::language_from(nullptr, nullptr, "vi_VN.UTF-8"), Lang::vi);
  EXPECT_EQ(cli_text::language_from(nullptr, nullptr, "en"), Lang::en);
  EXPECT_EQ(cli_text::language_from(nullptr, nullptr, "en_US.UTF-8"), Lang::en);
  EXPECT_EQ(cli_text::language_from("", "", "en_GB"), Lang::en);
  // LC_ALL, then LC_MESSAGES, then LANG (as the C library reads them).
  EXPECT_EQ(cli_text::language_from("en_US.UTF-8", nullptr, "vi_VN.UTF-8"), Lang::en);
  EXPECT_EQ(cli_text::language_from("vi_VN.UTF-8", nullptr, "en_US.UTF-8"), Lang::vi);
  EXPECT_EQ(cli_text::language_from(nullptr, "en_US.UTF-8", "vi_VN.UTF-8"), Lang::en);
  EXPECT_EQ(cli_text::language_from(nullptr, nullptr, "eng"), Lang::vi);
}

namespace {

// Parses `args` with a small program shaped like antq's and returns what it prints for the error.
std::string error_of(Lang lang, std::vector<std::string> args) {
  CLI::App app{"test"};
  cli_text::localize(app, lang);
  app.require_subcommand(1);
  auto* import = app.add_subcommand("import", "");
  import->require_subcommand(1);
  std::string file, units;
  std::optional<int> days;
  import->add_subcommand("units", "")->add_option("--file", file, "")->required();
  auto* init = app.add_subcommand("init", "");
  init->add_option("--units", units, "")->check(CLI::IsMember({"vn-2tier", "none"}));
  init->add_option("--days", days, "");
  cli_text::finish(app, lang);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return cli_text::failure_message(app, e, lang);
  }
  return "";
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n') + 1); }

}  // namespace

TEST(CliText, ParseErrorsInVietnameseOrEnglish) {
  EXPECT_EQ(error_of(Lang::vi, {}), "antq: Hãy chọn một lệnh: import, init.\nChạy 'antq --help' để xem hướng dẫn.\n");
  EXPECT_EQ(first_line(error_of(Lang::vi, {"bogus"})), "antq: Không có lệnh 'bogus'. Hãy chọn một lệnh: import, init.\n");
  EXPECT_EQ(error_of(Lang::vi, {"import"}), "antq: Hãy chọn một lệnh: units.\nChạy 'antq import --help' để xem hướng dẫn.\n");
  EXPECT_EQ(error_of(Lang::vi, {"import", "units"}), "antq: Thiếu --file (bắt buộc).\nChạy 'antq import units --help' để xem hướng dẫn.\n");
  EXPECT_EQ(first_line(error_of(Lang::vi, {"init", "--units", "x"})),
            "antq: --units: 'x' không hợp lệ, hãy chọn một trong {vn-2tier,none}.\n");
  EXPECT_EQ(first_line(error_of(Lang::vi, {"init", "--days", "abc"})), "antq: --days: không đọc được giá trị 'abc'.\n");
  EXPECT_EQ(first_line(error_of(Lang::vi, {"init", "--units"})), "antq: Thiếu giá trị sau --units.\n");
  EXPECT_EQ(first_line(error_of(Lang::vi, {"init", "thua"})), "antq: Không hiểu tham số: thua.\n");
  // English: CLI11's own words.
  EXPECT_EQ(error_of(Lang::en, {"import", "units"}), "antq: --file is required\nRun 'antq import units --help' for more information.\n");
}

TEST(CliText, HelpInVietnameseHasNoEnglishWordsOfCli11) {
  CLI::App app{"Mô tả"};
  cli_text::localize(app, Lang::vi);
  std::string units;
  auto* init = app.add_subcommand("init", "Tạo CSDL");
  init->add_option("--units", units, "Danh mục")->check(CLI::IsMember({"vn-2tier", "none"}))->required();
  cli_text::finish(app, Lang::vi);
  for (const std::string help : {app.help(), init->help()}) {
    for (const char* english : {"Usage", "Options", "Subcommands", "OPTIONS", "SUBCOMMAND", "REQUIRED", "TEXT", "Print this help"}) {
      EXPECT_EQ(help.find(english), std::string::npos) << english << " in:\n" << help;
    }
    EXPECT_NE(help.find("Cách dùng:"), std::string::npos) << help;
    EXPECT_NE(help.find("Tùy chọn:"), std::string::npos) << help;
  }
  EXPECT_NE(app.help().find("Lệnh:"), std::string::npos);
  EXPECT_NE(init->help().find("--units CHUỖI:{vn-2tier,none} BẮT BUỘC"), std::string::npos) << init->help();
}
