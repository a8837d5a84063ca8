#include "app/cli_text.hpp"

#include <cstdlib>
#include <functional>
#include <sstream>
#include <string_view>
#include <vector>

namespace antq::app::cli_text {

namespace {

constexpr const char* kOptionsVi = "Tùy chọn";
constexpr const char* kCommandsVi = "Lệnh";
constexpr const char* kHelpVi = "In hướng dẫn này rồi thoát";
constexpr const char* kHelpEn = "Print this help message and exit";

bool english(std::string_view v) {
  return v == "en" || v.starts_with("en_") || v.starts_with("en-") || v.starts_with("en.") || v.starts_with("en@");
}

// CLI11's type names ("TEXT", "INT", "TEXT:{a,b}" with a validator) as a Vietnamese reader knows them.
std::string type_vi(const std::string& type) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {{"TEXT", "CHUỖI"},  {"INT", "SỐ"},           {"UINT", "SỐ"},
                                                                         {"FLOAT", "SỐ"},    {"BOOLEAN", "CÓ/KHÔNG"}, {"FILE", "TỆP"},
                                                                         {"DIR", "THƯ_MỤC"}, {"PATH", "ĐƯỜNG_DẪN"}};
  const auto colon = type.find(':');
  const std::string head = type.substr(0, colon);
  for (const auto& [en, vi] : kTypes) {
    if (head == en) return std::string(vi) + (colon == std::string::npos ? "" : type.substr(colon));
  }
  return type;
}

// Columns as a terminal shows them: code points, not bytes ("CHUỖI" is 5 wide, 8 bytes).
std::size_t width(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// CLI11's detail::format_help, padding by width() instead of std::setw's bytes (which misaligned
// every Vietnamese line).
std::string format_help(const std::string& name, const std::string& description, std::size_t wid) {
  std::string out = "  " + name;
  const std::size_t used = width(out);
  const std::string pad(wid, ' ');
  if (!description.empty()) {
    out += used >= wid ? "\n" + pad : std::string(wid - used, ' ');
    for (char c : description) {
      out.push_back(c);
      if (c == '\n') out += pad;
    }
  }
  return out + "\n";
}

// CLI11's formatter, with the option's type in Vietnamese (its labels cover "REQUIRED" but not a
// type that carries a validator's description, "TEXT:{vn-2tier,…}").
class Formatter : public CLI::Formatter {
 public:
  explicit Formatter(Lang lang) : lang_(lang) {
    if (lang_ == Lang::vi) {
      label("Usage", "Cách dùng");
      label("OPTIONS", "TÙY_CHỌN");
      label("SUBCOMMAND", "LỆNH");
      label("SUBCOMMANDS", "LỆNH…");
      label("Positionals", "Tham số");
      label("REQUIRED", "BẮT BUỘC");
      label("Env", "Biến môi trường");
      label("Needs", "Cần");
      label("Excludes", "Loại trừ");
    }
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return format_help(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt), column_width_);
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return format_help(sub->get_display_name(true), sub->get_description(), column_width_);
  }

  // CLI11 2.1's make_option_opts, with the type name through type_vi().
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::stringstream out;
    if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
    if (opt->get_type_size() != 0) {
      if (!opt->get_type_name().empty()) {
        out << " " << (lang_ == Lang::vi ? type_vi(opt->get_type_name()) : get_label(opt->get_type_name()));
      }
      if (!opt->get_default_str().empty()) out << "=" << opt->get_default_str();
      if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out << " ...";
      else if (opt->get_expected_min() > 1) out << " x " << opt->get_expected();
      if (opt->get_required()) out << " " << get_label("REQUIRED");
    }
    if (!opt->get_envname().empty()) out << " (" << get_label("Env") << ":" << opt->get_envname() << ")";
    if (!opt->get_needs().empty()) {
      out << " " << get_label("Needs") << ":";
      for (const CLI::Option* op : opt->get_needs()) out << " " << op->get_name();
    }
    if (!opt->get_excludes().empty()) {
      out << " " << get_label("Excludes") << ":";
      for (const CLI::Option* op : opt->get_excludes()) out << " " << op->get_name();
    }
    return out.str();
  }

 private:
  Lang lang_;
};

void each_app(CLI::App& app, const std::function<void(CLI::App&)>& fn) {
  fn(app);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) each_app(*sub, fn);
}

// The command being parsed when the error came: the deepest subcommand seen on the command line.
const CLI::App* current(const CLI::App& root) {
  const CLI::App* at = &root;
  for (;;) {
    const auto seen = at->get_subcommands();
    if (seen.empty()) return at;
    at = seen.front();
  }
}

// "antq import units": how a person types the command.
std::string command_path(const CLI::App* app) {
  std::vector<std::string> names;
  for (; app; app = app->get_parent()) names.insert(names.begin(), app->get_parent() ? app->get_name() : "antq");
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

std::string subcommand_list(const CLI::App* app) {
  std::string out;
  for (const CLI::App* sub : app->get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); })) {
    out += (out.empty() ? "" : ", ") + sub->get_name();
  }
  return out;
}

bool starts(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }
bool ends(const std::string& s, std::string_view p) { return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0; }

// CLI11's English message (Error.hpp and Validators.hpp of 2.1) in Vietnamese; a message it has
// no rule for keeps CLI11's words after a Vietnamese lead-in rather than being lost.
std::string vietnamese(const CLI::App* at, const CLI::Error& e) {
  const std::string name = e.get_name();
  const std::string msg = e.what();
  if (name == "RequiredError") {
    if (msg == "A subcommand is required") {
      // "antq bogus" ends here too (CLI11 checks the subcommand before the extra word).
      const auto extra = at->remaining();
      const std::string list = subcommand_list(at);
      return (extra.empty() ? std::string() : "Không có lệnh '" + extra.front() + "'. ") + "Hãy chọn một lệnh" +
             (list.empty() ? std::string(".") : ": " + list + ".");
    }
    if (ends(msg, " is required")) return "Thiếu " + msg.substr(0, msg.size() - 12) + " (bắt buộc).";
  }
  // A subcommand's ExtrasError carries the subcommand's name as its error name (CLI11 2.1): known
  // by its words.
  {
    for (std::string_view lead : {"The following arguments were not expected: ", "The following argument was not expected: "}) {
      if (const auto at_lead = msg.find(lead); at_lead != std::string::npos) {
        return "Không hiểu tham số: " + msg.substr(at_lead + lead.size()) + ".";
      }
    }
  }
  if (name == "ValidationError") {
    // IsMember: "--units: x not in {vn-2tier,vn-3tier,none}"
    const auto not_in = msg.find(" not in {");
    const auto colon = msg.find(": ");
    if (not_in != std::string::npos && colon != std::string::npos && colon < not_in) {
      return msg.substr(0, colon) + ": '" + msg.substr(colon + 2, not_in - colon - 2) + "' không hợp lệ, hãy chọn một trong " +
             msg.substr(not_in + 8) + ".";
    }
    if (colon != std::string::npos) return msg.substr(0, colon) + ": giá trị không hợp lệ (" + msg.substr(colon + 2) + ").";
  }
  if (name == "ConversionError") {
    // "Could not convert: --expires-days = abc"
    if (starts(msg, "Could not convert: ")) {
      const std::string rest = msg.substr(19);
      const auto eq = rest.find(" = ");
      if (eq != std::string::npos) return rest.substr(0, eq) + ": không đọc được giá trị '" + rest.substr(eq + 3) + "'.";
    }
    if (ends(msg, ": too many inputs for a flag")) return msg.substr(0, msg.size() - 28) + " không nhận giá trị.";
    if (ends(msg, ": Should be true/false or a number")) return msg.substr(0, msg.size() - 34) + ": hãy ghi true/false hoặc một số.";
  }
  if (name == "ArgumentMismatch") {
    // "--db: 1 required TEXT missing"
    if (ends(msg, " missing") && msg.find(": ") != std::string::npos) return "Thiếu giá trị sau " + msg.substr(0, msg.find(": ")) + ".";
    if (ends(msg, " was given a disallowed flag override")) return msg.substr(0, msg.size() - 38) + " không nhận giá trị.";
    if (starts(msg, "Expected ")) return "Số giá trị không đúng: " + msg + ".";
  }
  if (name == "RequiresError" || name == "ExcludesError") return "Các tùy chọn không đi cùng nhau được: " + msg + ".";
  return "Lỗi dòng lệnh (" + msg + ").";
}

}  // namespace

Lang language_from(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* v : {lc_all, lc_messages, lang}) {
    if (v && *v) return english(v) ? Lang::en : Lang::vi;
  }
  return Lang::vi;
}

Lang language_from_environment() { return language_from(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG")); }

void localize(CLI::App& app, Lang lang) {
  app.formatter(std::make_shared<Formatter>(lang));
  if (lang == Lang::vi) {
    app.option_defaults()->group(kOptionsVi);
    app.group(kCommandsVi);  // the group subcommands inherit
  }
  app.set_help_flag("-h,--help", pick(lang, kHelpVi, kHelpEn));
  app.failure_message([lang](const CLI::App* root, const CLI::Error& e) { return failure_message(*root, e, lang); });
}

void finish(CLI::App& app, Lang lang) {
  // A subcommand makes its help flag before it inherits the option group: put it with the others.
  if (lang == Lang::vi) {
    each_app(app, [](CLI::App& a) {
      if (CLI::Option* help = a.get_help_ptr()) help->group(kOptionsVi);
    });
  }
}

std::string failure_message(const CLI::App& app, const CLI::Error& e, Lang lang) {
  const CLI::App* at = current(app);
  const std::string help = command_path(at) + " --help";
  if (lang == Lang::en) return "antq: " + std::string(e.what()) + "\nRun '" + help + "' for more information.\n";
  return "antq: " + vietnamese(at, e) + "\nChạy '" + help + "' để xem hướng dẫn.\n";
}

}  // namespace antq::app::cli_text
