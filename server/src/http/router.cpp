#include "http/router.hpp"

#include <stdexcept>

namespace antq::http {

namespace {
std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
bool is_param(std::string_view seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }
}  // namespace

void Router::add(RouteSpec spec, Handler handler) {
  if (spec.pattern.empty() || spec.pattern[0] != '/') throw std::logic_error("route must start with /: " + spec.pattern);
  Route r{std::move(spec), std::move(handler), {}};
  for (auto seg : split(r.spec.pattern)) r.segments.emplace_back(seg);
  routes_.push_back(std::move(r));
}

Match Router::match(std::string_view method, std::string_view path) const {
  Match best;
  if (path.empty() || path[0] != '/') return best;
  const auto segs = split(path);
  // Literal segments win over parameters ("/units/search" before "/units/{code}"): the route with
  // the most literal matches is taken.
  int best_score = -1;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    int score = 0;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      if (is_param(r.segments[i])) {
        ok = !segs[i].empty();
      } else {
        ok = r.segments[i] == segs[i];
        score += ok;
      }
    }
    if (!ok) continue;
    if (r.spec.method != method) {
      best.path_exists = true;
      continue;
    }
    if (score > best_score) {
      best_score = score;
      best.route = &r;
    }
  }
  if (best.route) {
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const auto& seg = best.route->segments[i];
      if (is_param(seg)) best.params[seg.substr(1, seg.size() - 2)] = std::string(segs[i]);
    }
  }
  return best;
}

}  // namespace antq::http
