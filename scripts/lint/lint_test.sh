#!/usr/bin/env bash
# Self-test of `make lint` (issue 13: "make lint ... fails on a deliberately misformatted file").
# Builds a scratch tree holding the repository's lint configuration and scripts, the web app's installed
# packages and a few clean fixtures; scripts/lint.sh must pass on it. Then it drops in one deliberately
# bad file at a time (scripts/lint/fixtures/) and scripts/lint.sh must fail, naming the file and the why.
# Run by scripts/test.sh; takes well under a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
FIX=$ROOT/scripts/lint/fixtures

for tool in clang-format clang-tidy; do
  command -v "$tool" >/dev/null || { echo "lint_test: $tool is missing (make deps installs it)"; exit 1; }
done
[ -x web/node_modules/.bin/eslint ] || { echo "lint_test: web/node_modules has no eslint (make deps installs it)"; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/scripts" "$scratch/server/src/fixture" "$scratch/web/src" "$scratch/db"
cp -r scripts/lint scripts/lint.sh "$scratch/scripts/"
cp .clang-format .clang-tidy "$scratch/"
cp web/eslint.config.js web/.prettierrc.json web/.prettierignore web/package.json "$scratch/web/"
ln -s "$ROOT/web/node_modules" "$scratch/web/node_modules"
cp "$FIX/good.cpp" "$scratch/server/src/fixture/good.cpp"
cp "$FIX/good.tsx" "$scratch/web/src/Good.tsx"
printf '.app {\n  color: #222;\n}\n' > "$scratch/web/src/good.css"
git -C "$scratch" init -q

# clang-tidy reads its compile commands from here: the fixtures alone, no CMake needed.
compile_db() {
  local first=1
  { echo '['
    for f in "$@"; do
      ((first)) || echo ','
      first=0
      printf '{"directory": "%s", "file": "%s", "command": "c++ -std=c++20 -c %s -o /dev/null"}' "$scratch" "$f" "$f"
    done
    echo ']'; } > "$scratch/db/compile_commands.json"
}
compile_db server/src/fixture/good.cpp
export LINT_COMPILE_DB=$scratch/db LINT_JOBS=2

passed=0 failed=0
run_lint() { # CHECKS... ; prints the output to $scratch/out
  local rc=0
  bash "$scratch/scripts/lint.sh" "$@" > "$scratch/out" 2>&1 || rc=$?
  return $rc
}
expect_pass() { # NAME CHECKS...
  local name=$1; shift
  if run_lint "$@"; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name: lint failed on the clean fixtures:"; sed 's/^/     /' "$scratch/out"; failed=$((failed + 1))
  fi
}
expect_refusal() { # NAME FILE WHY CHECKS...: lint must fail and name FILE with WHY on one line
  local name=$1 file=$2 why=$3; shift 3
  if run_lint "$@"; then
    echo "FAIL $name: lint passed"; sed 's/^/     /' "$scratch/out"; failed=$((failed + 1))
  elif grep -F "$file" "$scratch/out" | grep -qF "$why"; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name: lint failed without naming $file and '$why':"; sed 's/^/     /' "$scratch/out"; failed=$((failed + 1))
  fi
}

expect_pass "clean fixtures pass every check"

cp "$FIX/misformatted.cpp" "$scratch/server/src/fixture/misformatted.cpp"
expect_refusal "misformatted C++ file fails make lint" server/src/fixture/misformatted.cpp "not clang-formatted"
grep -q "== lint: 4 passed, 1 failed" "$scratch/out" || { echo "FAIL the summary does not say 4 passed, 1 failed:"; cat "$scratch/out"; failed=$((failed + 1)); }
rm "$scratch/server/src/fixture/misformatted.cpp"

cp "$FIX/long_function.cpp" "$scratch/server/src/fixture/long_function.cpp"
compile_db server/src/fixture/good.cpp server/src/fixture/long_function.cpp
expect_refusal "C++ function over 120 lines fails clang-tidy" server/src/fixture/long_function.cpp "[readability-function-size]" tidy
rm "$scratch/server/src/fixture/long_function.cpp"
compile_db server/src/fixture/good.cpp

cp "$FIX/misformatted.tsx" "$scratch/web/src/Misformatted.tsx"
expect_refusal "misformatted TSX fails Prettier" web/src/Misformatted.tsx "not formatted as Prettier formats it" prettier
rm "$scratch/web/src/Misformatted.tsx"

cp "$FIX/long_component.tsx" "$scratch/web/src/LongList.tsx"
expect_refusal "component over 120 lines fails ESLint" web/src/LongList.tsx "[max-lines-per-function]" eslint
rm "$scratch/web/src/LongList.tsx"

cp "$FIX/conditional_hook.tsx" "$scratch/web/src/Maybe.tsx"
expect_refusal "hook under a condition fails ESLint" web/src/Maybe.tsx "[react-hooks/rules-of-hooks]" eslint
rm "$scratch/web/src/Maybe.tsx"

seq 1 501 | sed 's/.*/.c& { color: red; }/' > "$scratch/web/src/big.css"
expect_refusal "CSS file over 500 lines fails the size check" web/src/big.css "501 lines" sizes
rm "$scratch/web/src/big.css"

expect_pass "clean again after the bad files are gone"

echo "lint self-test: $passed passed, $failed failed"
((failed == 0))
