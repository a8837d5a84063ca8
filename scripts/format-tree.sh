#!/usr/bin/env bash
# Formats the whole tree the way `make lint` checks it: clang-format -i over the C++ of server/ and
# bench/, prettier --write over web/. Run once in a commit of its own (issue 13 item 14), then after
# any large change. Changes only layout; rebuild and run the tests after it all the same.
# Usage: scripts/format-tree.sh [cpp|web]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
parts=("$@")
((${#parts[@]})) || parts=(cpp web)

for p in "${parts[@]}"; do
  case "$p" in
    cpp)
      git ls-files --cached --others --exclude-standard -- server bench | grep -E '\.(cpp|hpp|h|cc)$' \
        | grep -v '^server/fuzz/corpus/' | while read -r f; do [ -f "$f" ] && echo "$f"; done \
        | xargs -r -P "$(nproc)" -n 25 clang-format --style=file -i
      echo "format-tree: C++ formatted (clang-format $(clang-format --version | grep -oE '[0-9]+\.[0-9.]+' | head -1))"
      ;;
    web)
      (cd web && npx --no-install prettier --write --log-level warn .)
      echo "format-tree: web formatted (prettier $(cd web && npx --no-install prettier --version))"
      ;;
    *) echo "format-tree: unknown part '$p' (cpp or web)" >&2; exit 2 ;;
  esac
done
