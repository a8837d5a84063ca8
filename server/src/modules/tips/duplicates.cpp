#include "modules/tips/duplicates.hpp"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "core/log.hpp"
#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "modules/tips/duplicates.sql.hpp"

namespace antq::tips {

namespace {

std::unordered_set<std::string> trigrams(std::string_view s) {
  // Folded text is lower-case ASCII-ish after diacritic removal; collapse runs of non-alphanumerics.
  std::string t = " ";
  for (char c : s) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (word) t += c;
    else if (t.back() != ' ') t += ' ';
  }
  if (t.back() != ' ') t += ' ';
  std::unordered_set<std::string> out;
  for (std::size_t i = 0; i + 3 <= t.size(); ++i) out.insert(t.substr(i, 3));
  return out;
}

using namespace antq::sql::tips::duplicates;  // the statements: duplicates.sql

double similarity(const std::unordered_set<std::string>& ta, const std::unordered_set<std::string>& tb);

}  // namespace

namespace {
double similarity(const std::unordered_set<std::string>& ta, const std::unordered_set<std::string>& tb) {
  if (ta.empty() || tb.empty()) return 0.0;
  std::size_t common = 0;
  for (const auto& g : ta) common += tb.count(g);
  return static_cast<double>(common) / static_cast<double>(ta.size() + tb.size() - common);
}

}  // namespace

double text_similarity(std::string_view a, std::string_view b) { return similarity(trigrams(a), trigrams(b)); }

// Background work gives way to requests (low priority): under an intake flood, suggestions may
// lag, intake not.
DuplicateFinder::DuplicateFinder(db::Database& db, std::chrono::milliseconds poll)
    : db_(db), worker_("duplicate_finder", [this] { run_once(); }, {poll, true}) {}
DuplicateFinder::~DuplicateFinder() { stop(); }

void DuplicateFinder::start() { worker_.start(); }
void DuplicateFinder::stop() { worker_.stop(); }
void DuplicateFinder::wake() { worker_.wake(); }

int DuplicateFinder::run_once() {
  int total = 0;
  for (;;) {
    struct Pending {
      std::int64_t id;
      std::string category, received_at, text, path;
    };
    if (worker_.stopping()) return total;
    auto pending = db_.read_value([](db::Connection& c) {
      std::vector<Pending> out;
      for (const auto& r : c.query(kPending).rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)});
      return out;
    });
    if (pending.empty()) return total;
    const auto batch_start = std::chrono::steady_clock::now();
    for (const auto& p : pending) {
      const auto received = timeutil::parse_rfc3339(p.received_at);
      const auto window = std::chrono::hours(24 * kDuplicateWindowDays);
      const std::string lo = received ? timeutil::to_rfc3339(*received - window) : p.received_at;
      const std::string hi = received ? timeutil::to_rfc3339(*received + window) : p.received_at;
      std::vector<std::pair<std::int64_t, double>> found;
      const auto mine = trigrams(p.text);
      db_.read([&](db::Connection& c) {
        auto commune = c.query(kCommunePath, p.path);
        const std::string scope = commune.rows.empty() ? p.path : commune.rows[0].text(0);
        const auto range = subtree_range(scope);
        for (const auto& r : c.query(kCandidates, range.lo, range.hi, p.category, p.id, lo, hi).rows) {
          const double s = similarity(mine, trigrams(r.text(1)));
          if (s >= kDuplicateThreshold) found.emplace_back(r.integer(0), s);
        }
      });
      std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.second > b.second; });
      if (found.size() > 5) found.resize(5);
      db_.write([&](db::Connection& c) {
        if (c.query(kChecked, p.id).affected == 0) return;  // another instance's finder did it
        for (const auto& [other, score] : found) {
          // Kept once per pair, on the newer tip.
          const auto newer = std::max(p.id, other), older = std::min(p.id, other);
          if (c.query("SELECT 1 FROM tip_duplicate_suggestions WHERE tip_id = $1 AND other_id = $2", newer, older).rows.empty()) {
            c.query(kInsert, newer, older, score);
          }
        }
      });
      ++total;
    }
    // A flood of tips must not take CPU from intake: after each batch, rest three times as long as
    // it took (at most a quarter of a core), and let stop() interrupt the rest.
    const auto spent = std::chrono::steady_clock::now() - batch_start;
    const auto rest = std::max<std::chrono::steady_clock::duration>(std::chrono::milliseconds(50), 3 * spent);
    if (worker_.rest(rest)) return total;
  }
}

}  // namespace antq::tips
