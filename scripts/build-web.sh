#!/usr/bin/env bash
# Builds the web app into web/dist, only when its sources changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=dist/.antq-src-sha
want=$(find src public index.html package.json package-lock.json vite.config.ts vite.sw.config.ts tsconfig*.json scripts -type f 2>/dev/null \
        | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
if [ -f dist/index.html ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "web: up to date"
  exit 0
fi
npm run build --silent
echo "$want" > "$stamp"
