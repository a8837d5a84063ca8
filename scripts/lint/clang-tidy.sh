#!/usr/bin/env bash
# clang-tidy over server/src with the checks of .clang-tidy, LINT_JOBS files at a time.
# Usage: clang-tidy.sh FILE... (paths relative to the repository root; only server/src/*.cpp are run,
# the project's headers are checked through them). Prints one line a finding, "file:line:col: why [check]".
#
# It needs compile_commands.json and nothing built: it configures its own build directory
# (LINT_BUILD_DIR, default build-lint, without the tests; seconds) and never builds it. Unbuilt, the
# precompiled header of each target (cmake_pch.hxx, passed with -include) has no GCC .gch beside it, so
# clang reads it as a plain header and sees what GCC sees; a built directory would not do (clang cannot
# read GCC's .gch). LINT_COMPILE_DB points at another directory holding a compile_commands.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
JOBS=${LINT_JOBS:-$(nproc)}
TIDY=${CLANG_TIDY:-clang-tidy}

files=()
for f in "$@"; do
  case "$f" in server/src/*.cpp | server/src/*.cc) [ -f "$f" ] && files+=("$f") ;; esac
done
((${#files[@]})) || exit 0

if [ -n "${LINT_COMPILE_DB:-}" ]; then
  db=$LINT_COMPILE_DB
else
  db=${LINT_BUILD_DIR:-build-lint}
  # Configured every time (seconds): the sources are globbed, so a new file joins the database.
  cmake -S . -B "$db" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DANTQ_BUILD_TESTS=OFF > "$db.configure.log" 2>&1 \
    || { cat "$db.configure.log"; echo "clang-tidy: cmake could not configure $db"; exit 2; }
  if [ -n "$(find "$db" -name '*.gch' -print -quit)" ]; then
    echo "clang-tidy: $db has been built (GCC precompiled headers, which clang cannot read): use a directory only configured"
    exit 2
  fi
fi

# Only what the database compiles (a file CMake does not build has no flags to be read with).
mapfile -t files < <(python3 - "$db/compile_commands.json" "$PWD" "${files[@]}" <<'EOF'
import json, os, sys
db, root, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
known = {os.path.normpath(os.path.join(e['directory'], e['file'])) for e in json.load(open(db))}
for f in wanted:
    if os.path.normpath(os.path.join(root, f)) in known:
        print(f)
EOF
)
((${#files[@]})) || exit 0

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# One output file per source, so parallel runs never interleave their lines.
printf '%s\n' "${files[@]}" | xargs -P "$JOBS" -I{} sh -c \
  'o="$1/$(printf %s "$2" | tr / _).txt"; "$3" -p "$4" --quiet "$2" > "$o" 2>&1 || echo "exit $?" >> "$o"' \
  _ "$out" {} "$TIDY" "$db"

python3 - "$out" "$PWD" <<'EOF'
import os, re, sys
out, root = sys.argv[1], sys.argv[2].rstrip('/') + '/'
head = re.compile(r'^([^:\s][^:]*):(\d+):(\d+): (warning|error): (.*)$')
size = re.compile(r'^[^:\s][^:]*:\d+:\d+: note: (\d+ lines including .*)$')
findings, failed = [], []
for name in sorted(os.listdir(out)):
    last = None
    lines = open(os.path.join(out, name), encoding='utf-8', errors='replace').read().splitlines()
    for line in lines:
        m = head.match(line)
        if m:
            path = m.group(1)
            path = path[len(root):] if path.startswith(root) else path
            last = [f'{path}:{m.group(2)}:{m.group(3)}: {m.group(4)}: {m.group(5)}']
            findings.append(last)
            continue
        n = size.match(line)
        if n and last is not None:
            last.append(n.group(1))
    if lines and lines[-1].startswith('exit ') and not any(head.match(l) for l in lines):
        failed.append(name)
        print('\n'.join(lines[-20:]))
seen = set()
for f in findings:
    text = f[0] if len(f) == 1 else f'{f[0]} ({"; ".join(f[1:])})'
    if text not in seen:
        seen.add(text)
        print(text)
sys.exit(1 if seen or failed else 0)
EOF
