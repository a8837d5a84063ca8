#!/usr/bin/env bash
# `make lint` (issue 13 item 14): every check at once, then each one's findings, one line a finding
# ("file:line: why"), and a non-zero exit if any check found anything.
#
#   format-cpp  clang-format --dry-run over server/ and bench/ C++ (.clang-format)
#   tidy        clang-tidy over server/src (.clang-tidy), LINT_JOBS files at a time
#   eslint      ESLint over web/ (web/eslint.config.js): typescript-eslint, React hooks, file and function size
#   prettier    Prettier over web/ (web/.prettierrc.json)
#   sizes       no C++ or CSS file over 500 lines in server/src and web/src (scripts/lint/check-sizes.sh)
#
# Usage: scripts/lint.sh [CHECK...]   (default: all five). scripts/format-tree.sh fixes what the two
# formatters report. LINT_JOBS (default: the number of cores) bounds the parallel clang-tidy runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ALL_CHECKS=(format-cpp tidy eslint prettier sizes)
checks=("$@")
((${#checks[@]})) || checks=("${ALL_CHECKS[@]}")
for c in "${checks[@]}"; do
  [[ " ${ALL_CHECKS[*]} " == *" $c "* ]] || { echo "lint: unknown check '$c' (known: ${ALL_CHECKS[*]})" >&2; exit 2; }
done

# The files of the tree: tracked ones and new ones not ignored (a file not yet added is linted too).
list_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files --cached --others --exclude-standard -- "$@" | while read -r f; do [ -f "$f" ] && echo "$f"; done
  else
    find "$@" -type f 2>/dev/null | grep -v '/node_modules/'
  fi
}

check_format_cpp() {
  mapfile -t files < <(list_files server bench | grep -E '\.(cpp|hpp|h|cc)$' | grep -v '^server/fuzz/corpus/')
  ((${#files[@]})) || return 0
  # --dry-run --Werror prints every place that differs; one line a file says enough.
  local raw
  raw=$(printf '%s\n' "${files[@]}" | xargs -P "${LINT_JOBS:-$(nproc)}" -n 25 clang-format --style=file --dry-run --Werror 2>&1 || true)
  [ -z "$raw" ] && return 0
  printf '%s\n' "$raw" | awk -F: '/: error: code should be clang-formatted/ {
      if (!($1 in n)) { order[++k] = $1; first[$1] = $2 } n[$1]++ }
    /: error:/ && !/code should be clang-formatted/ { print; bad = 1 }
    END { for (i = 1; i <= k; i++) { f = order[i]
            printf "%s:%s: not clang-formatted (%d place%s; scripts/format-tree.sh fixes it)\n", f, first[f], n[f], n[f] == 1 ? "" : "s" }
          if (k || bad) exit 1 }'
}

check_tidy() {
  mapfile -t files < <(list_files server/src)
  bash scripts/lint/clang-tidy.sh "${files[@]}"
}

check_eslint() {
  [ -f web/eslint.config.js ] || return 0
  (cd web && npx --no-install eslint --max-warnings 0 --no-warn-ignored --format "$ROOT/scripts/lint/eslint-formatter.mjs" .)
}

check_prettier() {
  [ -f web/.prettierrc.json ] || return 0
  local listed rc=0
  listed=$(cd web && npx --no-install prettier --list-different . 2>&1) || rc=$?
  [ -n "$listed" ] && printf '%s\n' "$listed" | sed -E '/^\[(error|warn)\]/! s#^(.*)$#web/\1: not formatted as Prettier formats it (scripts/format-tree.sh fixes it)#'
  return $rc
}

check_sizes() {
  mapfile -t files < <(list_files server/src web/src)
  bash scripts/lint/check-sizes.sh "${files[@]}"
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s)
for c in "${checks[@]}"; do
  (
    t0=$(date +%s)
    rc=0
    "check_${c//-/_}" > "$out/$c.log" 2>&1 || rc=$?
    echo "$rc $(($(date +%s) - t0))" > "$out/$c.rc"
  ) &
done
wait

failed=()
for c in "${checks[@]}"; do
  read -r rc secs < "$out/$c.rc"
  if [ "$rc" -eq 0 ]; then
    echo "== lint $c: ok (${secs} s)"
  else
    n=$(grep -c . "$out/$c.log" || true)
    echo "== lint $c: FAILED, $n finding line(s) (${secs} s)"
    cat "$out/$c.log"
    failed+=("$c")
  fi
done
echo "== lint: $((${#checks[@]} - ${#failed[@]})) passed, ${#failed[@]} failed in $(($(date +%s) - start)) s${failed:+ (${failed[*]})}"
((${#failed[@]} == 0))
