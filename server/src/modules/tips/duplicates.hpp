#pragma once
// Likely duplicate tips: several people often report the same thing. Suggestions are computed in
// the background (intake stays a single fast write) and shown in the inbox; an officer decides.
// A candidate is an earlier tip of the same category in the same commune, received within
// kWindowDays, whose text is similar after diacritic folding (character-trigram Jaccard).
#include <chrono>
#include <string>
#include <string_view>

#include "core/background_worker.hpp"
#include "db/database.hpp"

namespace antq::tips {

inline constexpr int kDuplicateWindowDays = 14;
inline constexpr double kDuplicateThreshold = 0.35;

// Similarity in [0, 1] of two folded texts.
double text_similarity(std::string_view folded_a, std::string_view folded_b);

class DuplicateFinder {
 public:
  explicit DuplicateFinder(db::Database& db, std::chrono::milliseconds poll = std::chrono::seconds(30));
  ~DuplicateFinder();
  void start();
  void stop();
  void wake();  // a tip arrived
  // Checks every tip not yet checked; returns how many. Used by the thread and by tests.
  int run_once();

 private:
  db::Database& db_;
  BackgroundWorker worker_;  // last: stopped before what its rounds use goes away
};

}  // namespace antq::tips
